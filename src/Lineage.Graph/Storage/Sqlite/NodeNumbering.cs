using System.Text.Json;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

/// <summary>
/// Gives urns their node ids in the embedded store: a urn not yet known gets a row of <c>nodes</c> (a column with the
/// id of its parent, numbered with it), and every urn asked for comes back with its id.
/// </summary>
internal static class NodeNumbering
{
    public static async Task<IReadOnlyDictionary<string, long>> NumberAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> urns, CancellationToken ct)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var urn in urns)
        {
            if (!all.Add(urn) || Columns.ParentOf(urn) is not { } parent) continue;
            columns[urn] = parent;
            all.Add(parent);
        }
        var ids = new Dictionary<string, long>(all.Count, StringComparer.Ordinal);
        if (all.Count == 0) return ids;

        // Parents first, so that a column's statement finds its parent's id; "WHERE true" as in every INSERT … SELECT
        // with ON CONFLICT.
        await ExecuteAsync(connection, transaction, """
            INSERT INTO nodes (urn) SELECT value FROM json_each($urns) WHERE true ON CONFLICT (urn) DO NOTHING
            """, ("$urns", JsonSerializer.Serialize(all.Where(u => !columns.ContainsKey(u)))), ct);
        if (columns.Count > 0)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO nodes (urn, parent)
                SELECT c.value ->> 0, (SELECT p.id FROM nodes p WHERE p.urn = c.value ->> 1) FROM json_each($columns) c WHERE true
                ON CONFLICT (urn) DO NOTHING
                """, ("$columns", JsonSerializer.Serialize(columns.Select(c => new[] { c.Key, c.Value }))), ct);
        }
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT n.urn, n.id FROM json_each($urns) u JOIN nodes n ON n.urn = u.value";
        read.Parameters.AddWithValue("$urns", JsonSerializer.Serialize(all));
        await using var reader = await read.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids[reader.GetString(0)] = reader.GetInt64(1);
        return ids;
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, string Value) parameter, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
