namespace Lineage.Graph.Traversal;

/// <summary>
/// Columns (schemaField urns) as the walk sees them: <c>urn:li:schemaField:(&lt;parent urn&gt;,&lt;fieldPath&gt;)</c>,
/// so a column's dataset is in its urn, and a dataset's columns are the urns that start with <see cref="PrefixOf"/>.
/// </summary>
public static class Columns
{
    private const string Start = "urn:li:schemaField:(";

    /// <summary>Whether the urn names a column.</summary>
    public static bool IsColumn(string urn) => urn.StartsWith(Start, StringComparison.Ordinal);

    /// <summary>The urn every column of <paramref name="parent"/> starts with (stores find them by this range).</summary>
    public static string PrefixOf(string parent) => Start + parent + ",";

    /// <summary>
    /// The dataset (or other parent) of a column, or null when the urn is not a column: the first key part, which
    /// ends at the first comma outside its parentheses (a parent's own commas are inside them).
    /// </summary>
    public static string? ParentOf(string urn)
    {
        if (!IsColumn(urn)) return null;
        var depth = 0;
        for (var i = Start.Length; i < urn.Length; i++)
        {
            switch (urn[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    return urn[Start.Length..i];
            }
        }
        return null;
    }
}
