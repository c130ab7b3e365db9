using System.Text.RegularExpressions;
using Lineage.Graph.Urns;
using Lineage.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lineage.Search.Querying;

/// <summary>
/// Full-text search: every word required (stop words aside), a match in the name ranked above one in the description,
/// phrases, <c>prefix*</c> and <c>field:value</c>; filters; facets over all hits; soft-deleted entities hidden unless
/// asked for; each hit says which fields the query matched.
/// </summary>
public sealed partial class SearchService(SearchIndex index)
{
    private const int FacetValues = 50;

    internal static readonly Sort ByRelevance = new(
        SortField.FIELD_SCORE,
        new SortField(IndexFields.Connectivity, SortFieldType.INT64, true),
        new SortField(IndexFields.SortName, SortFieldType.STRING));

    public SearchResults Search(SearchRequest request)
    {
        var text = QueryParsing.Parse(request.Query);
        var query = Filtered(text, request);
        return index.Read(searcher =>
        {
            var (top, facets) = SlicedSearch.Search(searcher, query, ByRelevance, Math.Max(1, request.Start + request.Count));
            var page = top.ScoreDocs.Skip(request.Start).Take(request.Count).ToArray();
            // Only the page's hits are asked which fields they matched.
            var matched = MatchedFields.Of(searcher, text, page.Select(hit => hit.Doc).ToList());
            var words = Words(request.Query);
            var hits = page.Select((hit, i) => ToHit(searcher.Doc(hit.Doc), hit.Score, words, matched[i])).ToList();
            return new SearchResults(request.Start, hits.Count, top.TotalHits, hits, facets.Facets(FacetValues));
        });
    }

    private static Query Filtered(Query text, SearchRequest request)
    {
        var query = new BooleanQuery { { text, Occur.MUST } };
        AddFilter(query, IndexFields.Type, request.Types);
        AddFilter(query, IndexFields.Platform, request.Platforms);
        AddFilter(query, IndexFields.Origin, request.Origins);
        AddFilter(query, IndexFields.Tag, request.Tags);
        AddFilter(query, IndexFields.Term, request.Terms);
        AddFilter(query, IndexFields.Domain, request.Domains);
        AddFilter(query, IndexFields.Owner, request.Owners);
        if (request.Deprecated is { } deprecated) AddFilter(query, IndexFields.Deprecated, [deprecated ? "true" : "false"]);
        if (!request.IncludeRemoved) query.Add(new TermQuery(new Term(IndexFields.Removed, "true")), Occur.MUST_NOT);
        return query;
    }

    private static void AddFilter(BooleanQuery query, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        var any = new BooleanQuery();
        foreach (var value in values) any.Add(new TermQuery(new Term(field, value.ToLowerInvariant())), Occur.SHOULD);
        // Filters narrow the hits without moving their scores.
        query.Add(new ConstantScoreQuery(any) { Boost = 0 }, Occur.MUST);
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document doc, float score, IReadOnlyList<string> words, IReadOnlyList<string> matched)
    {
        var urn = doc.Get(IndexFields.Urn);
        var description = doc.Get(IndexFields.StoredDescription);
        return new SearchHit(urn, Urn.TryParse(urn, out var parsed, out _) ? parsed!.EntityType : "", doc.Get(IndexFields.StoredName),
            Snippet(description, words), doc.Get(IndexFields.StoredPlatform), float.IsNaN(score) ? 0 : score, matched);
    }

    /// <summary>The plain words of a query (no field names, operators, quotes or stop words), lower-cased, for snippets.</summary>
    private static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] :
        QueryWord().Matches(FieldClause().Replace(query, " ")).Select(m => m.Value.ToLowerInvariant())
            .Where(w => w is not ("and" or "or" or "not") && (w.EndsWith('*') || !QueryParsing.IsDroppedWord(w))).Distinct().ToList();

    /// <summary>Up to 200 characters of the description around the first word that matched.</summary>
    private static string? Snippet(string? description, IReadOnlyList<string> words)
    {
        const int Length = 200;
        if (description is null || description.Length <= Length) return description;
        var at = words.Select(w => description.IndexOf(w.TrimEnd('*'), StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, Math.Min(at - 40, description.Length - Length));
        return (start > 0 ? "…" : "") + description.Substring(start, Length).Trim() + (start + Length < description.Length ? "…" : "");
    }

    [GeneratedRegex(@"\w+:(""[^""]*""|\S+)")]
    private static partial Regex FieldClause();

    [GeneratedRegex(@"[\w*]+")]
    private static partial Regex QueryWord();
}
