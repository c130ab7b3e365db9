using System.Runtime.CompilerServices;
using Lineage.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lineage.Search.Querying;

/// <summary>
/// Sorts hits by connectivity, best connected first, from each segment's values held in memory instead of Lucene's
/// doc values per hit: a one-letter autocomplete compares tens of thousands of hits against the weakest of the page.
/// The values are read per segment reader, not per segment: connectivity is updated in place, and each update gives
/// the segment a new reader with the new values.
/// </summary>
internal sealed class ConnectivitySort : FieldComparerSource
{
    private static readonly ConditionalWeakTable<AtomicReader, int[]> Cache = new();

    /// <summary>The sort field: connectivity, highest first.</summary>
    public static readonly SortField Field = new(IndexFields.Connectivity, new ConnectivitySort(), reverse: true);

    /// <summary>The segment's connectivity by document, read from its doc values the first time it is asked for.</summary>
    public static int[] Of(AtomicReader segment) => Cache.GetValue(segment, Read);

    // An int a document: an entity with two billion edges is not a catalog this runs.
    private static int[] Read(AtomicReader segment)
    {
        var values = new int[segment.MaxDoc];
        if (segment.GetNumericDocValues(IndexFields.Connectivity) is { } stored)
            for (var doc = 0; doc < values.Length; doc++) values[doc] = (int)Math.Min(stored.Get(doc), int.MaxValue);
        return values;
    }

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new Comparer(numHits);

    private sealed class Comparer(int slots) : FieldComparer<J2N.Numerics.Int64>
    {
        private readonly int[] _slots = new int[slots];
        private int[] _current = [];
        private long _bottom, _top;

        public override int Compare(int slot1, int slot2) => _slots[slot1].CompareTo(_slots[slot2]);

        public override void SetBottom(int slot) => _bottom = _slots[slot];

        public override void SetTopValue(J2N.Numerics.Int64 value) => _top = value.ToInt64();

        public override int CompareBottom(int doc) => _bottom.CompareTo((long)_current[doc]);

        public override int CompareTop(int doc) => _top.CompareTo((long)_current[doc]);

        public override void Copy(int slot, int doc) => _slots[slot] = _current[doc];

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            _current = Of(context.AtomicReader);
            return this;
        }

        public override J2N.Numerics.Int64 this[int slot] => J2N.Numerics.Int64.GetInstance(_slots[slot]);
    }
}
