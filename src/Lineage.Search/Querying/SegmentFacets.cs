using System.Runtime.CompilerServices;
using Lineage.Search.Index;
using Lucene.Net.Index;

namespace Lineage.Search.Querying;

/// <summary>
/// One segment's facet values, by document, in memory: what <see cref="FacetCollector"/> counts for every hit. Read
/// from the segment's doc values once (a segment never changes its facet values; only connectivity is updated in
/// place), not per hit: at M a one-word search of 21,000 hits spent 44% of its time in Lucene's doc-values reads.
/// A document with one value (nearly all; most facets have one value at most) costs two bytes per facet.
/// </summary>
internal sealed class SegmentFacets
{
    // Keyed by the segment's core, which reopened readers of the same segment share, so each segment is read once.
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    private SegmentFacets(IReadOnlyList<Ordinals> facets) => Facets = facets;

    /// <summary>The segment's facets that have values, with their ordinals by document.</summary>
    public IReadOnlyList<Ordinals> Facets { get; }

    /// <summary>The facets of <paramref name="segment"/>, read from its doc values the first time it is asked for.</summary>
    public static SegmentFacets Of(AtomicReader segment) => Cache.GetValue(segment.CoreCacheKey, _ => Read(segment));

    private static SegmentFacets Read(AtomicReader segment)
    {
        var facets = new List<Ordinals>();
        foreach (var (facet, field) in IndexFields.Facets)
        {
            var values = segment.GetSortedSetDocValues(field);
            if (values is null || values.ValueCount == 0) continue;
            facets.Add(Ordinals.Read(facet, values, segment.MaxDoc));
        }
        return new SegmentFacets(facets);
    }

    /// <summary>
    /// One facet's ordinals in one segment. A document's single value is held as ordinal + 1 (0: none) in
    /// <see cref="_small"/> when the facet has fewer than 65,535 values, else in <see cref="_large"/>; a document with
    /// several values is marked <see cref="Several"/> there and listed in <see cref="_several"/>.
    /// </summary>
    internal sealed class Ordinals
    {
        private const int Several = -1;
        private readonly ushort[]? _small;
        private readonly int[]? _large;
        private readonly Dictionary<int, long[]> _several = [];

        private Ordinals(string facet, SortedSetDocValues values, int documents)
        {
            (Facet, ValueCount) = (facet, checked((int)values.ValueCount));
            if (ValueCount < ushort.MaxValue) _small = new ushort[documents];
            else _large = new int[documents];
        }

        /// <summary>The facet's name, as the API shows it.</summary>
        public string Facet { get; }

        /// <summary>How many distinct values the facet has in this segment.</summary>
        public int ValueCount { get; }

        public static Ordinals Read(string facet, SortedSetDocValues values, int documents)
        {
            var ordinals = new Ordinals(facet, values, documents);
            var many = new List<long>();
            for (var doc = 0; doc < documents; doc++)
            {
                values.SetDocument(doc);
                var first = values.NextOrd();
                if (first == SortedSetDocValues.NO_MORE_ORDS) continue;
                var second = values.NextOrd();
                if (second == SortedSetDocValues.NO_MORE_ORDS)
                {
                    ordinals.Set(doc, (int)first + 1);
                    continue;
                }
                many.Clear();
                many.Add(first);
                for (var ord = second; ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) many.Add(ord);
                ordinals._several[doc] = [.. many];
                ordinals.Set(doc, Several);
            }
            return ordinals;
        }

        private void Set(int doc, int value)
        {
            if (_small is not null) _small[doc] = value == Several ? ushort.MaxValue : (ushort)value;
            else _large![doc] = value;
        }

        /// <summary>Adds one to <paramref name="counts"/> at each ordinal of <paramref name="doc"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Count(int doc, int[] counts)
        {
            int value = _small is { } small ? (small[doc] == ushort.MaxValue ? Several : small[doc]) : _large![doc];
            if (value > 0)
            {
                counts[value - 1]++;
            }
            else if (value == Several)
            {
                foreach (var ord in _several[doc]) counts[ord]++;
            }
        }
    }
}
