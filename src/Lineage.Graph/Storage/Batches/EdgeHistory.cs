using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;

namespace Lineage.Graph.Storage.Batches;

/// <summary>
/// What a batch adds to the edge history both stores keep for lineage as of a moment. Each rewrite of an aspect's
/// edges in the batch is a statement at its own time (an import restores versions with the times they had): the
/// lineage edges it states begin then and end at the next statement of the same aspect, if the batch makes one; the
/// edges the store held as current for the aspect end at the batch's first statement of it. Only lineage edges are
/// kept: owners, tags and the like are read from the aspects' own versions.
/// </summary>
public sealed class EdgeHistory
{
    private readonly Dictionary<AspectKey, List<(long At, IReadOnlyList<Relationship> Edges)>> _statements = [];

    /// <summary>The aspect stated <paramref name="edges"/> (none when it was deleted) at <paramref name="at"/> (Unix ms).</summary>
    public void Stated(AspectKey key, IReadOnlyList<Relationship> edges, long at)
    {
        if (!_statements.TryGetValue(key, out var statements)) _statements[key] = statements = [];
        statements.Add((at, edges));
    }

    /// <summary>The entity was hard-deleted: the history its aspects stated so far goes with them.</summary>
    public void Wiped(string urn)
    {
        foreach (var key in _statements.Keys.Where(k => k.Urn == urn).ToList()) _statements.Remove(key);
    }

    /// <summary>For each aspect the batch stated, when the edges stored as its current ones end.</summary>
    public IReadOnlyList<EdgeHistoryEnd> Ends =>
        [.. _statements.Select(s => new EdgeHistoryEnd(s.Key.Urn, s.Key.Aspect, s.Value[0].At))];

    /// <summary>Every lineage edge the batch stated, once per statement (the last of duplicates wins, as in the graph).</summary>
    public IReadOnlyList<EdgeVersion> Versions =>
        [.. _statements.Values.SelectMany(statements => statements.SelectMany((s, i) => s.Edges
            .Where(e => e.Lineage != LineageRole.None)
            .GroupBy(e => (e.Source, e.Type, e.Target, e.Owner)).Select(g => g.Last())
            .Select(e => new EdgeVersion(e, s.At, i + 1 < statements.Count ? statements[i + 1].At : null))))];
}

/// <summary>The edges an aspect of an entity stated, as the store holds them, end at <paramref name="At"/> (Unix ms).</summary>
public sealed record EdgeHistoryEnd(string Urn, string Aspect, long At);

/// <summary>A lineage edge as stated from <paramref name="Since"/> until <paramref name="Until"/> (Unix ms; null while current).</summary>
public sealed record EdgeVersion(Relationship Edge, long Since, long? Until);
