using System.Text.RegularExpressions;
using Lineage.Graph.Errors;
using Lineage.Search.Analysis;
using Lineage.Search.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Lineage.Search.Querying;

/// <summary>
/// The query syntax: words looked up in the name (boosted) and the description, every word required, phrases,
/// <c>prefix*</c>, <c>field:value</c>; an unknown field or a malformed query is a validation error on <c>q</c>.
/// </summary>
internal static partial class QueryParsing
{
    private static readonly string[] DefaultFields = [IndexFields.Name, IndexFields.Description];

    public static Query Parse(string? text)
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
        try
        {
            var parser = new Parser { DefaultOperator = Operator.AND, AllowLeadingWildcard = false, LowercaseExpandedTerms = true };
            return parser.Parse(text);
        }
        catch (ParseException e)
        {
            throw new ValidationException("q", $"cannot parse the query: {FirstLine(e.Message)}");
        }
    }

    /// <summary>
    /// Whether a bare word is one a field's analysis drops (a stop word in a description). Such a word cannot be
    /// required: the field that dropped it could never satisfy it, so requiring it would demand it of the other field
    /// alone — "predicts the churn" would need "the" in the name. Like the description, the query ignores it.
    /// </summary>
    public static bool IsDroppedWord(string word) =>
        DefaultFields.Any(field => SearchAnalyzers.Terms(SearchAnalyzers.PerField, field, word).Count == 0);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>Lucene's multi-field parser, except that a bare word some default field drops is left out.</summary>
    private sealed class Parser() : MultiFieldQueryParser(SearchAnalyzers.Version, DefaultFields, SearchAnalyzers.PerField,
        new Dictionary<string, float> { [IndexFields.Name] = 4f, [IndexFields.Description] = 1f })
    {
        // A null field is a word without field:, looked up in every default field. Quoted words keep Lucene's
        // handling: each field takes the phrase as its analysis leaves it, so "the churn" is still a phrase in names.
        // Returning null leaves the clause out, as Lucene does for a word that analyses to nothing everywhere.
        protected override Query? GetFieldQuery(string field, string queryText, bool quoted)
        {
            if (field is not null || quoted) return base.GetFieldQuery(field, queryText, quoted);
            var terms = DefaultFields.Select(f => SearchAnalyzers.Terms(SearchAnalyzers.PerField, f, queryText)).ToList();
            if (terms.Any(t => t.Count == 0)) return null;
            var query = base.GetFieldQuery(field, queryText, quoted);
            // A word that is one and the same term in every field can be found through the field of every word.
            var same = terms.All(t => t.Count == 1 && t[0] == terms[0][0]);
            return same && query is not null ? WalkingOneList(terms[0][0], query) : query;
        }
    }

    /// <summary>
    /// A word's query (its name clause or its description clause), found through <see cref="IndexFields.AnyWord"/>:
    /// the required clause holds exactly the documents having the word in either field and adds nothing to the score,
    /// so the words of a query intersect one list each, and the scoring clauses are only moved to the documents found.
    /// The scores are the word query's own.
    /// </summary>
    private static BooleanQuery WalkingOneList(string term, Query wordQuery) => new(disableCoord: true)
    {
        { new TermQuery(new Lucene.Net.Index.Term(IndexFields.AnyWord, term)) { Boost = 0 }, Occur.MUST },
        { wordQuery, Occur.SHOULD },
    };

    [GeneratedRegex(@"(?<![\w\\])([A-Za-z_][\w]*):(?!//)")]
    private static partial Regex FieldPrefix();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();
}
