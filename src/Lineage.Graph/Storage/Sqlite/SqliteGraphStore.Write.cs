using Lineage.Graph.Storage.Batches;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct)
    {
        if (operations.Count == 0) return [];
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var batch = new Batch(connection, transaction);
            var effects = BatchPlanner.Plan(operations, await batch.ReadStateAsync(operations, ct), _clock.GetUtcNow().ToUnixTimeMilliseconds());
            var sequences = await batch.ApplyAsync(effects, ct);
            await transaction.CommitAsync(ct);
            return effects.Resolve(sequences);
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// One batch inside its IMMEDIATE transaction: read what the planner needs, then apply its effects. Each distinct
    /// statement is prepared once per batch and re-bound for every row, which is most of the embedded store's ingest speed.
    /// </summary>
    private sealed class Batch(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

        public async Task<StoredState> ReadStateAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct)
        {
            var (aspectKeys, urns) = StoredState.KeysOf(operations);
            var aspects = new Dictionary<AspectKey, AspectState>();
            foreach (var key in aspectKeys)
            {
                var command = Command("""
                    SELECT (SELECT COALESCE(MAX(version), 0) FROM aspects WHERE urn = $urn AND aspect = $aspect),
                           l.revision, l.value_hash, l.value
                    FROM (SELECT 1) LEFT JOIN aspects l ON l.urn = $urn AND l.aspect = $aspect AND l.version = 0
                    """, ("$urn", key.Urn), ("$aspect", key.Aspect));
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                var latest = reader.IsDBNull(1) ? null : new LatestAspect(reader.GetInt64(1), reader.GetString(2), reader.GetString(3));
                aspects[key] = new AspectState(latest, reader.GetInt64(0));
            }
            var entities = new Dictionary<string, EntityState>();
            foreach (var urn in urns)
            {
                var command = Command(
                    "SELECT COALESCE(SUM(version = 0), 0), COUNT(*) FROM aspects WHERE urn = $urn", ("$urn", urn));
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                entities[urn] = new EntityState(reader.GetInt32(0), reader.GetInt64(1) > 0);
            }
            return new StoredState(aspects, entities);
        }

        /// <summary>Applies the effects in the planner's order and returns the sequence numbers of the changes.</summary>
        public async Task<IReadOnlyList<long>> ApplyAsync(BatchEffects effects, CancellationToken ct)
        {
            foreach (var urn in effects.WipedEntities)
            {
                await ExecuteAsync("DELETE FROM aspects WHERE urn = $urn", ct, ("$urn", urn));
                await ExecuteAsync("DELETE FROM edges WHERE source = $urn", ct, ("$urn", urn));
                await ExecuteAsync("DELETE FROM entities WHERE urn = $urn", ct, ("$urn", urn));
                await ExecuteAsync("DELETE FROM timeseries WHERE urn = $urn", ct, ("$urn", urn));
            }
            foreach (var key in effects.ArchivedLatest)
            {
                await ExecuteAsync("UPDATE aspects SET version = revision WHERE urn = $urn AND aspect = $aspect AND version = 0", ct,
                    ("$urn", key.Urn), ("$aspect", key.Aspect));
            }
            foreach (var key in effects.DroppedLatest)
            {
                await ExecuteAsync("DELETE FROM aspects WHERE urn = $urn AND aspect = $aspect AND version = 0", ct,
                    ("$urn", key.Urn), ("$aspect", key.Aspect));
            }
            foreach (var v in effects.NewVersions)
            {
                await ExecuteAsync("""
                    INSERT INTO aspects (urn, aspect, version, revision, value, value_hash, system_metadata, created_at, created_by)
                    VALUES ($urn, $aspect, $version, $revision, $value, $hash, $sm, $at, $by)
                    """, ct,
                    ("$urn", v.Urn), ("$aspect", v.Aspect), ("$version", v.Version), ("$revision", v.Revision), ("$value", v.Json),
                    ("$hash", v.Hash), ("$sm", v.SystemMetadataJson), ("$at", v.CreatedAt), ("$by", v.CreatedBy));
            }
            foreach (var touch in effects.Touches)
            {
                await ExecuteAsync("UPDATE aspects SET system_metadata = $sm WHERE urn = $urn AND aspect = $aspect AND revision = $revision", ct,
                    ("$sm", touch.SystemMetadataJson), ("$urn", touch.Urn), ("$aspect", touch.Aspect), ("$revision", touch.Revision));
            }
            foreach (var replacement in effects.EdgeReplacements)
            {
                await ExecuteAsync("DELETE FROM edges WHERE source = $urn AND aspect = $aspect", ct,
                    ("$urn", replacement.Urn), ("$aspect", replacement.Aspect));
                foreach (var edge in replacement.Edges)
                {
                    await ExecuteAsync("INSERT OR IGNORE INTO edges (source, aspect, type, target, lineage) VALUES ($s, $a, $t, $g, $l)", ct,
                        ("$s", edge.Source), ("$a", edge.Aspect), ("$t", edge.Type), ("$g", edge.Target), ("$l", (int)edge.Lineage));
                }
            }
            foreach (var entity in effects.Entities)
            {
                await ExecuteAsync("INSERT OR IGNORE INTO entities (urn, entity_type, removed, created_at) VALUES ($urn, $type, 0, $at)", ct,
                    ("$urn", entity.Urn), ("$type", entity.EntityType), ("$at", entity.CreatedAt));
                if (entity.Removed is { } removed)
                    await ExecuteAsync("UPDATE entities SET removed = $removed WHERE urn = $urn", ct, ("$urn", entity.Urn), ("$removed", removed ? 1 : 0));
            }
            foreach (var p in effects.TimeseriesPoints)
            {
                await ExecuteAsync("""
                    INSERT INTO timeseries (urn, aspect, timestamp_millis, partition, value, system_metadata, created_at, created_by)
                    VALUES ($urn, $aspect, $at, $partition, $value, $sm, $created, $by)
                    ON CONFLICT (urn, aspect, timestamp_millis, partition) DO UPDATE SET
                        value = excluded.value, system_metadata = excluded.system_metadata,
                        created_at = excluded.created_at, created_by = excluded.created_by
                    """, ct,
                    ("$urn", p.Urn), ("$aspect", p.Aspect), ("$at", p.TimestampMillis), ("$partition", p.Partition),
                    ("$value", p.Json), ("$sm", p.SystemMetadataJson), ("$created", p.CreatedAt), ("$by", p.CreatedBy));
            }
            var sequences = new List<long>(effects.Changes.Count);
            foreach (var c in effects.Changes)
            {
                var command = Command("""
                    INSERT INTO changes (urn, entity_type, aspect, kind, previous, current, revision, at)
                    VALUES ($urn, $type, $aspect, $kind, $previous, $current, $revision, $at) RETURNING seq
                    """,
                    ("$urn", c.Urn), ("$type", c.EntityType), ("$aspect", c.Aspect), ("$kind", c.Kind.ToString()),
                    ("$previous", c.PreviousJson), ("$current", c.CurrentJson), ("$revision", c.Revision), ("$at", c.At));
                sequences.Add((long)(await command.ExecuteScalarAsync(ct))!);
            }
            return sequences;
        }

        private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
            await Command(sql, parameters).ExecuteNonQueryAsync(ct);

        /// <summary>The batch's prepared command for <paramref name="sql"/>, bound to these values; the batch disposes it.</summary>
        private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            if (!_prepared.TryGetValue(sql, out var command))
            {
                command = SqliteGraphStore.Command(connection, sql, parameters);
                command.Transaction = transaction;
                command.Prepare();
                _prepared[sql] = command;
                return command;
            }
            foreach (var (name, value) in parameters) command.Parameters[name].Value = value ?? DBNull.Value;
            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _prepared.Values) await command.DisposeAsync();
        }
    }
}
