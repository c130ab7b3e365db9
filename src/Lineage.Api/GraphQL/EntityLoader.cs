using Lineage.Graph.Storage;

namespace Lineage.Api.GraphQL;

/// <summary>
/// The request's entity reads, batched DataLoader-style: resolvers ask for URNs while the executor walks a level,
/// and the first answer awaited reads every URN asked for so far in one <see cref="IGraphStore.GetEntitiesAsync"/>
/// (one Cypher round trip on Neo4j). Entities read once are kept for the rest of the request.
/// </summary>
internal sealed class EntityLoader(IGraphStore store)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredEntity?> _read = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wanted = new(StringComparer.Ordinal);
    private Task? _reading;

    /// <summary>The entity with its latest aspects, or null when it has none; read with whatever else is asked for meanwhile.</summary>
    public LoaderResult<StoredEntity?> Load(string urn)
    {
        lock (_gate)
        {
            if (!_read.ContainsKey(urn)) _wanted.Add(urn);
        }
        return new LoaderResult<StoredEntity?>(ct => GetAsync(urn, ct));
    }

    private async Task<StoredEntity?> GetAsync(string urn, CancellationToken ct)
    {
        while (true)
        {
            Task reading;
            lock (_gate)
            {
                if (_read.TryGetValue(urn, out var entity)) return entity;
                if (_reading is null || _reading.IsCompleted)
                {
                    _wanted.Add(urn);
                    var batch = _wanted.ToList();
                    _wanted.Clear();
                    _reading = ReadAsync(batch, ct);
                }
                reading = _reading;
            }
            await reading;
        }
    }

    private async Task ReadAsync(List<string> urns, CancellationToken ct)
    {
        // A failure reaches every resolver waiting on this batch; each reports it on its own field.
        var found = await store.GetEntitiesAsync(urns, ct);
        lock (_gate)
        {
            foreach (var urn in urns) _read[urn] = found.GetValueOrDefault(urn);
        }
    }
}
