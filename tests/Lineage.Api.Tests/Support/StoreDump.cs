using System.Text.Json.Nodes;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// Everything a store holds, as sorted text, read around the service rather than through it: every row of every SQLite
/// table, or every node and relationship of the Neo4j server with all their properties.
/// </summary>
public static class StoreDump
{
    public static async Task<IReadOnlyList<string>> OfAsync(LineageApiFactory factory)
    {
        var store = factory.Services.GetRequiredService<IOptions<StoreOptions>>().Value;
        return store.Store == StoreOptions.Neo4j
            ? await Neo4jAsync(factory.Services.GetRequiredService<IOptions<Neo4jOptions>>().Value)
            : Sqlite(SqliteGraphStore.PathIn(store.DataDirectory));
    }

    private static List<string> Sqlite(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var lines = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            // Table names come from sqlite_master, not from input.
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL"
                    : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                lines.Add($"{table}|{string.Join('|', values)}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> Neo4jAsync(Neo4jOptions options)
    {
        using var client = new CypherClient(options);
        var results = await client.RunAsync([
            new CypherStatement("dump nodes", "MATCH (n) RETURN id(n), labels(n), properties(n)", []),
            new CypherStatement("dump relationships", "MATCH (a)-[r]->(b) RETURN id(a), type(r), properties(r), id(b)", []),
        ], CancellationToken.None);
        var lines = results.SelectMany(r => r.Rows).Select(Canonical).ToList();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Property maps come back in any order; sort their keys so equal rows read equal.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
