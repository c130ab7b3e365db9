using System.Text.Json.Nodes;
using Lineage.Cli.Connection;

namespace Lineage.Cli.Transfer;

/// <summary>
/// What a catalog holds, counted from its export with history: each entity's aspects and, for each, its number of
/// entries (kept versions, a DELETE, or a timeseries aspect's values). Two catalogs that are copies count the same.
/// </summary>
public sealed class CatalogInventory
{
    private readonly SortedDictionary<string, SortedDictionary<string, int>> _entities = new(StringComparer.Ordinal);

    public int Entities => _entities.Count;

    public long Versions => _entities.Values.Sum(aspects => aspects.Values.Sum(n => (long)n));

    public IEnumerable<string> Urns => _entities.Keys;

    public static async Task<CatalogInventory> ReadAsync(LineageClient client, Action<int>? onPage, CancellationToken ct)
    {
        var inventory = new CatalogInventory();
        await foreach (var page in CatalogPages.ReadAsync(client, history: true, ct))
        {
            foreach (var entry in page.Entries) inventory.Count(entry);
            onPage?.Invoke(page.Entities);
        }
        return inventory;
    }

    private void Count(JsonObject entry)
    {
        var urn = entry["entityUrn"]!.GetValue<string>();
        if (!_entities.TryGetValue(urn, out var aspects)) _entities[urn] = aspects = new(StringComparer.Ordinal);
        var aspect = entry["aspectName"]!.GetValue<string>();
        aspects[aspect] = aspects.GetValueOrDefault(aspect) + 1;
    }

    /// <summary>Every way <paramref name="copy"/> differs from this catalog, one line each.</summary>
    public IEnumerable<string> Differences(CatalogInventory copy)
    {
        foreach (var (urn, aspects) in _entities)
        {
            if (!copy._entities.TryGetValue(urn, out var copied))
            {
                yield return $"{urn}: missing";
                continue;
            }
            foreach (var aspect in aspects.Keys.Union(copied.Keys).Order(StringComparer.Ordinal))
            {
                var (here, there) = (aspects.GetValueOrDefault(aspect), copied.GetValueOrDefault(aspect));
                if (here != there) yield return $"{urn}: {aspect} has {there} versions, not {here}";
            }
        }
        foreach (var urn in copy._entities.Keys.Where(u => !_entities.ContainsKey(u))) yield return $"{urn}: not in the source";
    }
}
