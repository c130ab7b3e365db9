using Lineage.Graph.Urns;
using Lineage.Search.Analysis;
using Lineage.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lineage.Search.Querying;

/// <summary>
/// Name suggestions as a person types: the exact name first, then names that start with the text, then names
/// with a word that starts with it; ties go to the better connected entity, then the name. Each tier is one term
/// lookup on prefixes indexed ahead of time, collected by a doc-values sort — no document is scored. Text longer
/// than the indexed prefixes is looked up by prefix among the whole lower-cased names and words instead: only
/// names and words that long and that alike are enumerated, and every one found is a match.
/// </summary>
public sealed class AutocompleteService(SearchIndex index)
{
    private static readonly Sort ByConnectivity = new(
        new SortField(IndexFields.Connectivity, SortFieldType.INT64, true),
        new SortField(IndexFields.SortName, SortFieldType.STRING));

    public IReadOnlyList<Suggestion> Suggest(string text, IReadOnlyList<string> types, int limit)
    {
        var typed = text.Trim().ToLowerInvariant();
        if (typed.Length == 0) return [];
        var words = SearchAnalyzers.Terms(SearchAnalyzers.NameWords, IndexFields.Name, typed).Distinct().ToList();

        var tiers = new List<(string Match, Query Query)>
        {
            ("exact", new TermQuery(new Term(IndexFields.NameExact, typed))),
            ("prefix", Prefix(IndexFields.NamePrefix, IndexFields.NameExact, typed)),
        };
        if (words.Count > 0)
        {
            var allWords = new BooleanQuery();
            foreach (var word in words) allWords.Add(Prefix(IndexFields.WordPrefix, IndexFields.NameWord, word), Occur.MUST);
            tiers.Add(("word", allWords));
        }

        return index.Read(searcher =>
        {
            var suggestions = new List<Suggestion>();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (match, tierQuery) in tiers)
            {
                if (suggestions.Count >= limit) break;
                var query = Filtered(tierQuery, types);
                var top = SlicedSearch.Top(searcher, query, ByConnectivity, limit + taken.Count);
                foreach (var hit in top.ScoreDocs)
                {
                    var doc = searcher.Doc(hit.Doc);
                    var urn = doc.Get(IndexFields.Urn);
                    var name = doc.Get(IndexFields.StoredName);
                    if (!taken.Add(urn)) continue;
                    suggestions.Add(new Suggestion(urn, Urn.TryParse(urn, out var parsed, out _) ? parsed!.EntityType : "", name,
                        doc.Get(IndexFields.StoredPlatform), match));
                    if (suggestions.Count >= limit) break;
                }
            }
            return suggestions;
        });
    }

    /// <summary>
    /// Values starting with <paramref name="prefix"/>: one term of the edge n-grams while it is short enough to be
    /// indexed there, else a prefix query on the whole values, which enters the term dictionary at the prefix and reads
    /// only the terms that share it, all of them true matches.
    /// </summary>
    private static Query Prefix(string ngramField, string wholeField, string prefix) =>
        prefix.Length <= SearchAnalyzers.MaxPrefix
            ? new TermQuery(new Term(ngramField, prefix))
            : new PrefixQuery(new Term(wholeField, prefix));

    private static Query Filtered(Query query, IReadOnlyList<string> types)
    {
        var filtered = new BooleanQuery { { query, Occur.MUST }, { new TermQuery(new Term(IndexFields.Removed, "true")), Occur.MUST_NOT } };
        if (types.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var type in types) any.Add(new TermQuery(new Term(IndexFields.Type, type.ToLowerInvariant())), Occur.SHOULD);
            filtered.Add(any, Occur.MUST);
        }
        return filtered;
    }
}
