using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;
using Lineage.Graph.Urns;

namespace Lineage.Api.Entities.TimeseriesValues;

/// <summary>
/// <c>POST /aspects?action=getTimeseriesAspectValues</c>'s body: <c>{"urn", "entity"?, "aspect", "startTimeMillis"?,
/// "endTimeMillis"?, "limit"?, "latestValue"?, "filter"?}</c>. DataHub's Filter is <c>{"or": [{"and": [criterion…]}]}</c>;
/// only EQUAL criteria are supported.
/// </summary>
internal sealed record TimeseriesValuesRequest(
    Urn Urn, string Aspect, long? StartTimeMillis, long? EndTimeMillis, int Limit, TimeseriesFilter? Filter)
    : IWireRequest<TimeseriesValuesRequest>
{
    /// <summary>DataHub's default and ceiling for one read.</summary>
    public const int MaxLimit = 10_000;

    public static async ValueTask<TimeseriesValuesRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, ct);
        var urn = Urn.Parse(JsonBody.RequiredString(body, "urn", "urn"), "urn");
        if (JsonBody.OptionalString(body, "entity", "entity") is { } entity) urn.MustBeOf(entity, "entity", "entity");
        var limit = (int)(OptionalLong(body, "limit") ?? MaxLimit);
        if (limit is < 1 or > MaxLimit) throw new ValidationException("limit", $"{limit} is not from 1 to {MaxLimit}");
        if (body["latestValue"] is JsonValue latest && latest.GetValueKind() == JsonValueKind.True) limit = 1;
        return new(urn, JsonBody.RequiredString(body, "aspect", "aspect"),
            OptionalLong(body, "startTimeMillis"), OptionalLong(body, "endTimeMillis"), limit, ReadFilter(body["filter"]));
    }

    private static long? OptionalLong(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) => n,
        _ => throw new ValidationException(name, "expected an integer (epoch milliseconds)"),
    };

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
