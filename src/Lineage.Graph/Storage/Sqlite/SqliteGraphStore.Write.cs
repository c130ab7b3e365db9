using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Errors;
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
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            var outcomes = new List<WriteOutcome>(operations.Count);
            for (var i = 0; i < operations.Count; i++)
            {
                var step = new WriteStep(connection, transaction, now, i);
                outcomes.Add(operations[i] switch
                {
                    UpsertAspect upsert => await step.UpsertAsync(upsert, ct),
                    DeleteAspect delete => await step.DeleteAspectAsync(delete, ct),
                    DeleteEntity delete => await step.DeleteEntityAsync(delete, ct),
                    _ => throw new InvalidOperationException($"Unknown operation {operations[i].GetType().Name}"),
                });
            }
            await transaction.CommitAsync(ct);
            return outcomes;
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

    /// <summary>One operation of a batch, inside the batch's transaction.</summary>
    private readonly record struct WriteStep(SqliteConnection Connection, SqliteTransaction Transaction, long Now, int Index)
    {
        public async Task<WriteOutcome> UpsertAsync(UpsertAspect op, CancellationToken ct)
        {
            var latest = await LatestAsync(op.Urn, op.Aspect, ct);
            if (!await AllowedAsync(op.Urn, op.Condition, latest, op.Aspect, ct))
                return new WriteOutcome(op.Urn, op.Aspect, WriteEffect.Skipped, latest!.Revision, null);

            if (latest is not null && latest.Hash == op.ValueHash)
            {
                // Same value: no version, but remember when it was last seen (a write without system metadata keeps the stored one).
                await ExecuteAsync("""
                    UPDATE aspects SET system_metadata = COALESCE($sm, system_metadata)
                    WHERE urn = $urn AND aspect = $aspect AND version = 0
                    """, ct, ("$sm", op.SystemMetadata?.ToJsonString()), ("$urn", op.Urn), ("$aspect", op.Aspect));
                return new WriteOutcome(op.Urn, op.Aspect, WriteEffect.Unchanged, latest.Revision, null);
            }

            var revision = (latest?.Revision ?? await MaxVersionAsync(op.Urn, op.Aspect, ct)) + 1;
            await ArchiveLatestAsync(op.Urn, op.Aspect, ct);
            await ExecuteAsync("""
                INSERT INTO aspects (urn, aspect, version, revision, value, value_hash, system_metadata, created_at, created_by)
                VALUES ($urn, $aspect, 0, $revision, $value, $hash, $sm, $now, $actor)
                """, ct,
                ("$urn", op.Urn), ("$aspect", op.Aspect), ("$revision", revision), ("$value", op.Value.ToJsonString()),
                ("$hash", op.ValueHash), ("$sm", op.SystemMetadata?.ToJsonString()), ("$now", Now), ("$actor", op.Actor));
            await EnsureEntityAsync(op.Urn, op.EntityType, ct);
            if (op.Removed is { } removed) await SetRemovedAsync(op.Urn, removed, ct);

            await ExecuteAsync("DELETE FROM edges WHERE source = $urn AND aspect = $aspect", ct, ("$urn", op.Urn), ("$aspect", op.Aspect));
            foreach (var edge in op.Edges)
            {
                await ExecuteAsync("INSERT OR IGNORE INTO edges (source, aspect, type, target, lineage) VALUES ($s, $a, $t, $g, $l)", ct,
                    ("$s", edge.Source), ("$a", edge.Aspect), ("$t", edge.Type), ("$g", edge.Target), ("$l", (int)edge.Lineage));
            }

            var seq = await AppendChangeAsync(op.Urn, op.EntityType, op.Aspect, ChangeKind.AspectUpserted,
                latest?.Value, op.Value.ToJsonString(), revision, ct);
            return new WriteOutcome(op.Urn, op.Aspect, latest is null ? WriteEffect.Created : WriteEffect.Updated, revision, seq);
        }

        public async Task<WriteOutcome> DeleteAspectAsync(DeleteAspect op, CancellationToken ct)
        {
            var latest = await LatestAsync(op.Urn, op.Aspect, ct);
            if (!await AllowedAsync(op.Urn, op.Condition, latest, op.Aspect, ct) || latest is null)
                return new WriteOutcome(op.Urn, op.Aspect, WriteEffect.Skipped, latest?.Revision ?? 0, null);

            await ArchiveLatestAsync(op.Urn, op.Aspect, ct);
            await ExecuteAsync("DELETE FROM edges WHERE source = $urn AND aspect = $aspect", ct, ("$urn", op.Urn), ("$aspect", op.Aspect));
            if (op.Removed is { } removed) await SetRemovedAsync(op.Urn, removed, ct);
            var seq = await AppendChangeAsync(op.Urn, op.EntityType, op.Aspect, ChangeKind.AspectDeleted, latest.Value, null, latest.Revision, ct);
            return new WriteOutcome(op.Urn, op.Aspect, WriteEffect.Deleted, 0, seq);
        }

        public async Task<WriteOutcome> DeleteEntityAsync(DeleteEntity op, CancellationToken ct)
        {
            var existed = await ExecuteAsync("DELETE FROM entities WHERE urn = $urn", ct, ("$urn", op.Urn)) > 0;
            var aspects = await ExecuteAsync("DELETE FROM aspects WHERE urn = $urn", ct, ("$urn", op.Urn));
            await ExecuteAsync("DELETE FROM edges WHERE source = $urn", ct, ("$urn", op.Urn));
            if (!existed && aspects == 0)
                return new WriteOutcome(op.Urn, null, WriteEffect.Skipped, 0, null);
            var seq = await AppendChangeAsync(op.Urn, op.EntityType, null, ChangeKind.EntityDeleted, null, null, 0, ct);
            return new WriteOutcome(op.Urn, null, WriteEffect.Deleted, 0, seq);
        }

        /// <summary>Whether the write goes ahead; throws for a failed CREATE or If-Version-Match, false to skip quietly.</summary>
        private async Task<bool> AllowedAsync(string urn, WriteCondition condition, Latest? latest, string aspect, CancellationToken ct)
        {
            switch (condition.Kind)
            {
                case WriteConditionKind.EntityMustNotExist when await EntityExistsAsync(urn, ct):
                    throw new ConflictException("", $"entity {urn} already exists (CREATE_ENTITY does not overwrite)", preconditionFailed: false, Index);
                case WriteConditionKind.MustNotExist when latest is not null:
                    throw new ConflictException("", $"aspect {aspect} already exists (CREATE does not overwrite)", preconditionFailed: false, Index);
                case WriteConditionKind.RevisionEquals when (latest?.Revision ?? 0) != condition.Revision:
                    throw new ConflictException("",
                        $"aspect {aspect} is at version {latest?.Revision ?? 0}, the write expected {condition.Revision}", preconditionFailed: true, Index);
                case WriteConditionKind.SkipIfExists when latest is not null:
                    return false;
                default:
                    return true;
            }
        }

        private sealed record Latest(long Revision, string Hash, string Value);

        private async Task<bool> EntityExistsAsync(string urn, CancellationToken ct)
        {
            await using var command = Command("SELECT EXISTS (SELECT 1 FROM aspects WHERE urn = $urn AND version = 0)", ("$urn", urn));
            return (long)(await command.ExecuteScalarAsync(ct))! != 0;
        }

        private async Task<Latest?> LatestAsync(string urn, string aspect, CancellationToken ct)
        {
            await using var command = Command("SELECT revision, value_hash, value FROM aspects WHERE urn = $urn AND aspect = $aspect AND version = 0",
                ("$urn", urn), ("$aspect", aspect));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new Latest(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
        }

        private async Task<long> MaxVersionAsync(string urn, string aspect, CancellationToken ct)
        {
            await using var command = Command("SELECT COALESCE(MAX(version), 0) FROM aspects WHERE urn = $urn AND aspect = $aspect",
                ("$urn", urn), ("$aspect", aspect));
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        /// <summary>The latest moves to the history slot numbered by its revision, which is the next free one.</summary>
        private Task<int> ArchiveLatestAsync(string urn, string aspect, CancellationToken ct) =>
            ExecuteAsync("UPDATE aspects SET version = revision WHERE urn = $urn AND aspect = $aspect AND version = 0", ct,
                ("$urn", urn), ("$aspect", aspect));

        private Task<int> EnsureEntityAsync(string urn, string entityType, CancellationToken ct) =>
            ExecuteAsync("INSERT OR IGNORE INTO entities (urn, entity_type, removed, created_at) VALUES ($urn, $type, 0, $now)", ct,
                ("$urn", urn), ("$type", entityType), ("$now", Now));

        private Task<int> SetRemovedAsync(string urn, bool removed, CancellationToken ct) =>
            ExecuteAsync("UPDATE entities SET removed = $removed WHERE urn = $urn", ct, ("$urn", urn), ("$removed", removed ? 1 : 0));

        private async Task<long> AppendChangeAsync(string urn, string entityType, string? aspect, ChangeKind kind,
            string? previous, string? current, long revision, CancellationToken ct)
        {
            await using var command = Command("""
                INSERT INTO changes (urn, entity_type, aspect, kind, previous, current, revision, at)
                VALUES ($urn, $type, $aspect, $kind, $previous, $current, $revision, $now) RETURNING seq
                """,
                ("$urn", urn), ("$type", entityType), ("$aspect", aspect), ("$kind", kind.ToString()),
                ("$previous", previous), ("$current", current), ("$revision", revision), ("$now", Now));
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
        {
            await using var command = Command(sql, parameters);
            return await command.ExecuteNonQueryAsync(ct);
        }

        private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = Connection.CreateCommand();
            command.Transaction = Transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return command;
        }
    }

    private static JsonObject? ParseObject(string? json) => json is null ? null : JsonNode.Parse(json)?.AsObject();
}
