using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Storage.Neo4j;

/// <summary>
/// The production store: entities, aspect versions and change records as Neo4j nodes, relationships as native
/// edges typed with DataHub's names. Every statement comes from <c>cypher/</c>; values travel as parameters.
/// </summary>
public sealed partial class Neo4jGraphStore(CypherClient client, TimeProvider? clock = null) : IGraphStore
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    // Batches are serialised by the feed lock in Neo4j anyway; queueing them here keeps waiting out of the server.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _ready;

    /// <summary>Waits for <paramref name="turn"/> at most <see cref="Neo4jOptions.QueueTimeout"/>, then answers 503.</summary>
    private async Task TakeTurnAsync(SemaphoreSlim turn, CancellationToken ct)
    {
        if (!await turn.WaitAsync(client.Options.QueueTimeout, ct))
            throw new StoreUnavailableException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Neo4j at {client.Options.Uri} is not keeping up: this request waited {client.Options.QueueTimeout.TotalSeconds:0.###} s (Lineage:Neo4j:QueueTimeout) behind the ones before it"),
                isRetriable: true);
    }

    /// <summary>
    /// Creates the schema. Every other call also makes sure of it first, so a service started while Neo4j was
    /// down answers 503 until Neo4j is back, then carries on without a restart.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (_ready) return;
        await TakeTurnAsync(_schemaLock, ct);
        try
        {
            if (_ready) return;
            var major = await client.MajorVersionAsync(ct);
            // A schema statement cannot share a transaction with anything else.
            foreach (var name in CypherNames.Schema)
                await client.RunAsync([Statement(CypherNames.SchemaFor(name, major), [])], ct);
            await client.RunAsync([Statement(CypherNames.FeedInit, [])], ct);
            await client.RunAsync([Statement(CypherNames.DateDeletions, [])], ct);
            await client.RunAsync([Statement(CypherNames.DateEdges, new JsonObject { ["now"] = _clock.GetUtcNow().ToUnixTimeMilliseconds() })], ct);
            _ready = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    public async Task<StoredEntity?> GetEntityAsync(string urn, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.Entity, new JsonObject { ["urn"] = urn }), ct);
        if (result.Rows.Count == 0) return null;
        var row = result.Rows[0];
        var aspects = row[2]!.AsArray().Select(a => ReadAspect(urn, a!.AsArray())).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        return aspects.Count == 0 ? null : new StoredEntity(urn, row[0]!.GetValue<string>(), row[1]!.GetValue<bool>(), aspects);
    }

    public async Task<IReadOnlyDictionary<string, StoredEntity>> GetEntitiesAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
    {
        if (urns.Count == 0) return new Dictionary<string, StoredEntity>();
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.Entities, new JsonObject { ["urns"] = new JsonArray([.. urns.Select(u => (JsonNode)u)]) }), ct);
        var found = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
        {
            var urn = row[0]!.GetValue<string>();
            var aspects = row[3]!.AsArray().Select(a => ReadAspect(urn, a!.AsArray())).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
            if (aspects.Count > 0) found[urn] = new StoredEntity(urn, row[1]!.GetValue<string>(), row[2]!.GetValue<bool>(), aspects);
        }
        return found;
    }

    public async Task<StoredAspect?> GetAspectAsync(string urn, string aspect, long version, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.AspectVersion,
            new JsonObject { ["urn"] = urn, ["aspect"] = aspect, ["version"] = version }), ct);
        return result.Rows.Count == 0 ? null : ReadAspect(urn, result.Rows[0][0]!.AsArray());
    }

    public async Task<IReadOnlyList<StoredAspect>> GetAspectVersionsAsync(string urn, string aspect, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.AspectVersions, new JsonObject { ["urn"] = urn, ["aspect"] = aspect }), ct);
        return result.Rows.Select(r => ReadAspect(urn, r[0]!.AsArray())).ToList();
    }

    public async Task<IReadOnlyList<TimeseriesValue>> GetTimeseriesValuesAsync(TimeseriesQuery query, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.TimeseriesValues, new JsonObject
        {
            ["urn"] = query.Urn,
            ["aspect"] = query.Aspect,
            ["start"] = query.StartTimeMillis,
            ["end"] = query.EndTimeMillis,
            ["limit"] = query.Limit,
        }), ct);
        return result.Rows.Select(r => r[0]!.AsArray()).Select(v => new TimeseriesValue(query.Urn, query.Aspect,
            v[0]!.GetValue<long>(), JsonNode.Parse(v[1]!.GetValue<string>())!.AsObject(), ParseObject(v[2]),
            DateTimeOffset.FromUnixTimeMilliseconds(v[3]!.GetValue<long>()), v[4]!.GetValue<string>())).ToList();
    }

    public async Task<RelationshipPage> GetRelationshipsAsync(RelationshipQuery query, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var outgoing = query.Direction == RelationshipDirection.Outgoing;
        var filter = new JsonObject
        {
            ["urn"] = query.Urn,
            ["types"] = new JsonArray([.. query.Types.Select(t => (JsonNode)t)]),
            ["includeRemoved"] = query.IncludeRemoved,
        };
        var page = (JsonObject)filter.DeepClone();
        page["start"] = query.Start;
        page["count"] = query.Count;
        var results = await client.RunAsync(
        [
            Statement(outgoing ? CypherNames.OutgoingCount : CypherNames.IncomingCount, filter),
            Statement(outgoing ? CypherNames.OutgoingPage : CypherNames.IncomingPage, page),
        ], ct);
        var total = results[0].Rows[0][0]!.GetValue<int>();
        var items = results[1].Rows.Select(r => new RelatedEntity(r[0]!.GetValue<string>(), r[1]!.GetValue<string>())).ToList();
        return new RelationshipPage(query.Start, total, items);
    }

    public async Task<IReadOnlyList<string>> ListEntityUrnsAsync(string? after, int limit, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.EntityUrns, new JsonObject { ["after"] = after ?? "", ["limit"] = limit }), ct);
        return [.. result.Rows.Select(row => row[0]!.GetValue<string>())];
    }

    public async Task<IReadOnlyList<EntityArchive>> GetArchivesAsync(IReadOnlyList<string> urns, CancellationToken ct)
    {
        if (urns.Count == 0) return [];
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.Archives, new JsonObject { ["urns"] = new JsonArray([.. urns.Select(u => (JsonNode)u)]) }), ct);
        var archives = new Dictionary<string, EntityArchive>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
        {
            var urn = row[0]!.GetValue<string>();
            var versions = row[2]!.AsArray().Select(a => ReadAspect(urn, a!.AsArray()))
                .OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Revision).ToList();
            var timeseries = row[3]!.AsArray().Select(t => t!.AsArray())
                .OrderBy(t => t[0]!.GetValue<string>(), StringComparer.Ordinal).ThenBy(t => t[1]!.GetValue<long>())
                .ThenBy(t => t[5]?.GetValue<string>() ?? "", StringComparer.Ordinal)
                .Select(t => new TimeseriesValue(urn, t[0]!.GetValue<string>(), t[1]!.GetValue<long>(),
                    JsonNode.Parse(t[2]!.GetValue<string>())!.AsObject(), ParseObject(t[3]), DateTimeOffset.FromUnixTimeMilliseconds(t[4]!.GetValue<long>()),
                    t[6]!.GetValue<string>()))
                .ToList();
            if (versions.Count > 0 || timeseries.Count > 0)
                archives[urn] = new EntityArchive(urn, row[1]!.GetValue<string>(), versions, timeseries);
        }
        return [.. urns.Where(archives.ContainsKey).Select(u => archives[u])];
    }

    public async Task<long> GetLastSequenceAsync(CancellationToken ct)
    {
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.LastSequence, new JsonObject()), ct);
        return result.Rows.Count == 0 ? 0 : result.Rows[0][0]!.GetValue<long>();
    }

    public async Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterAsync(long after, int limit, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.ChangesAfter, new JsonObject { ["after"] = after, ["limit"] = limit }), ct);
        var changes = new List<ChangeRecord>(result.Rows.Count);
        foreach (var r in result.Rows)
        {
            // Neo4j reads committed data without a snapshot: a read that runs while writers commit can see change
            // N + 1 and not yet N. Numbers have no gaps, so a missing number is a change not yet visible, and the
            // answer stops before it; a reader that went past it would never index it.
            var sequence = r[0]!.GetValue<long>();
            if (sequence != after + changes.Count + 1) break;
            changes.Add(new ChangeRecord(
                sequence, r[1]!.GetValue<string>(), r[2]!.GetValue<string>(), r[3]?.GetValue<string>(),
                Enum.Parse<ChangeKind>(r[4]!.GetValue<string>()), ParseObject(r[5]), ParseObject(r[6]),
                r[7]!.GetValue<long>(), DateTimeOffset.FromUnixTimeMilliseconds(r[8]!.GetValue<long>()),
                ParseObject(r[9]), r[10]?.GetValue<string>()));
        }
        return changes;
    }

    public ValueTask DisposeAsync()
    {
        _writeLock.Dispose();
        _schemaLock.Dispose();
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<CypherResult> RunOneAsync(CypherStatement statement, CancellationToken ct) =>
        (await client.RunAsync([statement], ct))[0];

    private static CypherStatement Statement(string name, JsonObject parameters) => new(name, CypherCatalog.Get(name), parameters);

    // Only the archive read returns the deletion time (an eighth member); the others read the latest or do not need it.
    private static StoredAspect ReadAspect(string urn, JsonArray a) => new(
        urn, a[0]!.GetValue<string>(), a[1]!.GetValue<long>(), a[2]!.GetValue<long>(),
        JsonNode.Parse(a[3]!.GetValue<string>())!.AsObject(), ParseObject(a[4]),
        DateTimeOffset.FromUnixTimeMilliseconds(a[5]!.GetValue<long>()), a[6]!.GetValue<string>(),
        a.Count > 7 && a[7] is JsonValue deleted ? DateTimeOffset.FromUnixTimeMilliseconds(deleted.GetValue<long>()) : null);

    private static JsonObject? ParseObject(JsonNode? json) =>
        json is JsonValue v && v.TryGetValue<string>(out var text) ? JsonNode.Parse(text)?.AsObject() : null;
}
