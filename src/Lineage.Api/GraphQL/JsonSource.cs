using System.Text.Json.Nodes;

namespace Lineage.Api.GraphQL;

/// <summary>
/// A part of an aspect as a GraphQL value, with the URN of the entity it belongs to (DataHub's <c>associatedUrn</c>).
/// Fields without a resolver of their own read the member of the same name (<see cref="JsonFieldResolver"/>).
/// </summary>
internal sealed record JsonSource(JsonObject Json, string Urn)
{
    /// <summary>A string member, or null when absent or not a string.</summary>
    public string? String(string name) => Json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The strings of an array member, or null when the member is absent.</summary>
    public IReadOnlyList<string>? Strings(string name) =>
        Json[name] is JsonArray items ? items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList() : null;

    /// <summary>The objects of an array member, each with the same URN; empty when the member is absent.</summary>
    public IEnumerable<JsonSource> Objects(string name) =>
        (Json[name] as JsonArray ?? []).OfType<JsonObject>().Select(o => this with { Json = o });

    /// <summary>A nested object member, with the same URN, or null.</summary>
    public JsonSource? Object(string name) => Json[name] is JsonObject o ? this with { Json = o } : null;
}
