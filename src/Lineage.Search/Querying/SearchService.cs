using System.Text.RegularExpressions;
using Lineage.Graph.Errors;
using Lineage.Graph.Urns;
using Lineage.Search.Analysis;
using Lineage.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Lineage.Search.Querying;

/// <summary>
/// Full-text search: every word required, a match in the name ranked above one in the description, phrases,
/// <c>prefix*</c> and <c>field:value</c>; filters; facets over all hits; soft-deleted entities hidden unless asked for.
/// </summary>
public sealed partial class SearchService(SearchIndex index)
{
    private const int FacetValues = 50;

    private static readonly Sort ByRelevance = new(
        SortField.FIELD_SCORE,
        new SortField(IndexFields.Connectivity, SortFieldType.INT64, true),
        new SortField(IndexFields.SortName, SortFieldType.STRING));

    public SearchResults Search(SearchRequest request)
    {
        var query = Build(request);
        return index.Read(searcher =>
        {
            var top = TopFieldCollector.Create(ByRelevance, Math.Max(1, request.Start + request.Count), true, true, false, false);
            var facets = new FacetCollector();
            searcher.Search(query, MultiCollector.Wrap(top, facets));
            var words = Words(request.Query);
            var hits = top.GetTopDocs(request.Start, request.Count).ScoreDocs
                .Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score, words))
                .ToList();
            return new SearchResults(request.Start, hits.Count, top.TotalHits, hits, facets.Facets(FacetValues));
        });
    }

    private static Query Build(SearchRequest request)
    {
        var query = new BooleanQuery { { Parse(request.Query), Occur.MUST } };
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

    private static Query Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "*") return new MatchAllDocsQuery();
        // Quoted text is data, not syntax: blank it out (keeping positions) before looking for field names.
        var unquoted = Quoted().Replace(text, m => new string(' ', m.Length));
        foreach (Match field in FieldPrefix().Matches(unquoted))
        {
            var name = field.Groups[1].Value;
            if (!IndexFields.Queryable.Contains(name))
                throw new ValidationException("q", $"unknown field '{name}' at position {field.Index}; searchable fields: {string.Join(", ", IndexFields.Queryable.Order())}");
        }
        var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, [IndexFields.Name, IndexFields.Description], SearchAnalyzers.PerField,
            new Dictionary<string, float> { [IndexFields.Name] = 4f, [IndexFields.Description] = 1f })
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
            LowercaseExpandedTerms = true,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException e)
        {
            throw new ValidationException("q", $"cannot parse the query: {FirstLine(e.Message)}");
        }
    }

    private static void AddFilter(BooleanQuery query, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        var any = new BooleanQuery();
        foreach (var value in values) any.Add(new TermQuery(new Term(field, value.ToLowerInvariant())), Occur.SHOULD);
        // Filters narrow the hits without moving their scores.
        query.Add(new ConstantScoreQuery(any) { Boost = 0 }, Occur.MUST);
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document doc, float score, IReadOnlyList<string> words)
    {
        var urn = doc.Get(IndexFields.Urn);
        var name = doc.Get(IndexFields.StoredName);
        var description = doc.Get(IndexFields.StoredDescription);
        var matched = new List<string>();
        if (AnyMatch(SearchAnalyzers.Name, IndexFields.Name, name, words)) matched.Add("name");
        if (description is not null && AnyMatch(SearchAnalyzers.Text, IndexFields.Description, description, words)) matched.Add("description");
        return new SearchHit(urn, Urn.TryParse(urn, out var parsed, out _) ? parsed!.EntityType : "", name,
            Snippet(description, words), doc.Get(IndexFields.StoredPlatform), float.IsNaN(score) ? 0 : score, matched);
    }

    /// <summary>Whether any query word is a term of the text as the field's analyzer sees both (prefix words by prefix).</summary>
    private static bool AnyMatch(Lucene.Net.Analysis.Analyzer analyzer, string field, string text, IReadOnlyList<string> words)
    {
        var terms = SearchAnalyzers.Terms(analyzer, field, text);
        return words.Any(word => word.EndsWith('*')
            ? terms.Any(t => t.StartsWith(word[..^1], StringComparison.Ordinal))
            : SearchAnalyzers.Terms(analyzer, field, word).Any(terms.Contains));
    }

    /// <summary>The plain words of a query (no field names, operators or quotes), lower-cased, for snippets and matched fields.</summary>
    private static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] :
        QueryWord().Matches(FieldClause().Replace(query, " ")).Select(m => m.Value.ToLowerInvariant())
            .Where(w => w is not ("and" or "or" or "not")).Distinct().ToList();

    /// <summary>Up to 200 characters of the description around the first word that matched.</summary>
    private static string? Snippet(string? description, IReadOnlyList<string> words)
    {
        const int Length = 200;
        if (description is null || description.Length <= Length) return description;
        var at = words.Select(w => description.IndexOf(w.TrimEnd('*'), StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, Math.Min(at - 40, description.Length - Length));
        return (start > 0 ? "…" : "") + description.Substring(start, Length).Trim() + (start + Length < description.Length ? "…" : "");
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"(?<![\w\\])([A-Za-z_][\w]*):(?!//)")]
    private static partial Regex FieldPrefix();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\w+:(""[^""]*""|\S+)")]
    private static partial Regex FieldClause();

    [GeneratedRegex(@"[\w*]+")]
    private static partial Regex QueryWord();
}
