using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Aspects are read joined to their node as n, for the urn.
    private const string AspectColumns = "n.urn, a.aspect, a.version, a.revision, a.value, a.system_metadata, a.created_at, a.created_by, a.deleted_at";

    public async Task<StoredEntity?> GetEntityAsync(string urn, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        string entityType;
        bool removed;
        await using (var entity = Command(connection,
            "SELECT entity_type, removed FROM nodes WHERE urn = $urn AND created_at IS NOT NULL", ("$urn", urn)))
        await using (var reader = await entity.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return null;
            (entityType, removed) = (reader.GetString(0), reader.GetInt64(1) != 0);
        }
        var aspects = await ReadAspectsAsync(connection,
            $"SELECT {AspectColumns} FROM nodes n JOIN aspects a ON a.node = n.id WHERE n.urn = $urn AND a.version = 0 ORDER BY a.aspect",
            ct, ("$urn", urn));
        return aspects.Count == 0 ? null : new StoredEntity(urn, entityType, removed, aspects);
    }

    public async Task<IReadOnlyDictionary<string, StoredEntity>> GetEntitiesAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
    {
        var found = new Dictionary<string, StoredEntity>(StringComparer.Ordinal);
        if (urns.Count == 0) return found;
        var list = JsonSerializer.Serialize(urns);
        await using var connection = await OpenAsync(ct);
        var entities = new Dictionary<string, (string Type, bool Removed)>(StringComparer.Ordinal);
        await using (var command = Command(connection,
            "SELECT urn, entity_type, removed FROM nodes WHERE urn IN (SELECT value FROM json_each($urns)) AND created_at IS NOT NULL", ("$urns", list)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) entities[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2) != 0);
        }
        var aspects = await ReadAspectsAsync(connection,
            $"SELECT {AspectColumns} FROM nodes n JOIN aspects a ON a.node = n.id WHERE a.version = 0 AND n.urn IN (SELECT value FROM json_each($urns)) ORDER BY n.urn, a.aspect",
            ct, ("$urns", list));
        foreach (var group in aspects.GroupBy(a => a.Urn))
        {
            if (entities.TryGetValue(group.Key, out var entity))
                found[group.Key] = new StoredEntity(group.Key, entity.Type, entity.Removed, group.ToList());
        }
        return found;
    }

    public async Task<StoredAspect?> GetAspectAsync(string urn, string aspect, long version, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var found = await ReadAspectsAsync(connection,
            $"SELECT {AspectColumns} FROM nodes n JOIN aspects a ON a.node = n.id WHERE n.urn = $urn AND a.aspect = $aspect AND a.version = $version", ct,
            ("$urn", urn), ("$aspect", aspect), ("$version", version));
        return found.SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredAspect>> GetAspectVersionsAsync(string urn, string aspect, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await ReadAspectsAsync(connection,
            $"SELECT {AspectColumns} FROM nodes n JOIN aspects a ON a.node = n.id WHERE n.urn = $urn AND a.aspect = $aspect ORDER BY a.version = 0 DESC, a.version DESC", ct,
            ("$urn", urn), ("$aspect", aspect));
    }

    public async Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(
        IReadOnlyCollection<string> urns, string aspect, CancellationToken ct)
    {
        if (urns.Count == 0) return new Dictionary<string, StoredAspect>();
        await using var connection = await OpenAsync(ct);
        var aspects = await ReadAspectsAsync(connection,
            $"SELECT {AspectColumns} FROM json_each($urns) u CROSS JOIN nodes n ON n.urn = u.value JOIN aspects a ON a.node = n.id WHERE a.aspect = $aspect AND a.version = 0",
            ct, ("$aspect", aspect), ("$urns", JsonSerializer.Serialize(urns)));
        return aspects.ToDictionary(a => a.Urn, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<TimeseriesValue>> GetTimeseriesValuesAsync(TimeseriesQuery query, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, """
            SELECT s.timestamp_millis, s.value, s.system_metadata, s.created_at, s.created_by FROM nodes n JOIN timeseries s ON s.node = n.id
            WHERE n.urn = $urn AND s.aspect = $aspect
              AND ($start IS NULL OR s.timestamp_millis >= $start) AND ($end IS NULL OR s.timestamp_millis <= $end)
            ORDER BY s.timestamp_millis DESC, s.partition LIMIT $limit
            """,
            ("$urn", query.Urn), ("$aspect", query.Aspect), ("$start", query.StartTimeMillis), ("$end", query.EndTimeMillis),
            ("$limit", query.Limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<TimeseriesValue>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(new TimeseriesValue(query.Urn, query.Aspect, reader.GetInt64(0), JsonNode.Parse(reader.GetString(1))!.AsObject(),
                ParseObject(reader.IsDBNull(2) ? null : reader.GetString(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.GetString(4)));
        }
        return values;
    }

    public async Task<RelationshipPage> GetRelationshipsAsync(RelationshipQuery query, CancellationToken ct)
    {
        var (near, far) = query.Direction == RelationshipDirection.Outgoing ? ("source", "target") : ("target", "source");
        // Several aspects may yield the same (type, other end); a relationship is listed once.
        var filter = $"""
            FROM (SELECT DISTINCT e.type, e.{far} AS other FROM nodes n JOIN edges e ON e.{near} = n.id
                  WHERE n.urn = $urn
                    AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))) r
            JOIN nodes o ON o.id = r.other
            WHERE $includeRemoved = 1 OR o.removed = 0
            """;
        (string, object?)[] parameters =
        [
            ("$urn", query.Urn), ("$typeCount", query.Types.Count), ("$types", JsonSerializer.Serialize(query.Types)),
            ("$includeRemoved", query.IncludeRemoved ? 1 : 0), ("$start", query.Start), ("$count", query.Count),
        ];
        await using var connection = await OpenAsync(ct);
        await using var count = Command(connection, $"SELECT COUNT(*) {filter}", parameters);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
        await using var page = Command(connection, $"SELECT r.type, o.urn {filter} ORDER BY r.type, o.urn LIMIT $count OFFSET $start", parameters);
        await using var reader = await page.ExecuteReaderAsync(ct);
        var items = new List<RelatedEntity>();
        while (await reader.ReadAsync(ct)) items.Add(new RelatedEntity(reader.GetString(0), reader.GetString(1)));
        return new RelationshipPage(query.Start, total, items);
    }

    public async Task<IReadOnlyList<string>> ListEntityUrnsAsync(string? after, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        // Ordered by the urn's unique index, so each page is a seek, however far into the walk.
        await using var command = Command(connection,
            "SELECT urn FROM nodes WHERE ($after IS NULL OR urn > $after) AND created_at IS NOT NULL ORDER BY urn LIMIT $limit",
            ("$after", after), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var urns = new List<string>();
        while (await reader.ReadAsync(ct)) urns.Add(reader.GetString(0));
        return urns;
    }

    public async Task<IReadOnlyList<EntityArchive>> GetArchivesAsync(IReadOnlyList<string> urns, CancellationToken ct)
    {
        if (urns.Count == 0) return [];
        var list = JsonSerializer.Serialize(urns);
        await using var connection = await OpenAsync(ct);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = Command(connection,
            "SELECT urn, entity_type FROM nodes WHERE urn IN (SELECT value FROM json_each($urns)) AND created_at IS NOT NULL", ("$urns", list)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) types[reader.GetString(0)] = reader.GetString(1);
        }
        var versions = (await ReadAspectsAsync(connection,
                $"SELECT {AspectColumns} FROM nodes n JOIN aspects a ON a.node = n.id WHERE n.urn IN (SELECT value FROM json_each($urns)) ORDER BY n.urn, a.aspect, a.revision",
                ct, ("$urns", list)))
            .ToLookup(a => a.Urn, StringComparer.Ordinal);
        var timeseries = new List<TimeseriesValue>();
        await using (var command = Command(connection, """
            SELECT n.urn, s.aspect, s.timestamp_millis, s.value, s.system_metadata, s.created_at, s.created_by FROM nodes n JOIN timeseries s ON s.node = n.id
            WHERE n.urn IN (SELECT value FROM json_each($urns)) ORDER BY n.urn, s.aspect, s.timestamp_millis, s.partition
            """, ("$urns", list)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                timeseries.Add(new TimeseriesValue(reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                    JsonNode.Parse(reader.GetString(3))!.AsObject(), ParseObject(reader.IsDBNull(4) ? null : reader.GetString(4)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), reader.GetString(6)));
        }
        var values = timeseries.ToLookup(t => t.Urn, StringComparer.Ordinal);
        return [.. urns.Where(u => types.ContainsKey(u) && (versions[u].Any() || values[u].Any()))
            .Select(u => new EntityArchive(u, types[u], [.. versions[u]], [.. values[u]]))];
    }

    public async Task<long> GetLastSequenceAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, "SELECT coalesce(max(seq), 0) FROM changes");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterAsync(long after, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection,
            "SELECT seq, urn, entity_type, aspect, kind, previous, current, revision, at, system_metadata, actor FROM changes WHERE seq > $after ORDER BY seq LIMIT $limit",
            ("$after", after), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var changes = new List<ChangeRecord>();
        while (await reader.ReadAsync(ct))
        {
            changes.Add(new ChangeRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Enum.Parse<ChangeKind>(reader.GetString(4)),
                ParseObject(reader.IsDBNull(5) ? null : reader.GetString(5)), ParseObject(reader.IsDBNull(6) ? null : reader.GetString(6)),
                reader.GetInt64(7), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                ParseObject(reader.IsDBNull(9) ? null : reader.GetString(9)), reader.IsDBNull(10) ? null : reader.GetString(10)));
        }
        return changes;
    }

    private static async Task<IReadOnlyList<StoredAspect>> ReadAspectsAsync(SqliteConnection connection, string sql,
        CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var aspects = new List<StoredAspect>();
        while (await reader.ReadAsync(ct))
        {
            aspects.Add(new StoredAspect(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                JsonNode.Parse(reader.GetString(4))!.AsObject(),
                ParseObject(reader.IsDBNull(5) ? null : reader.GetString(5)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), reader.GetString(7),
                reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8))));
        }
        return aspects;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static JsonObject? ParseObject(string? json) => json is null ? null : JsonNode.Parse(json)?.AsObject();
}
