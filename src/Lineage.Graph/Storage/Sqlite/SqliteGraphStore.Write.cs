using System.Text;
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
                    var effects = BatchPlanner.Plan(write.Operations, await batch.ReadStateAsync(write.Operations, CancellationToken.None),
                        _clock.GetUtcNow().ToUnixTimeMilliseconds());
                    var sequences = await batch.ApplyAsync(effects, CancellationToken.None);
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

    /// <summary>A batch waiting for the writer, and how its writer learns its outcome.</summary>
    private sealed class PendingWrite(IReadOnlyList<StoreOperation> operations, CancellationToken ct)
    {
        public IReadOnlyList<StoreOperation> Operations => operations;

        public CancellationToken Ct => ct;

        public TaskCompletionSource<IReadOnlyList<WriteOutcome>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// One batch inside the writer's IMMEDIATE transaction: read what the planner needs, then apply its effects. Every step is
    /// set-based: its rows travel as one JSON array parameter that the statement unpacks with <c>json_each</c>, so a
    /// batch costs a dozen statements whatever its size, instead of several per aspect. The urns the effects name are
    /// numbered first (<see cref="NodeNumbering"/>), and every later statement speaks node ids.
    /// </summary>
    private sealed class Batch(SqliteConnection connection, SqliteTransaction transaction)
    {
        private IReadOnlyDictionary<string, long> _ids = new Dictionary<string, long>();

        /// <summary>What this batch changed of the in-memory lineage graph (nodes, edges, columns, facts), applied once it commits.</summary>
        public LineageAdjacency.Delta Adjacency { get; } = new();

        public async Task<StoredState> ReadStateAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct)
        {
            var (aspectKeys, urns) = StoredState.KeysOf(operations);
            var aspects = new Dictionary<AspectKey, AspectState>(aspectKeys.Count);
            if (aspectKeys.Count > 0)
            {
                // k.key is the key's index in $keys; the latest is version 0, history is numbered from 1.
                await using var command = Command("""
                    SELECT k.key,
                           (SELECT COALESCE(MAX(m.version), 0) FROM aspects m WHERE m.node = n.id AND m.aspect = k.value ->> 'aspect'),
                           l.revision, l.value_hash, l.value
                    FROM json_each($keys) k
                    LEFT JOIN nodes n ON n.urn = k.value ->> 'urn'
                    LEFT JOIN aspects l ON l.node = n.id AND l.aspect = k.value ->> 'aspect' AND l.version = 0
                    """, ("$keys", Rows(aspectKeys, (w, k) => { w.WriteString("urn", k.Urn); w.WriteString("aspect", k.Aspect); })));
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var latest = reader.IsDBNull(2) ? null : new LatestAspect(reader.GetInt64(2), reader.GetString(3), reader.GetString(4));
                    aspects[aspectKeys[reader.GetInt32(0)]] = new AspectState(latest, reader.GetInt64(1));
                }
            }
            var entities = new Dictionary<string, EntityState>(urns.Count, StringComparer.Ordinal);
            await using (var command = Command("""
                SELECT u.key, COALESCE(SUM(a.version = 0), 0), COUNT(a.node)
                FROM json_each($urns) u LEFT JOIN nodes n ON n.urn = u.value LEFT JOIN aspects a ON a.node = n.id
                GROUP BY u.key
                """, ("$urns", JsonSerializer.Serialize(urns))))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    entities[urns[reader.GetInt32(0)]] = new EntityState(reader.GetInt32(1), reader.GetInt64(2) > 0);
            }
            return new StoredState(aspects, entities);
        }

        /// <summary>Applies the effects in the planner's order and returns the sequence numbers of the changes.</summary>
        public async Task<IReadOnlyList<long>> ApplyAsync(BatchEffects effects, CancellationToken ct)
        {
            _ids = await NodeNumbering.NumberAsync(connection, transaction, UrnsOf(effects), ct);
            foreach (var (urn, id) in _ids)
            {
                Adjacency.Nodes.Add((id, urn));
                if (Columns.ParentOf(urn) is { } parent && _ids.TryGetValue(parent, out var parentId)) Adjacency.Columns.Add((id, parentId));
            }
            if (effects.WipedEntities.Count > 0)
            {
                var ids = Ids(effects.WipedEntities);
                await ReturningAsync($"DELETE FROM edges WHERE source IN (SELECT value FROM json_each($ids)) RETURNING {LineageAdjacency.EdgeColumns}",
                    NoteDeleted, ct, ("$ids", ids));
                await ReturningAsync($"DELETE FROM edges WHERE owner <> 0 AND owner IN (SELECT value FROM json_each($ids)) RETURNING {LineageAdjacency.EdgeColumns}",
                    NoteDeleted, ct, ("$ids", ids));
                await ExecuteAsync("""
                    DELETE FROM aspects WHERE node IN (SELECT value FROM json_each($ids));
                    DELETE FROM timeseries WHERE node IN (SELECT value FROM json_each($ids));
                    """, ct, ("$ids", ids));
                // The node stays, as edges of other entities may still name it; it is no longer an entity.
                await ReturningAsync($"""
                    UPDATE nodes SET entity_type = NULL, removed = 0, created_at = NULL, deprecated = 0, owners = NULL
                    WHERE id IN (SELECT value FROM json_each($ids))
                    RETURNING {LineageAdjacency.FactsColumns}
                    """, NoteFacts, ct, ("$ids", ids));
            }
            if (effects.ArchivedLatest.Count > 0)
            {
                await ExecuteAsync("""
                    UPDATE aspects SET version = revision
                    WHERE version = 0 AND (node, aspect) IN (SELECT value ->> 'n', value ->> 'aspect' FROM json_each($keys))
                    """, ct, ("$keys", Keys(effects.ArchivedLatest)));
            }
            if (effects.DroppedLatest.Count > 0)
            {
                await ExecuteAsync("""
                    DELETE FROM aspects
                    WHERE version = 0 AND (node, aspect) IN (SELECT value ->> 'n', value ->> 'aspect' FROM json_each($keys))
                    """, ct, ("$keys", Keys(effects.DroppedLatest)));
            }
            if (effects.NewVersions.Count > 0)
            {
                await ExecuteAsync("""
                    INSERT INTO aspects (node, aspect, version, revision, value, value_hash, system_metadata, created_at, created_by)
                    SELECT value ->> 'n', value ->> 'aspect', value ->> 'version', value ->> 'revision', value ->> 'value',
                           value ->> 'hash', value ->> 'sm', value ->> 'at', value ->> 'by'
                    FROM json_each($versions)
                    """, ct, ("$versions", Rows(effects.NewVersions, (w, v) =>
                    {
                        w.WriteNumber("n", _ids[v.Urn]);
                        w.WriteString("aspect", v.Aspect);
                        w.WriteNumber("version", v.Version);
                        w.WriteNumber("revision", v.Revision);
                        w.WriteString("value", v.Json);
                        w.WriteString("hash", v.Hash);
                        w.WriteString("sm", v.SystemMetadataJson);
                        w.WriteNumber("at", v.CreatedAt);
                        w.WriteString("by", v.CreatedBy);
                    })));
            }
            if (effects.Touches.Count > 0)
            {
                // A version touched twice in one batch keeps the last metadata, as if the touches ran in order.
                var touches = effects.Touches.GroupBy(t => (t.Urn, t.Aspect, t.Revision)).Select(g => g.Last()).ToList();
                await ExecuteAsync("""
                    UPDATE aspects SET system_metadata = t.value ->> 'sm'
                    FROM json_each($touches) t
                    WHERE aspects.node = t.value ->> 'n' AND aspects.aspect = t.value ->> 'aspect' AND aspects.revision = t.value ->> 'revision'
                    """, ct, ("$touches", Rows(touches, (w, t) =>
                    {
                        w.WriteNumber("n", _ids[t.Urn]);
                        w.WriteString("aspect", t.Aspect);
                        w.WriteNumber("revision", t.Revision);
                        w.WriteString("sm", t.SystemMetadataJson);
                    })));
            }
            if (effects.EdgeReplacements.Count > 0)
            {
                var keys = Keys(effects.EdgeReplacements.Select(r => new AspectKey(r.Urn, r.Aspect)));
                await ReturningAsync($"""
                    DELETE FROM edges WHERE owner = 0 AND (source, aspect) IN (SELECT value ->> 'n', value ->> 'aspect' FROM json_each($keys))
                    RETURNING {LineageAdjacency.EdgeColumns}
                    """, NoteDeleted, ct, ("$keys", keys));
                await ReturningAsync($"""
                    DELETE FROM edges WHERE owner <> 0 AND (owner, aspect) IN (SELECT value ->> 'n', value ->> 'aspect' FROM json_each($keys))
                    RETURNING {LineageAdjacency.EdgeColumns}
                    """, NoteDeleted, ct, ("$keys", keys));
                var edges = effects.EdgeReplacements.SelectMany(r => r.Edges).ToList();
                // INSERT OR REPLACE keeps one row of an edge stated twice: so does the delta, the last of them.
                Adjacency.Added.AddRange(edges
                    .GroupBy(e => (e.Source, e.Aspect, e.Type, e.Target, Owner: e.IsOwnedElsewhere ? e.Owner : null))
                    .Select(g => g.Last())
                    .Select(e => new LineageAdjacency.EdgeRow(_ids[e.Source], _ids[e.Target], e.Type, (int)e.Lineage, e.Mapping is not null)));
                if (edges.Count > 0)
                {
                    // The last statement of an edge wins, as the mapping of a column edge stated twice may differ.
                    await ExecuteAsync("""
                        INSERT OR REPLACE INTO edges (source, aspect, type, target, owner, lineage, mapping)
                        SELECT value ->> 's', value ->> 'a', value ->> 't', value ->> 'g', value ->> 'o', value ->> 'l', value ->> 'm'
                        FROM json_each($edges)
                        """, ct, ("$edges", Rows(edges, (w, e) =>
                        {
                            w.WriteNumber("s", _ids[e.Source]);
                            w.WriteString("a", e.Aspect);
                            w.WriteString("t", e.Type);
                            w.WriteNumber("g", _ids[e.Target]);
                            w.WriteNumber("o", e.IsOwnedElsewhere ? _ids[e.Owner] : 0);
                            w.WriteNumber("l", (int)e.Lineage);
                            if (e.Mapping is { } mapping) w.WriteString("m", JsonSerializer.Serialize(mapping, MappingJson));
                        })));
                }
            }
            if (effects.Entities.Count > 0)
            {
                // removed is null when the batch left the soft-delete flag alone; a node becoming an entity keeps the
                // time of its first write as an entity. Rows with nothing to change are not rewritten.
                await ReturningAsync($$"""
                    UPDATE nodes SET entity_type = COALESCE(nodes.entity_type, e.value ->> 'type'),
                                     created_at = COALESCE(nodes.created_at, e.value ->> 'at'),
                                     removed = COALESCE(e.value ->> 'removed', CASE WHEN nodes.created_at IS NULL THEN 0 ELSE nodes.removed END)
                    FROM json_each($entities) e
                    WHERE nodes.id = e.value ->> 'n'
                      AND (nodes.created_at IS NULL OR (e.value ->> 'removed' IS NOT NULL AND nodes.removed <> e.value ->> 'removed'))
                    RETURNING {{LineageAdjacency.FactsColumns}}
                    """, NoteFacts, ct, ("$entities", Rows(effects.Entities, (w, e) =>
                    {
                        w.WriteNumber("n", _ids[e.Urn]);
                        w.WriteString("type", e.EntityType);
                        w.WriteNumber("at", e.CreatedAt);
                        if (e.Removed is { } removed) w.WriteNumber("removed", removed ? 1 : 0);
                        else w.WriteNull("removed");
                    })));
            }
            if (effects.TimeseriesPoints.Count > 0)
            {
                // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
                await ExecuteAsync("""
                    INSERT INTO timeseries (node, aspect, timestamp_millis, partition, value, system_metadata, created_at, created_by)
                    SELECT value ->> 'n', value ->> 'aspect', value ->> 'ts', value ->> 'partition', value ->> 'value',
                           value ->> 'sm', value ->> 'at', value ->> 'by'
                    FROM json_each($points) WHERE true
                    ON CONFLICT (node, aspect, timestamp_millis, partition) DO UPDATE SET
                        value = excluded.value, system_metadata = excluded.system_metadata,
                        created_at = excluded.created_at, created_by = excluded.created_by
                    """, ct, ("$points", Rows(effects.TimeseriesPoints, (w, p) =>
                    {
                        w.WriteNumber("n", _ids[p.Urn]);
                        w.WriteString("aspect", p.Aspect);
                        w.WriteNumber("ts", p.TimestampMillis);
                        w.WriteString("partition", p.Partition);
                        w.WriteString("value", p.Json);
                        w.WriteString("sm", p.SystemMetadataJson);
                        w.WriteNumber("at", p.CreatedAt);
                        w.WriteString("by", p.CreatedBy);
                    })));
            }
            var facts = effects.NewVersions.Where(v => v.Version == 0).Select(v => (v.Urn, v.Aspect))
                .Concat(effects.ArchivedLatest.Concat(effects.DroppedLatest).Select(k => (k.Urn, k.Aspect)))
                .Where(k => SqliteSchema.FactAspects.Contains(k.Aspect))
                .Select(k => _ids[k.Urn]).Distinct().ToList();
            if (facts.Count > 0)
                await ReturningAsync($"{SqliteSchema.RefreshFacts} RETURNING {LineageAdjacency.FactsColumns}", NoteFacts, ct, ("$ids", JsonSerializer.Serialize(facts)));
            return await AppendChangesAsync(effects.Changes, ct);
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
                .Concat(effects.Entities.Select(e => e.Urn))
                .Concat(effects.TimeseriesPoints.Select(p => p.Urn));

        /// <summary>
        /// Appends the change records in order. They are inserted in their order by one statement while this batch
        /// holds the write lock, so AUTOINCREMENT numbers them consecutively; RETURNING lists the numbers in no set
        /// order, hence the sort.
        /// </summary>
        private async Task<IReadOnlyList<long>> AppendChangesAsync(IReadOnlyList<PendingChange> changes, CancellationToken ct)
        {
            var sequences = new List<long>(changes.Count);
            if (changes.Count == 0) return sequences;
            await using var command = Command("""
                INSERT INTO changes (urn, entity_type, aspect, kind, previous, current, revision, at)
                SELECT value ->> 'urn', value ->> 'type', value ->> 'aspect', value ->> 'kind', value ->> 'previous',
                       value ->> 'current', value ->> 'revision', value ->> 'at'
                FROM json_each($changes) ORDER BY key
                RETURNING seq
                """, ("$changes", Rows(changes, (w, c) =>
                {
                    w.WriteString("urn", c.Urn);
                    w.WriteString("type", c.EntityType);
                    w.WriteString("aspect", c.Aspect);
                    w.WriteString("kind", c.Kind.ToString());
                    w.WriteString("previous", c.PreviousJson);
                    w.WriteString("current", c.CurrentJson);
                    w.WriteNumber("revision", c.Revision);
                    w.WriteNumber("at", c.At);
                })));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) sequences.Add(reader.GetInt64(0));
            sequences.Sort();
            return sequences;
        }

        /// <summary>Runs a statement with RETURNING and hands each row it returns to <paramref name="note"/>.</summary>
        private async Task ReturningAsync(string sql, Action<SqliteDataReader> note, CancellationToken ct, params (string Name, object? Value)[] parameters)
        {
            await using var command = Command(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) note(reader);
        }

        private void NoteDeleted(SqliteDataReader row) =>
            Adjacency.Deleted.Add(LineageAdjacency.ReadEdge(row));

        private void NoteFacts(SqliteDataReader row) => Adjacency.Facts.Add(LineageAdjacency.ReadFacts(row));

        private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
        {
            await using var command = Command(sql, parameters);
            await command.ExecuteNonQueryAsync(ct);
        }

        private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = SqliteGraphStore.Command(connection, sql, parameters);
            command.Transaction = transaction;
            return command;
        }

        private string Keys(IEnumerable<AspectKey> keys) =>
            Rows(keys, (w, k) => { w.WriteNumber("n", _ids[k.Urn]); w.WriteString("aspect", k.Aspect); });

        private string Ids(IEnumerable<string> urns) => JsonSerializer.Serialize(urns.Select(u => _ids[u]));

        /// <summary>The rows as a JSON array of objects, one written by <paramref name="write"/> per row, for json_each.</summary>
        private static string Rows<T>(IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var row in rows)
                {
                    writer.WriteStartObject();
                    write(writer, row);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}
