using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Graph.Relationships;
using Lineage.Graph.Storage.Batches;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// One explicit transaction per batch: lock the feed and read the state the planner needs (one request),
    /// plan, then apply every effect through UNWIND statements and commit (one more request).
    /// </summary>
    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct)
    {
        if (operations.Count == 0) return [];
        await InitializeAsync(ct);
        await TakeTurnAsync(_writeLock, ct);
        try
        {
            return await client.InTransactionAsync(async tx =>
            {
                var (aspectKeys, urns) = StoredState.KeysOf(operations);
                var points = StoredState.PointsOf(operations);
                var reads = new List<CypherStatement>
                {
                    Statement(CypherNames.LockFeed, []),
                    Statement(CypherNames.ReadAspectState, new JsonObject
                    {
                        ["keys"] = new JsonArray([.. aspectKeys.Select(k => (JsonNode)new JsonObject { ["urn"] = k.Urn, ["aspect"] = k.Aspect })]),
                    }),
                    Statement(CypherNames.ReadEntityState, new JsonObject { ["urns"] = Strings(urns) }),
                };
                // Only a batch with timeseries values reads the values already kept.
                if (points.Count > 0)
                {
                    reads.Add(Statement(CypherNames.ReadPointState, new JsonObject
                    {
                        ["points"] = new JsonArray([.. points.Select(p => (JsonNode)new JsonObject
                        {
                            ["urn"] = p.Urn, ["aspect"] = p.Aspect, ["timestampMillis"] = p.TimestampMillis, ["partition"] = p.Partition,
                        })]),
                    }));
                }
                var read = await tx.RunAsync(reads, ct);
                var effects = BatchPlanner.Plan(operations, ReadState(read[1], read[2], points.Count > 0 ? read[3] : null),
                    _clock.GetUtcNow().ToUnixTimeMilliseconds());
                var applied = await tx.CommitAsync(Apply(effects), ct);
                var baseSequence = effects.Changes.Count == 0 ? 0 : applied[^1].Rows[0][0]!.GetValue<long>();
                return effects.Resolve([.. Enumerable.Range(1, effects.Changes.Count).Select(i => baseSequence + i)]);
            }, ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static StoredState ReadState(CypherResult aspects, CypherResult entities, CypherResult? points)
    {
        var aspectStates = new Dictionary<AspectKey, AspectState>();
        foreach (var row in aspects.Rows)
        {
            var latest = row[2]!.AsArray() is [JsonArray l, ..]
                ? new LatestAspect(l[0]!.GetValue<long>(), l[1]!.GetValue<string>(), l[2]!.GetValue<string>())
                : null;
            aspectStates[new AspectKey(row[0]!.GetValue<string>(), row[1]!.GetValue<string>())] = new AspectState(latest, row[3]!.GetValue<long>());
        }
        var entityStates = entities.Rows.ToDictionary(
            r => r[0]!.GetValue<string>(),
            r => new EntityState(r[1]!.GetValue<int>(), r[2]!.GetValue<long>() > 0));
        var pointStates = (points?.Rows ?? []).ToDictionary(
            r => new PointKey(r[0]!.GetValue<string>(), r[1]!.GetValue<string>(), r[2]!.GetValue<long>(), r[3]!.GetValue<string>()),
            r => new StoredPoint(r[4]!.GetValue<string>(), r[5]?.GetValue<string>()));
        return new StoredState(aspectStates, entityStates, pointStates);
    }

    /// <summary>The effects as UNWIND statements, in the planner's order; empty steps are left out.</summary>
    private static List<CypherStatement> Apply(BatchEffects effects)
    {
        var statements = new List<CypherStatement>();
        void Add(string name, string parameter, IEnumerable<JsonNode> rows)
        {
            var array = new JsonArray([.. rows]);
            if (array.Count > 0) statements.Add(Statement(name, new JsonObject { [parameter] = array }));
        }

        // The edges about to be replaced go to the history first, with when they ended; then a hard delete takes the
        // history of what it deletes, archived just now included.
        Add(CypherNames.ArchiveEdges, "keys", effects.EdgeHistoryEnds.Select(e => (JsonNode)new JsonObject
        {
            ["urn"] = e.Urn,
            ["aspect"] = e.Aspect,
            ["at"] = e.At,
        }));
        Add(CypherNames.ArchiveColumnEdges, "keys", effects.EdgeHistoryEnds.Where(e => ColumnEdges.Owns(e.Aspect)).Select(e => (JsonNode)new JsonObject
        {
            ["urn"] = e.Urn,
            ["aspect"] = e.Aspect,
            ["at"] = e.At,
        }));
        Add(CypherNames.WipeEdgeVersions, "urns", effects.WipedEntities.Select(u => (JsonNode)u));
        // Column edges first, while their owners' Produces edges (which find them) are still there.
        Add(CypherNames.DeleteColumnEdges, "keys", effects.WipedEntities.Select(u => (JsonNode)new JsonObject { ["urn"] = u, ["aspect"] = null })
            .Concat(effects.EdgeReplacements.Where(r => ColumnEdges.Owns(r.Aspect))
                .Select(r => (JsonNode)new JsonObject { ["urn"] = r.Urn, ["aspect"] = r.Aspect })));
        Add(CypherNames.WipeEntities, "urns", effects.WipedEntities.Select(u => (JsonNode)u));
        Add(CypherNames.ArchiveLatest, "keys", effects.ArchivedLatest.Select(k => (JsonNode)new JsonObject { ["urn"] = k.Urn, ["aspect"] = k.Aspect }));
        Add(CypherNames.DropLatest, "keys", effects.DroppedLatest.Select(k => (JsonNode)new JsonObject { ["urn"] = k.Urn, ["aspect"] = k.Aspect }));
        Add(CypherNames.UpsertEntities, "entities", effects.Entities.Select(e => (JsonNode)new JsonObject
        {
            ["urn"] = e.Urn,
            ["entityType"] = e.EntityType,
            ["keyParts"] = KeyParts(e.Urn),
            ["createdAt"] = e.CreatedAt,
            ["removed"] = e.Removed,
        }));
        Add(CypherNames.InsertVersions, "versions", effects.NewVersions.Select(v => (JsonNode)new JsonObject
        {
            ["urn"] = v.Urn,
            ["aspect"] = v.Aspect,
            ["version"] = v.Version,
            ["revision"] = v.Revision,
            ["json"] = v.Json,
            ["hash"] = v.Hash,
            ["systemMetadata"] = v.SystemMetadataJson,
            ["createdAt"] = v.CreatedAt,
            ["createdBy"] = v.CreatedBy,
            ["fields"] = AspectProperties.From(v.Json),
        }));
        Add(CypherNames.MarkDeleted, "deletions", effects.Deletions.Select(d => (JsonNode)new JsonObject
        {
            ["urn"] = d.Urn,
            ["aspect"] = d.Aspect,
            ["revision"] = d.Revision,
            ["at"] = d.At,
        }));
        Add(CypherNames.TouchSystemMetadata, "touches", effects.Touches.Select(t => (JsonNode)new JsonObject
        {
            ["urn"] = t.Urn,
            ["aspect"] = t.Aspect,
            ["revision"] = t.Revision,
            ["systemMetadata"] = t.SystemMetadataJson,
        }));
        Add(CypherNames.DeleteAspectEdges, "keys", effects.EdgeReplacements.Select(r => (JsonNode)new JsonObject { ["urn"] = r.Urn, ["aspect"] = r.Aspect }));
        // Each edge once (an aspect may name the same target twice): create-edges creates rather than merges. The last
        // one wins, as it did when the statement merged and set the lineage.
        var stated = effects.EdgeReplacements.SelectMany(r => r.Edges.Select(e => (Edge: e, Since: r.At)))
            .GroupBy(x => (x.Edge.Source, x.Edge.Aspect, x.Edge.Type, x.Edge.Target, x.Edge.Owner)).Select(g => g.Last()).ToList();
        var edges = stated.ConvertAll(x => x.Edge);
        Add(CypherNames.CreateEdges, "edges", stated.Where(x => !x.Edge.IsOwnedElsewhere).Select(x => (JsonNode)new JsonObject
        {
            ["source"] = x.Edge.Source,
            ["target"] = x.Edge.Target,
            ["targetType"] = EntityTypeOf(x.Edge.Target),
            ["type"] = x.Edge.Type,
            ["aspect"] = x.Edge.Aspect,
            ["lineage"] = (int)x.Edge.Lineage,
            ["since"] = x.Since,
        }));
        Add(CypherNames.CreateColumnEdges, "edges", stated.Where(x => x.Edge.IsOwnedElsewhere).Select(x => (JsonNode)new JsonObject
        {
            ["source"] = x.Edge.Source,
            ["sourceType"] = EntityTypeOf(x.Edge.Source),
            ["target"] = x.Edge.Target,
            ["targetType"] = EntityTypeOf(x.Edge.Target),
            ["aspect"] = x.Edge.Aspect,
            ["lineage"] = (int)x.Edge.Lineage,
            ["since"] = x.Since,
            ["owner"] = x.Edge.Owner,
            ["via"] = x.Edge.Mapping?.Via,
            ["transformOperation"] = x.Edge.Mapping?.TransformOperation,
            ["confidenceScore"] = x.Edge.Mapping?.ConfidenceScore,
        }));
        // Only edge versions that ended in the batch: the current ones keep their interval on their native edge.
        Add(CypherNames.CreateEdgeVersions, "edges", effects.EdgeVersions.Where(v => v.Until is not null).Select(EdgeVersionNode));
        Add(CypherNames.LabelEntities, "urns", effects.Entities.Select(e => e.Urn)
            .Concat(edges.Select(e => e.Target)).Concat(edges.Where(e => e.IsOwnedElsewhere).Select(e => e.Source))
            .Distinct().Select(u => (JsonNode)u));
        Add(CypherNames.RecordTimeseries, "points", effects.TimeseriesPoints.Select(TimeseriesNode));
        // Last: the store reads the change numbers from the final statement's answer.
        Add(CypherNames.AppendChanges, "changes", effects.Changes.Select(c => (JsonNode)new JsonObject
        {
            ["urn"] = c.Urn,
            ["entityType"] = c.EntityType,
            ["aspect"] = c.Aspect,
            ["kind"] = c.Kind.ToString(),
            ["previous"] = c.PreviousJson,
            ["current"] = c.CurrentJson,
            ["revision"] = c.Revision,
            ["at"] = c.At,
            ["systemMetadata"] = c.SystemMetadataJson,
            ["actor"] = c.Actor,
        }));
        return statements;
    }

    public async Task<DateTimeOffset?> GetEdgeHistoryReplayAsync(CancellationToken ct)
    {
        await InitializeAsync(ct);
        var rows = (await RunOneAsync(Statement(CypherNames.EdgeHistoryReplay, []), ct)).Rows;
        return rows.Count > 0 && rows[0][0] is JsonValue since ? DateTimeOffset.FromUnixTimeMilliseconds(since.GetValue<long>()) : null;
    }

    public async Task AppendEdgeHistoryAsync(IReadOnlyList<EdgeVersion> versions, bool done, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var statements = new List<CypherStatement>();
        if (versions.Count > 0)
            statements.Add(Statement(CypherNames.CreateEdgeVersions, new JsonObject { ["edges"] = new JsonArray([.. versions.Select(EdgeVersionNode)]) }));
        if (done) statements.Add(Statement(CypherNames.FinishEdgeReplay, []));
        if (statements.Count > 0) await client.RunAsync(statements, ct);
    }

    /// <summary>An edge version as write/create-edge-versions takes it.</summary>
    private static JsonNode EdgeVersionNode(EdgeVersion v) => new JsonObject
    {
        ["source"] = v.Edge.Source,
        ["target"] = v.Edge.Target,
        ["type"] = v.Edge.Type,
        ["aspect"] = v.Edge.Aspect,
        ["owner"] = v.Edge.Owner,
        ["lineage"] = (int)v.Edge.Lineage,
        ["since"] = v.Since,
        ["until"] = v.Until,
        ["via"] = v.Edge.Mapping?.Via,
        ["transformOperation"] = v.Edge.Mapping?.TransformOperation,
        ["confidenceScore"] = v.Edge.Mapping?.ConfidenceScore,
    };

    private static JsonNode TimeseriesNode(TimeseriesPoint p)
    {
        var properties = AspectProperties.From(p.Json);
        properties["_urn"] = p.Urn;
        properties["_name"] = p.Aspect;
        properties["_timestampMillis"] = p.TimestampMillis;
        properties["_partition"] = p.Partition;
        properties["_json"] = p.Json;
        properties["_systemMetadata"] = p.SystemMetadataJson;
        properties["_createdAt"] = p.CreatedAt;
        properties["_createdBy"] = p.CreatedBy;
        return new JsonObject
        {
            ["urn"] = p.Urn,
            ["aspect"] = p.Aspect,
            ["timestampMillis"] = p.TimestampMillis,
            ["partition"] = p.Partition,
            ["properties"] = properties,
        };
    }

    /// <summary>The key parts of a URN as node properties (<c>platform</c>, <c>name</c>, <c>origin</c> …).</summary>
    private static JsonObject KeyParts(string urn) =>
        Urn.TryParse(urn, out var parsed, out _) ? parsed!.KeyAspect() : [];

    // An edge's target is checked for syntax only (AspectValidator), so its type is read without the key rules.
    private static string EntityTypeOf(string urn) => Urn.TryReadReference(urn, out var type, out _) ? type : "unknown";

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
