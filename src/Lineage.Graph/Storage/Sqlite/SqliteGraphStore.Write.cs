using System.Text.Json;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage.Batches;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    /// <summary>How a column edge's mapping is kept in <c>edges.mapping</c>: camelCase, nulls left out.</summary>
    private static readonly JsonSerializerOptions MappingJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // Batches waiting for the writer. Whoever holds the write lock takes them all (up to GroupOperations) into one
    // transaction, each inside a savepoint of its own: while one transaction commits, the batches that arrive meanwhile
    // wait together, and share the next commit's page writes and fsync instead of paying for one each.
    private readonly List<PendingWrite> _pending = [];
    private const int GroupOperations = 8_000;

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct)
    {
        if (operations.Count == 0) return [];
        var mine = new PendingWrite(operations, ct);
        lock (_pending) _pending.Add(mine);
        try
        {
            await _writeLock.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Still waiting: withdrawn, nothing written. Already taken by another writer: its outcome stands.
            lock (_pending)
                if (_pending.Remove(mine)) throw;
            return await mine.Done.Task;
        }
        try
        {
            while (!mine.Done.Task.IsCompleted) await WriteGroupAsync(TakeGroup());
        }
        finally
        {
            _writeLock.Release();
        }
        return await mine.Done.Task;
    }

    private List<PendingWrite> TakeGroup()
    {
        lock (_pending)
        {
            var (count, operations) = (0, 0);
            while (count < _pending.Count && (count == 0 || operations + _pending[count].Operations.Count <= GroupOperations))
                operations += _pending[count++].Operations.Count;
            var group = _pending.GetRange(0, count);
            _pending.RemoveRange(0, count);
            return group;
        }
    }

    /// <summary>
    /// Writes the batches in one transaction, in order, each in a savepoint: a batch that fails (a condition, a bad row)
    /// is rolled back alone and its writer told why; the others commit together. A failure of the transaction itself
    /// fails them all, and none is written.
    /// </summary>
    private async Task WriteGroupAsync(List<PendingWrite> group)
    {
        var written = new List<(PendingWrite Write, IReadOnlyList<WriteOutcome> Outcomes)>();
        var delta = new LineageAdjacency.Delta();
        long? sequence = null;
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
            await _adjacency.CatchUpAsync(connection, transaction, CancellationToken.None);
            foreach (var write in group)
            {
                if (write.Ct.IsCancellationRequested)
                {
                    write.Done.TrySetCanceled(write.Ct);
                    continue;
                }
                transaction.Save("batch");
                try
                {
                    var batch = new Batch(connection, transaction);
                    var effects = BatchPlanner.Plan(write.Operations, batch.ReadState(write.Operations), _clock.GetUtcNow().ToUnixTimeMilliseconds());
                    var sequences = batch.Apply(effects);
                    transaction.Release("batch");
                    written.Add((write, effects.Resolve(sequences)));
                    delta.Add(batch.Adjacency);
                    if (sequences.Count > 0) sequence = sequences[^1];
                }
                catch (Exception e) when (e is LineageException or SqliteException { SqliteErrorCode: 19 or 20 or 25 }) // CONSTRAINT, MISMATCH, RANGE
                {
                    transaction.Rollback("batch");
                    transaction.Release("batch");
                    write.Done.TrySetException(e is SqliteException sqlite ? Translate(sqlite) : e);
                }
            }
            try
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch
            {
                // Whether the file took the commit is not known here; the copy in memory can no longer vouch for it.
                _adjacency.Abandon();
                throw;
            }
            _adjacency.Apply(delta, sequence);
        }
        catch (Exception e)
        {
            var failure = e is SqliteException sqlite ? Translate(sqlite) : e;
            foreach (var write in group) write.Done.TrySetException(failure);
            return;
        }
        foreach (var (write, outcomes) in written) write.Done.TrySetResult(outcomes);
    }

    public async Task<DateTimeOffset?> GetEdgeHistoryReplayAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, "SELECT since FROM edge_history_replay LIMIT 1");
        return await command.ExecuteScalarAsync(ct) is long since ? DateTimeOffset.FromUnixTimeMilliseconds(since) : null;
    }

    /// <summary>
    /// One transaction under the write lock, as a write: the versions' urns are numbered (a target only an old version
    /// named gets its node, which the in-memory graph learns), then the versions go in.
    /// </summary>
    public async Task AppendEdgeHistoryAsync(IReadOnlyList<EdgeVersion> versions, bool done, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await _adjacency.CatchUpAsync(connection, transaction, ct);
            var (ids, _) = NodeNumbering.Number(connection, transaction, versions.SelectMany(v => new[] { v.Edge.Source, v.Edge.Target, v.Edge.Owner }));
            InsertHistory(connection, transaction, ids, versions);
            if (done)
            {
                using var finish = new RowStatement(connection, transaction, "DELETE FROM edge_history_replay");
                finish.Execute();
            }
            await transaction.CommitAsync(ct);
            var delta = new LineageAdjacency.Delta();
            foreach (var (urn, id) in ids)
            {
                delta.Nodes.Add((id, urn));
                if (Columns.ParentOf(urn) is { } parent && ids.TryGetValue(parent, out var parentId)) delta.Columns.Add((id, parentId));
            }
            _adjacency.Apply(delta, null);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Keeps edge versions in the edge history, their urns already numbered (<paramref name="ids"/>).</summary>
    private static void InsertHistory(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyDictionary<string, long> ids, IEnumerable<EdgeVersion> versions)
    {
        using var insert = new RowStatement(connection, transaction, """
            INSERT INTO edge_history (source, aspect, type, target, owner, lineage, mapping, since, until)
            VALUES ($s, $aspect, $type, $target, $owner, $lineage, $mapping, $since, $until)
            """, "$s", "$aspect", "$type", "$target", "$owner", "$lineage", "$mapping", "$since", "$until");
        foreach (var (e, since, until) in versions)
        {
            insert.Execute(ids[e.Source], e.Aspect, e.Type, ids[e.Target], ids[e.Owner], (long)e.Lineage,
                e.Mapping is { } mapping ? JsonSerializer.Serialize(mapping, MappingJson) : null, since, until);
        }
    }

    /// <summary>A batch waiting for the writer, and how its writer learns its outcome.</summary>
    private sealed class PendingWrite(IReadOnlyList<StoreOperation> operations, CancellationToken ct)
    {
        public IReadOnlyList<StoreOperation> Operations => operations;

        public CancellationToken Ct => ct;

        public TaskCompletionSource<IReadOnlyList<WriteOutcome>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// One batch inside the writer's IMMEDIATE transaction: read what the planner needs, then apply its effects. The urns
    /// the effects name are numbered first (<see cref="NodeNumbering"/>), and every later statement speaks node ids. A
    /// step runs one prepared statement row by row (<see cref="RowStatement"/>); the rare whole-entity wipe runs a few
    /// statements over a JSON array of its ids.
    /// </summary>
    private sealed class Batch(SqliteConnection connection, SqliteTransaction transaction)
    {
        private IReadOnlyDictionary<string, long> _ids = new Dictionary<string, long>();

        // Nodes this batch created: nothing has edges from them or owned by them yet, so there is nothing to replace.
        private IReadOnlySet<long> _created = new HashSet<long>();

        /// <summary>What this batch changed of the in-memory lineage graph (nodes, edges, columns, facts), applied once it commits.</summary>
        public LineageAdjacency.Delta Adjacency { get; } = new();

        public StoredState ReadState(IReadOnlyList<StoreOperation> operations)
        {
            var (aspectKeys, urns) = StoredState.KeysOf(operations);
            var aspects = new Dictionary<AspectKey, AspectState>(aspectKeys.Count);
            // The latest is version 0, history is numbered from 1. No row when the urn has no node.
            using (var latest = Statement("""
                SELECT (SELECT COALESCE(MAX(m.version), 0) FROM aspects m WHERE m.node = n.id AND m.aspect = $aspect),
                       l.revision, l.value_hash, l.value
                FROM nodes n LEFT JOIN aspects l ON l.node = n.id AND l.aspect = $aspect AND l.version = 0
                WHERE n.urn = $urn
                """, "$urn", "$aspect"))
            {
                foreach (var key in aspectKeys)
                {
                    var state = new AspectState(null, 0);
                    latest.Read(row => state = new AspectState(
                        row.IsDBNull(1) ? null : new LatestAspect(row.GetInt64(1), row.GetString(2), row.GetString(3)), row.GetInt64(0)),
                        key.Urn, key.Aspect);
                    aspects[key] = state;
                }
            }
            var entities = new Dictionary<string, EntityState>(urns.Count, StringComparer.Ordinal);
            // An aggregate without GROUP BY: one row, zeros when the urn has no node or no aspects.
            using (var counts = Statement("""
                SELECT COALESCE(SUM(a.version = 0), 0), COUNT(a.node)
                FROM nodes n LEFT JOIN aspects a ON a.node = n.id WHERE n.urn = $urn
                """, "$urn"))
            {
                foreach (var urn in urns)
                    counts.Read(row => entities[urn] = new EntityState(row.GetInt32(0), row.GetInt64(1) > 0), urn);
            }
            var points = new Dictionary<PointKey, StoredPoint>();
            var places = StoredState.PointsOf(operations);
            if (places.Count == 0) return new StoredState(aspects, entities, points);
            using (var kept = Statement("""
                SELECT s.value, s.system_metadata FROM nodes n JOIN timeseries s ON s.node = n.id
                WHERE n.urn = $urn AND s.aspect = $aspect AND s.timestamp_millis = $ts AND s.partition = $partition
                """, "$urn", "$aspect", "$ts", "$partition"))
            {
                foreach (var point in places)
                    kept.Read(row => points[point] = new StoredPoint(row.GetString(0), row.IsDBNull(1) ? null : row.GetString(1)),
                        point.Urn, point.Aspect, point.TimestampMillis, point.Partition);
            }
            return new StoredState(aspects, entities, points);
        }

        /// <summary>Applies the effects in the planner's order and returns the sequence numbers of the changes.</summary>
        public IReadOnlyList<long> Apply(BatchEffects effects)
        {
            (_ids, _created) = NodeNumbering.Number(connection, transaction, UrnsOf(effects));
            foreach (var (urn, id) in _ids)
            {
                Adjacency.Nodes.Add((id, urn));
                if (Columns.ParentOf(urn) is { } parent && _ids.TryGetValue(parent, out var parentId)) Adjacency.Columns.Add((id, parentId));
            }
            if (effects.WipedEntities.Count > 0) Wipe(Ids(effects.WipedEntities));
            if (effects.ArchivedLatest.Count > 0)
            {
                using var archive = Statement("UPDATE aspects SET version = revision WHERE node = $n AND aspect = $aspect AND version = 0", "$n", "$aspect");
                foreach (var key in effects.ArchivedLatest) archive.Execute(_ids[key.Urn], key.Aspect);
            }
            if (effects.DroppedLatest.Count > 0)
            {
                using var drop = Statement("DELETE FROM aspects WHERE node = $n AND aspect = $aspect AND version = 0", "$n", "$aspect");
                foreach (var key in effects.DroppedLatest) drop.Execute(_ids[key.Urn], key.Aspect);
            }
            if (effects.NewVersions.Count > 0)
            {
                using var insert = Statement("""
                    INSERT INTO aspects (node, aspect, version, revision, value, value_hash, system_metadata, created_at, created_by)
                    VALUES ($n, $aspect, $version, $revision, $value, $hash, $sm, $at, $by)
                    """, "$n", "$aspect", "$version", "$revision", "$value", "$hash", "$sm", "$at", "$by");
                foreach (var v in effects.NewVersions)
                    insert.Execute(_ids[v.Urn], v.Aspect, v.Version, v.Revision, v.Json, v.Hash, v.SystemMetadataJson, v.CreatedAt, v.CreatedBy);
            }
            if (effects.Deletions.Count > 0)
            {
                using var delete = Statement(
                    "UPDATE aspects SET deleted_at = $at WHERE node = $n AND aspect = $aspect AND version = $revision", "$n", "$aspect", "$revision", "$at");
                foreach (var d in effects.Deletions) delete.Execute(_ids[d.Urn], d.Aspect, d.Revision, d.At);
            }
            if (effects.Touches.Count > 0)
            {
                // In order: a version touched twice in one batch keeps the last metadata.
                using var touch = Statement("""
                    UPDATE aspects SET system_metadata = $sm WHERE node = $n AND aspect = $aspect AND revision = $revision
                    """, "$n", "$aspect", "$revision", "$sm");
                foreach (var t in effects.Touches) touch.Execute(_ids[t.Urn], t.Aspect, t.Revision, t.SystemMetadataJson);
            }
            if (effects.EdgeReplacements.Count > 0) ReplaceEdges(effects.EdgeReplacements);
            if (effects.EdgeHistoryEnds.Count > 0) RecordHistory(effects);
            if (effects.Entities.Count > 0)
            {
                // removed is null when the batch left the soft-delete flag alone; a node becoming an entity keeps the
                // time of its first write as an entity. SET reads the row as it was. Rows with nothing to change are not
                // rewritten.
                using var record = Statement($"""
                    UPDATE nodes SET entity_type = COALESCE(entity_type, $type),
                                     created_at = COALESCE(created_at, $at),
                                     removed = COALESCE($removed, CASE WHEN created_at IS NULL THEN 0 ELSE removed END)
                    WHERE id = $n AND (created_at IS NULL OR ($removed IS NOT NULL AND removed <> $removed))
                    RETURNING {LineageAdjacency.FactsColumns}
                    """, "$n", "$type", "$at", "$removed");
                foreach (var e in effects.Entities)
                    record.Read(NoteFacts, _ids[e.Urn], e.EntityType, e.CreatedAt, e.Removed is { } removed ? (removed ? 1L : 0L) : null);
            }
            if (effects.TimeseriesPoints.Count > 0)
            {
                using var upsert = Statement("""
                    INSERT INTO timeseries (node, aspect, timestamp_millis, partition, value, system_metadata, created_at, created_by)
                    VALUES ($n, $aspect, $ts, $partition, $value, $sm, $at, $by)
                    ON CONFLICT (node, aspect, timestamp_millis, partition) DO UPDATE SET
                        value = excluded.value, system_metadata = excluded.system_metadata,
                        created_at = excluded.created_at, created_by = excluded.created_by
                    """, "$n", "$aspect", "$ts", "$partition", "$value", "$sm", "$at", "$by");
                foreach (var p in effects.TimeseriesPoints)
                    upsert.Execute(_ids[p.Urn], p.Aspect, p.TimestampMillis, p.Partition, p.Json, p.SystemMetadataJson, p.CreatedAt, p.CreatedBy);
            }
            var facts = effects.NewVersions.Where(v => v.Version == 0).Select(v => (v.Urn, v.Aspect))
                .Concat(effects.ArchivedLatest.Concat(effects.DroppedLatest).Select(k => (k.Urn, k.Aspect)))
                .Where(k => SqliteSchema.FactAspects.Contains(k.Aspect))
                .Select(k => _ids[k.Urn]).Distinct().ToList();
            if (facts.Count > 0)
            {
                using var refresh = Statement($"{SqliteSchema.RefreshFacts} RETURNING {LineageAdjacency.FactsColumns}", "$ids");
                refresh.Read(NoteFacts, JsonSerializer.Serialize(facts));
            }
            return AppendChanges(effects.Changes);
        }

        /// <summary>
        /// Hard-deletes entities: their edges (those their aspects made and the column edges they own), aspects and
        /// timeseries. The node stays, as edges of other entities may still name it; it is no longer an entity.
        /// </summary>
        private void Wipe(string ids)
        {
            using (var sourced = Statement($"DELETE FROM edges WHERE source IN (SELECT value FROM json_each($ids)) RETURNING {LineageAdjacency.EdgeColumns}", "$ids"))
                sourced.Read(NoteDeleted, ids);
            using (var owned = Statement($"DELETE FROM edges WHERE owner <> 0 AND owner IN (SELECT value FROM json_each($ids)) RETURNING {LineageAdjacency.EdgeColumns}", "$ids"))
                owned.Read(NoteDeleted, ids);
            using (var aspects = Statement("DELETE FROM aspects WHERE node IN (SELECT value FROM json_each($ids))", "$ids"))
                aspects.Execute(ids);
            using (var timeseries = Statement("DELETE FROM timeseries WHERE node IN (SELECT value FROM json_each($ids))", "$ids"))
                timeseries.Execute(ids);
            using (var history = Statement("DELETE FROM edge_history WHERE owner IN (SELECT value FROM json_each($ids))", "$ids"))
                history.Execute(ids);
            using var unmake = Statement($"""
                UPDATE nodes SET entity_type = NULL, removed = 0, created_at = NULL, deprecated = 0, owners = NULL
                WHERE id IN (SELECT value FROM json_each($ids))
                RETURNING {LineageAdjacency.FactsColumns}
                """, "$ids");
            unmake.Read(NoteFacts, ids);
        }

        /// <summary>
        /// Replaces the edges each rewritten aspect made: those its source states (owner 0) and the column edges it owns
        /// (its fine-grained lineage), then inserts the new ones in order. INSERT OR REPLACE keeps the last statement of an
        /// edge stated twice, as the mapping of a column edge stated twice may differ; so does the delta.
        /// </summary>
        private void ReplaceEdges(IReadOnlyList<EdgeReplacement> replacements)
        {
            using (var sourced = Statement($"DELETE FROM edges WHERE owner = 0 AND source = $n AND aspect = $aspect RETURNING {LineageAdjacency.EdgeColumns}", "$n", "$aspect"))
            using (var owned = Statement($"DELETE FROM edges WHERE owner <> 0 AND owner = $n AND aspect = $aspect RETURNING {LineageAdjacency.EdgeColumns}", "$n", "$aspect"))
            {
                foreach (var (urn, aspect) in replacements.Select(r => (r.Urn, r.Aspect)).Distinct())
                {
                    var id = _ids[urn];
                    if (_created.Contains(id)) continue;
                    sourced.Read(NoteDeleted, id, aspect);
                    owned.Read(NoteDeleted, id, aspect);
                }
            }
            var edges = replacements.SelectMany(r => r.Edges).ToList();
            if (edges.Count == 0) return;
            Adjacency.Added.AddRange(edges
                .GroupBy(e => (e.Source, e.Aspect, e.Type, e.Target, Owner: e.IsOwnedElsewhere ? e.Owner : null))
                .Select(g => g.Last())
                .Select(e => new LineageAdjacency.EdgeRow(_ids[e.Source], _ids[e.Target], e.Type, (int)e.Lineage, e.Mapping is not null)));
            using var insert = Statement("""
                INSERT OR REPLACE INTO edges (source, aspect, type, target, owner, lineage, mapping)
                VALUES ($s, $aspect, $type, $target, $owner, $lineage, $mapping)
                """, "$s", "$aspect", "$type", "$target", "$owner", "$lineage", "$mapping");
            foreach (var e in edges)
            {
                insert.Execute(_ids[e.Source], e.Aspect, e.Type, _ids[e.Target], e.IsOwnedElsewhere ? _ids[e.Owner] : 0L, (long)e.Lineage,
                    e.Mapping is { } mapping ? JsonSerializer.Serialize(mapping, MappingJson) : null);
            }
        }

        /// <summary>
        /// Ends the rewritten aspects' current lineage edges in the edge history and keeps the ones the batch stated, each
        /// with its interval (<see cref="EdgeHistory"/>).
        /// </summary>
        private void RecordHistory(BatchEffects effects)
        {
            using (var close = Statement(
                "UPDATE edge_history SET until = $at WHERE owner = $n AND aspect = $aspect AND until IS NULL", "$n", "$aspect", "$at"))
            {
                foreach (var end in effects.EdgeHistoryEnds)
                    if (!_created.Contains(_ids[end.Urn])) close.Execute(_ids[end.Urn], end.Aspect, end.At);
            }
            InsertHistory(connection, transaction, _ids, effects.EdgeVersions);
        }

        /// <summary>Every urn the effects name, so that each has a node id before the statements that use it.</summary>
        private static IEnumerable<string> UrnsOf(BatchEffects effects) =>
            effects.WipedEntities
                .Concat(effects.ArchivedLatest.Select(k => k.Urn))
                .Concat(effects.DroppedLatest.Select(k => k.Urn))
                .Concat(effects.NewVersions.Select(v => v.Urn))
                .Concat(effects.Touches.Select(t => t.Urn))
                .Concat(effects.EdgeReplacements.Select(r => r.Urn))
                .Concat(effects.EdgeReplacements.SelectMany(r => r.Edges).SelectMany(e => new[] { e.Source, e.Target, e.Owner }))
                // An edge the batch stated and then replaced is only in the history.
                .Concat(effects.EdgeVersions.Where(v => v.Until is not null).SelectMany(v => new[] { v.Edge.Source, v.Edge.Target, v.Edge.Owner }))
                .Concat(effects.Entities.Select(e => e.Urn))
                .Concat(effects.TimeseriesPoints.Select(p => p.Urn));

        /// <summary>
        /// Appends the change records in order. This batch holds the write lock, so AUTOINCREMENT numbers them
        /// consecutively, each its insert's rowid.
        /// </summary>
        private List<long> AppendChanges(IReadOnlyList<PendingChange> changes)
        {
            var sequences = new List<long>(changes.Count);
            if (changes.Count == 0) return sequences;
            using var append = Statement("""
                INSERT INTO changes (urn, entity_type, aspect, kind, previous, current, revision, at, system_metadata, actor)
                VALUES ($urn, $type, $aspect, $kind, $previous, $current, $revision, $at, $sm, $actor)
                """, "$urn", "$type", "$aspect", "$kind", "$previous", "$current", "$revision", "$at", "$sm", "$actor");
            foreach (var c in changes)
            {
                append.Execute(c.Urn, c.EntityType, c.Aspect, c.Kind.ToString(), c.PreviousJson, c.CurrentJson, c.Revision, c.At,
                    c.SystemMetadataJson, c.Actor);
                sequences.Add(append.LastInsertedRowId);
            }
            return sequences;
        }

        private void NoteDeleted(SqliteDataReader row) =>
            Adjacency.Deleted.Add(LineageAdjacency.ReadEdge(row));

        private void NoteFacts(SqliteDataReader row) => Adjacency.Facts.Add(LineageAdjacency.ReadFacts(row));

        private RowStatement Statement(string sql, params string[] parameters) => new(connection, transaction, sql, parameters);

        private string Ids(IEnumerable<string> urns) => JsonSerializer.Serialize(urns.Select(u => _ids[u]));
    }
}
