using System.Text.Json.Nodes;
using Lineage.Api.Wire;
using Lineage.Graph.Reading;

namespace Lineage.Api.Wire;

/// <summary>
/// OpenAPI v3's entity shape: <c>{"urn": …, "&lt;aspectName&gt;": {"value": {…}, "systemMetadata": {…}}}</c>, system
/// metadata only when the request asked for it (<c>?systemMetadata=true</c>), as DataHub answers.
/// </summary>
internal static class GenericEntityWire
{
    /// <summary>One aspect written or read.</summary>
    public sealed record Item(string Urn, string AspectName, JsonNode Value, JsonObject? SystemMetadata);

    public static JsonObject Aspect(JsonNode value, JsonObject? systemMetadata, bool withSystemMetadata)
    {
        var aspect = new JsonObject { ["value"] = value.DeepClone() };
        if (withSystemMetadata && systemMetadata is not null) aspect["systemMetadata"] = systemMetadata.DeepClone();
        return aspect;
    }

    public static JsonObject Aspect(AspectView view, bool withSystemMetadata) =>
        Aspect(view.Stored.Value, AspectWire.SystemMetadata(view), withSystemMetadata);

    public static JsonObject Entity(EntityView view, bool withSystemMetadata)
    {
        var entity = new JsonObject { ["urn"] = view.Urn };
        foreach (var aspect in view.Aspects) entity[aspect.Spec.Name] = Aspect(aspect, withSystemMetadata);
        return entity;
    }

    /// <summary>Entities in order of first appearance; an aspect written twice shows its last value.</summary>
    public static JsonArray Entities(IEnumerable<Item> items, bool withSystemMetadata)
    {
        var entities = new Dictionary<string, JsonObject>();
        var ordered = new JsonArray();
        foreach (var item in items)
        {
            if (!entities.TryGetValue(item.Urn, out var entity))
            {
                entities[item.Urn] = entity = new JsonObject { ["urn"] = item.Urn };
                ordered.Add(entity);
            }
            entity[item.AspectName] = Aspect(item.Value, item.SystemMetadata, withSystemMetadata);
        }
        return ordered;
    }
}
