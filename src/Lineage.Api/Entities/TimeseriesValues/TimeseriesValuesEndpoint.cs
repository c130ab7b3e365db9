using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.TimeseriesValues;

/// <summary>
/// <c>POST /aspects?action=getTimeseriesAspectValues</c> → <c>{"value": {"entityName", "aspectName", "limit",
/// "values": [{"aspect": {"value": "&lt;json&gt;", "contentType": "application/json"}, "systemMetadata"?}]}}</c>, newest
/// first. A read, though Rest.li makes it a POST beside the ingest actions.
/// </summary>
internal sealed class TimeseriesValuesEndpoint(MetadataReader reader) : Endpoint<TimeseriesValuesRequest>
{
    private static readonly RestLiAction Action = new("/aspects", "getTimeseriesAspectValues");

    public override void Configure()
    {
        Post(Action.Registration);
        Options(Action.Bind);
        Scopes(Scope.Read);
        RequestBinder(new WireBinder<TimeseriesValuesRequest>());
    }

    public override async Task HandleAsync(TimeseriesValuesRequest req, CancellationToken ct)
    {
        var values = await reader.GetTimeseriesValuesAsync(
            req.Urn.ToString(), req.Aspect, req.StartTimeMillis, req.EndTimeMillis, req.Limit, req.Filter, ct);
        var response = new JsonObject { ["entityName"] = req.Urn.EntityType, ["aspectName"] = req.Aspect };
        if (req.StartTimeMillis is { } start) response["startTimeMillis"] = start;
        if (req.EndTimeMillis is { } end) response["endTimeMillis"] = end;
        response["limit"] = req.Limit;
        response["values"] = new JsonArray([.. values.Select(v => (JsonNode)Enveloped(v))]);
        await Send.OkAsync(new JsonObject { ["value"] = response }, ct);
    }

    private static JsonObject Enveloped(Graph.Storage.TimeseriesValue value)
    {
        var enveloped = new JsonObject
        {
            ["aspect"] = new JsonObject { ["value"] = value.Value.ToJsonString(), ["contentType"] = "application/json" },
        };
        if (value.SystemMetadata is { } metadata) enveloped["systemMetadata"] = metadata.DeepClone();
        return enveloped;
    }
}
