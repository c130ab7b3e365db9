using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

/// <summary>
/// Gives urns their node ids in the embedded store: a urn not yet known gets a row of <c>nodes</c> (a column with the
/// id of its parent, numbered with it), and every urn asked for comes back with its id.
/// </summary>
internal static class NodeNumbering
{
    /// <summary>The urns' ids, and which of them this call created (a new node has no edges and no aspects yet).</summary>
    public sealed record Numbered(IReadOnlyDictionary<string, long> Ids, IReadOnlySet<long> Created);

    public static Numbered Number(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> urns)
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
        var created = new HashSet<long>();
        if (all.Count == 0) return new Numbered(ids, created);

        using var find = new RowStatement(connection, transaction, "SELECT id FROM nodes WHERE urn = $urn", "$urn");
        using var insert = new RowStatement(connection, transaction, "INSERT INTO nodes (urn, parent) VALUES ($urn, $parent)", "$urn", "$parent");
        // Parents first, so that a column finds its parent's id.
        foreach (var urn in all.Where(u => !columns.ContainsKey(u))) Number(urn, null);
        foreach (var (urn, parent) in columns) Number(urn, ids[parent]);
        return new Numbered(ids, created);

        void Number(string urn, long? parent)
        {
            long? id = null;
            find.Read(row => id = row.GetInt64(0), urn);
            if (id is null)
            {
                insert.Execute(urn, parent);
                id = insert.LastInsertedRowId;
                created.Add(id.Value);
            }
            ids[urn] = id.Value;
        }
    }
}
