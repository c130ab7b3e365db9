using System.Buffers;
using System.Runtime.CompilerServices;
using Lineage.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Lineage.Search.Querying;

/// <summary>
/// Counts facet values over every hit of a query (Lucene.Net.Facet is not available). Each segment counts by its own
/// ordinals, held in memory (<see cref="SegmentFacets"/>), into a pooled array; when the segment is done its counts
/// move to the index-wide ordinals, so values are resolved to text only for the few each facet shows, not for every
/// value every segment met.
/// </summary>
internal sealed class FacetCollector(IndexReader reader) : ICollector
{
    // The index-wide numbering of each facet's values, built once per reader (the searcher of one refresh) and shared
    // by every search on it; a null map means one segment, whose ordinals are the index's.
    private static readonly ConditionalWeakTable<IndexReader, Dictionary<string, MultiDocValues.OrdinalMap?>> Maps = new();

    private readonly Dictionary<string, MultiDocValues.OrdinalMap?> _maps = Maps.GetValue(reader, OrdinalMaps);
    private readonly Dictionary<string, long[]> _counts = [];
    private readonly List<(SegmentFacets.Ordinals Ordinals, int[] Counts)> _segment = [];
    private int _segmentIndex;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segmentIndex = context.Ord;
        foreach (var ordinals in SegmentFacets.Of(context.AtomicReader).Facets)
        {
            var counts = ArrayPool<int>.Shared.Rent(ordinals.ValueCount);
            Array.Clear(counts, 0, ordinals.ValueCount);
            _segment.Add((ordinals, counts));
        }
    }

    public void Collect(int doc)
    {
        foreach (var (ordinals, counts) in _segment) ordinals.Count(doc, counts);
    }

    /// <summary>Adds the counts of <paramref name="other"/>, which counted other segments of the same reader.</summary>
    public void Add(FacetCollector other)
    {
        Flush();
        other.Flush();
        foreach (var (facet, counts) in other._counts)
        {
            if (!_counts.TryGetValue(facet, out var total))
            {
                _counts[facet] = (long[])counts.Clone();
                continue;
            }
            for (var ord = 0; ord < counts.Length; ord++) total[ord] += counts[ord];
        }
    }

    /// <summary>The facets, each value with its count, most frequent first (then by value), at most <paramref name="perFacet"/> each.</summary>
    public IReadOnlyList<Facet> Facets(int perFacet)
    {
        Flush();
        return IndexFields.Facets.Keys.Select(facet => new Facet(facet, Top(facet, perFacet))).ToList();
    }

    private List<FacetValue> Top(string facet, int perFacet)
    {
        if (!_counts.TryGetValue(facet, out var counts)) return [];
        var counted = Enumerable.Range(0, counts.Length).Where(ord => counts[ord] > 0).ToList();
        if (counted.Count == 0) return [];
        // Only values that can make the cut are read as text: those counted at least as often as the last one shown
        // (ties at the cut are decided by the text, as the answer orders them).
        var cut = counted.Select(ord => counts[ord]).OrderDescending().ElementAt(Math.Min(perFacet, counted.Count) - 1);
        var map = _maps[facet];
        var leaves = reader.Leaves;
        var term = new BytesRef();
        return counted.Where(ord => counts[ord] >= cut)
            .Select(ord =>
            {
                var (segment, segmentOrd) = map is null ? (0, ord) : (map.GetFirstSegmentNumber(ord), map.GetFirstSegmentOrd(ord));
                leaves[segment].AtomicReader.GetSortedSetDocValues(IndexFields.Facets[facet]).LookupOrd(segmentOrd, term);
                return new FacetValue(term.Utf8ToString(), (int)counts[ord]);
            })
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(perFacet)
            .ToList();
    }

    /// <summary>Adds the segment's counts to the index-wide ones and returns its arrays to the pool.</summary>
    private void Flush()
    {
        foreach (var (ordinals, counts) in _segment)
        {
            var (facet, length) = (ordinals.Facet, ordinals.ValueCount);
            var map = _maps[facet];
            if (!_counts.TryGetValue(facet, out var total))
                _counts[facet] = total = new long[map?.ValueCount ?? length];
            for (var ord = 0; ord < length; ord++)
            {
                if (counts[ord] != 0) total[map is null ? ord : map.GetGlobalOrd(_segmentIndex, ord)] += counts[ord];
            }
            ArrayPool<int>.Shared.Return(counts);
        }
        _segment.Clear();
    }

    private static Dictionary<string, MultiDocValues.OrdinalMap?> OrdinalMaps(IndexReader reader) =>
        IndexFields.Facets.ToDictionary(f => f.Key, f => (MultiDocValues.GetSortedSetValues(reader, f.Value) as MultiDocValues.MultiSortedSetDocValues)?.Mapping);
}
