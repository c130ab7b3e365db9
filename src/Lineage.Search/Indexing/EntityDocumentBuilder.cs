using System.Text.Json.Nodes;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;
using Lineage.Search.Index;

namespace Lineage.Search.Indexing;

/// <summary>Builds an entity's index document from its latest aspects, the way people read them.</summary>
public static class EntityDocumentBuilder
{
    // Where a display name lives, by aspect, in order of preference; without one the URN's key name is used.
    private static readonly (string Aspect, string Field)[] NameSources =
    [
        ("mlModelProperties", "name"), ("mlModelGroupProperties", "name"), ("datasetProperties", "name"),
        ("dataJobInfo", "name"), ("dataFlowInfo", "name"), ("containerProperties", "name"), ("domainProperties", "name"),
        ("glossaryTermInfo", "name"), ("glossaryNodeInfo", "name"), ("tagProperties", "name"), ("corpUserInfo", "displayName"),
        ("corpUserInfo", "fullName"), ("corpGroupInfo", "displayName"), ("dataPlatformInfo", "displayName"),
    ];

    public static EntityDocument Build(StoredEntity entity, long connectivity)
    {
        var urn = Urn.Parse(entity.Urn);
        var aspects = entity.Aspects.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        string? Field(string aspect, string field) =>
            aspects.TryGetValue(aspect, out var value) && value[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        IReadOnlyList<string> Urns(string aspect, string list, string? member) =>
            aspects.TryGetValue(aspect, out var value) && value[list] is JsonArray items
                ? items.Select(i => (member is null ? i : i?[member]) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
                    .OfType<string>().Distinct().ToList()
                : [];

        var name = NameSources.Select(s => Field(s.Aspect, s.Field)).FirstOrDefault(n => n is not null) ?? urn.Name ?? entity.Urn;
        var edited = entity.Aspects.Where(a => a.Name.StartsWith("editable", StringComparison.Ordinal))
            .Select(a => Field(a.Name, "description")).OfType<string>().ToList();
        // Glossary terms and nodes call their description a definition.
        var ingested = entity.Aspects.Where(a => !a.Name.StartsWith("editable", StringComparison.Ordinal))
            .Select(a => Field(a.Name, "description") ?? Field(a.Name, "definition")).OfType<string>().ToList();
        var customProperties = entity.Aspects
            .SelectMany(a => a.Value["customProperties"] as JsonObject ?? [])
            .Select(p => $"{p.Key}={(p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString())}")
            .Distinct().ToList();
        var platform = urn.Platform?.ToString() ?? Field("dataPlatformInstance", "platform");
        var deprecated = aspects.TryGetValue("deprecation", out var deprecation) && deprecation["deprecated"] is JsonValue d && d.GetValue<bool>();

        return new EntityDocument(
            entity.Urn, entity.EntityType, name,
            edited.FirstOrDefault() ?? ingested.FirstOrDefault(), [.. edited, .. ingested],
            platform, urn.Origin,
            Urns("globalTags", "tags", "tag"), Urns("glossaryTerms", "terms", "urn"),
            Urns("domains", "domains", null).FirstOrDefault(), Urns("ownership", "owners", "owner"),
            customProperties, deprecated, entity.Removed, connectivity);
    }
}
