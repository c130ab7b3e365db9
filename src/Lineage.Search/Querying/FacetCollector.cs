using Lineage.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Lineage.Search.Querying;

/// <summary>
/// Counts facet values over every hit of a query (Lucene.Net.Facet is not available): per segment by ordinal,
/// resolved to values when the segment is done, so the cost is one doc-values read per hit and facet.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts =
        IndexFields.Facets.Keys.ToDictionary(k => k, _ => new Dictionary<string, int>(StringComparer.Ordinal));

    private readonly List<(string Facet, SortedSetDocValues Values, int[] Counts)> _segment = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        foreach (var (facet, field) in IndexFields.Facets)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(field);
            if (values is not null) _segment.Add((facet, values, new int[checked((int)values.ValueCount)]));
        }
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, counts) in _segment)
        {
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                counts[ord]++;
        }
    }

    /// <summary>The facets, each value with its count, most frequent first (then by value), at most <paramref name="perFacet"/> each.</summary>
    public IReadOnlyList<Facet> Facets(int perFacet)
    {
        Flush();
        return _counts.Select(f => new Facet(f.Key, f.Value
                .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
                .Take(perFacet).Select(v => new FacetValue(v.Key, v.Value)).ToList()))
            .ToList();
    }

    private void Flush()
    {
        var term = new BytesRef();
        foreach (var (facet, values, counts) in _segment)
        {
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _counts[facet][key] = _counts[facet].GetValueOrDefault(key) + counts[ord];
            }
        }
        _segment.Clear();
    }
}
