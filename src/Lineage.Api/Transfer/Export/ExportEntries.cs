using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;

namespace Lineage.Api.Transfer.Export;

/// <summary>
/// Writes what a store keeps about an entity as entries of DataHub's metadata file format, proposals with the aspect in
/// <c>aspect.json</c> as DataHub's file sink writes them. Each carries its stored system metadata plus DataHub's
/// <c>version</c> (the revision) and <c>aspectModified</c> (when and by whom it was written), which an import reads to
/// recreate the version as it was. With history, each aspect's versions come oldest first, and an aspect whose latest
/// was deleted ends with a DELETE. Timeseries values come last, oldest first, every one kept, each with its
/// <c>aspectModified</c>; only the one that is the aspect's latest has a <c>version</c>.
/// </summary>
internal sealed class ExportEntries(MetadataRegistry registry)
{
    public IEnumerable<JsonObject> Of(EntityArchive archive, bool history)
    {
        foreach (var aspect in archive.Versions.GroupBy(v => v.Name))
        {
            if (registry.Aspect(aspect.Key) is { IsTimeseries: true }) continue;
            var latest = aspect.FirstOrDefault(v => v.Version == 0);
            var versions = history ? aspect.OrderBy(v => v.Revision).ToList() : latest is null ? [] : [latest];
            foreach (var version in versions)
                yield return Entry(archive, aspect.Key, "UPSERT", version.Value, Metadata(version.SystemMetadata, version.Revision, version.CreatedAt, version.CreatedBy));
            if (history && latest is null && versions.Count > 0)
            {
                var last = versions[^1];
                yield return Entry(archive, aspect.Key, "DELETE", null, Metadata(null, last.Revision, last.DeletedAt ?? last.CreatedAt, last.CreatedBy));
            }
        }
        foreach (var value in archive.Timeseries)
        {
            // The value that is the aspect's latest carries its revision, so the copy's latest has the same one.
            var latest = archive.Versions.FirstOrDefault(v => v.Name == value.Aspect && v.Version == 0 && JsonNode.DeepEquals(v.Value, value.Value));
            yield return Entry(archive, value.Aspect, "UPSERT", value.Value, Metadata(value.SystemMetadata, latest?.Revision, value.CreatedAt, value.CreatedBy));
        }
    }

    private static JsonObject Entry(EntityArchive archive, string aspect, string changeType, JsonObject? value, JsonObject? metadata)
    {
        var entry = new JsonObject
        {
            ["entityType"] = archive.EntityType,
            ["entityUrn"] = archive.Urn,
            ["changeType"] = changeType,
            ["aspectName"] = aspect,
        };
        if (value is not null) entry["aspect"] = new JsonObject { ["json"] = value.DeepClone() };
        entry["systemMetadata"] = metadata;
        return entry;
    }

    private static JsonObject Metadata(JsonObject? stored, long? revision, DateTimeOffset createdAt, string createdBy)
    {
        var metadata = stored?.DeepClone().AsObject() ?? [];
        if (revision is { } r) metadata["version"] = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
        metadata["aspectModified"] = new JsonObject { ["time"] = createdAt.ToUnixTimeMilliseconds(), ["actor"] = createdBy };
        return metadata;
    }
}
