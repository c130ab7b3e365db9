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
/// value every segment met. The index-wide counts are pooled too, and go back to the pool when <see cref="Facets"/> has
/// read them: at L a search's count arrays were about 6% of what it allocated.
/// </summary>
internal sealed class FacetCollector(IndexReader reader) : ICollector
{
    // The index-wide numbering of each facet's values, built once per reader (the searcher of one refresh) and shared
    // by every search on it; a null map means one segment, whose ordinals are the index's.
    private static readonly ConditionalWeakTable<IndexReader, Dictionary<string, MultiDocValues.OrdinalMap?>> Maps = new();

    private readonly Dictionary<string, MultiDocValues.OrdinalMap?> _maps = Maps.GetValue(reader, OrdinalMaps);
    // Each facet's counts by index-wide ordinal: a pooled array, of which the first Length elements are used.
    private readonly Dictionary<string, (long[] Counts, int Length)> _counts = [];
    private readonly List<(SegmentFacets.Ordinals Ordinals, int[] Counts)> _segment = [];
    private int _segmentIndex;
    private bool _read;

    /// <summary>
    /// In order, as every search here is scored anyway (its text is a required clause): asked for documents out of
    /// order, Lucene's boolean weight builds an out-of-order scorer for each clause before it meets the required one
    /// and falls back, and at L those unused scorers' buckets were about 16% of what a search allocated.
    /// </summary>
    public bool AcceptsDocsOutOfOrder => false;

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

    /// <summary>Adds the counts of <paramref name="other"/>, which counted other segments of the same reader, and takes its arrays.</summary>
    public void Add(FacetCollector other)
    {
        Flush();
        other.Flush();
        foreach (var (facet, (counts, length)) in other._counts)
        {
            if (!_counts.TryGetValue(facet, out var total))
            {
                _counts[facet] = (counts, length);
                continue;
            }
            for (var ord = 0; ord < length; ord++) total.Counts[ord] += counts[ord];
            ArrayPool<long>.Shared.Return(counts);
        }
        other._counts.Clear();
    }

    /// <summary>
    /// The facets, each value with its count, most frequent first (then by value), at most <paramref name="perFacet"/>
    /// each. The counts go back to the pool: this is the collector's last call.
    /// </summary>
    public IReadOnlyList<Facet> Facets(int perFacet)
    {
        if (_read) throw new InvalidOperationException("The facets of a search are read once: their counts are back in the pool.");
        _read = true;
        Flush();
        var facets = IndexFields.Facets.Keys.Select(facet => new Facet(facet, Top(facet, perFacet))).ToList();
        foreach (var (counts, _) in _counts.Values) ArrayPool<long>.Shared.Return(counts);
        _counts.Clear();
        return facets;
    }

    private List<FacetValue> Top(string facet, int perFacet)
    {
        if (!_counts.TryGetValue(facet, out var facetCounts)) return [];
        var (counts, length) = facetCounts;
        // Only values that can make the cut are read as text: those counted at least as often as the last one shown
        // (ties at the cut are decided by the text, as the answer orders them).
        var highest = new PriorityQueue<long, long>(perFacet + 1);
        for (var ord = 0; ord < length; ord++)
        {
            if (counts[ord] == 0) continue;
            highest.Enqueue(counts[ord], counts[ord]);
            if (highest.Count > perFacet) highest.Dequeue();
        }
        if (highest.Count == 0) return [];
        var cut = highest.Peek();
        var map = _maps[facet];
        var leaves = reader.Leaves;
        var term = new BytesRef();
        var values = new List<FacetValue>();
        for (var ord = 0; ord < length; ord++)
        {
            if (counts[ord] < cut || counts[ord] == 0) continue;
            var (segment, segmentOrd) = map is null ? (0, ord) : (map.GetFirstSegmentNumber(ord), map.GetFirstSegmentOrd(ord));
            leaves[segment].AtomicReader.GetSortedSetDocValues(IndexFields.Facets[facet]).LookupOrd(segmentOrd, term);
            values.Add(new FacetValue(term.Utf8ToString(), (int)counts[ord]));
        }
        return values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).Take(perFacet).ToList();
    }

    /// <summary>Adds the segment's counts to the index-wide ones and returns its arrays to the pool.</summary>
    private void Flush()
    {
        foreach (var (ordinals, counts) in _segment)
        {
            var (facet, length) = (ordinals.Facet, ordinals.ValueCount);
            var map = _maps[facet];
            if (!_counts.TryGetValue(facet, out var entry))
            {
                var size = map is null ? length : checked((int)map.ValueCount);
                _counts[facet] = entry = (ArrayPool<long>.Shared.Rent(size), size);
                Array.Clear(entry.Counts, 0, size);
            }
            var total = entry.Counts;
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
