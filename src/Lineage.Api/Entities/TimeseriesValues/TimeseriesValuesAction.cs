using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;
using Lineage.Graph.Urns;

namespace Lineage.Api.Entities.TimeseriesValues;

/// <summary>
/// <c>POST /aspects?action=getTimeseriesAspectValues</c> with <c>{"urn", "entity", "aspect", "startTimeMillis"?,
/// "endTimeMillis"?, "limit"?, "latestValue"?, "filter"?}</c> → <c>{"value": {"entityName", "aspectName", "limit",
/// "values": [{"aspect": {"value": "&lt;json&gt;", "contentType": "application/json"}, "systemMetadata"?}]}}</c>, newest
/// first. It shares <c>POST /aspects</c> with the ingest actions (Rest.li routes by the action parameter).
/// </summary>
internal static class TimeseriesValuesAction
{
    /// <summary>DataHub's default and ceiling for one read.</summary>
    private const int MaxLimit = 10_000;

    public static async Task<JsonObject> HandleAsync(MetadataReader reader, JsonObject body, CancellationToken ct)
    {
        var urn = Urn.Parse(JsonBody.RequiredString(body, "urn", "urn"), "urn");
        if (JsonBody.OptionalString(body, "entity", "entity") is { } entity && entity != urn.EntityType)
            throw new ValidationException("entity", $"'{entity}' does not match the urn's entity type '{urn.EntityType}'");
        var aspect = JsonBody.RequiredString(body, "aspect", "aspect");
        var start = OptionalLong(body, "startTimeMillis");
        var end = OptionalLong(body, "endTimeMillis");
        var limit = (int)(OptionalLong(body, "limit") ?? MaxLimit);
        if (limit is < 1 or > MaxLimit) throw new ValidationException("limit", $"{limit} is not from 1 to {MaxLimit}");
        if (body["latestValue"] is JsonValue latest && latest.GetValueKind() == JsonValueKind.True) limit = 1;

        var values = await reader.GetTimeseriesValuesAsync(urn.ToString(), aspect, start, end, limit, ReadFilter(body["filter"]), ct);
        var response = new JsonObject { ["entityName"] = urn.EntityType, ["aspectName"] = aspect };
        if (start is not null) response["startTimeMillis"] = start;
        if (end is not null) response["endTimeMillis"] = end;
        response["limit"] = limit;
        response["values"] = new JsonArray([.. values.Select(v => (JsonNode)Enveloped(v))]);
        return new JsonObject { ["value"] = response };
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

    private static long? OptionalLong(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n,
        _ => throw new ValidationException(name, "expected an integer (epoch milliseconds)"),
    };

    /// <summary>DataHub's Filter: <c>{"or": [{"and": [criterion…]}]}</c>; only EQUAL criteria are supported.</summary>
    private static TimeseriesFilter? ReadFilter(JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonObject filter) throw new ValidationException("filter", "expected an object");
        if (filter["or"] is not JsonArray groups) return new TimeseriesFilter([]);
        return new TimeseriesFilter([.. groups.Select((g, i) => ReadGroup(g, $"filter.or[{i}]"))]);
    }

    private static IReadOnlyList<FieldCondition> ReadGroup(JsonNode? group, string path)
    {
        if (group is not JsonObject { } g || g["and"] is not JsonArray criteria)
            throw new ValidationException(path, "expected {\"and\": [criterion, …]}");
        return [.. criteria.Select((c, i) => ReadCriterion(c, $"{path}.and[{i}]"))];
    }

    private static FieldCondition ReadCriterion(JsonNode? node, string path)
    {
        if (node is not JsonObject criterion) throw new ValidationException(path, "expected a criterion object");
        var field = JsonBody.RequiredString(criterion, "field", $"{path}.field");
        var condition = JsonBody.OptionalString(criterion, "condition", $"{path}.condition") ?? "EQUAL";
        if (condition != "EQUAL") throw new ValidationException($"{path}.condition", $"'{condition}' is not supported; use EQUAL");
        var values = criterion["values"] is JsonArray list
            ? list.Select(v => v?.GetValue<string>() ?? "").ToList()
            : [JsonBody.RequiredString(criterion, "value", $"{path}.values")];
        var negated = criterion["negated"] is JsonValue n && n.GetValueKind() == JsonValueKind.True;
        return new FieldCondition(field, values, negated);
    }
}
