using Lineage.Search.Analysis;
using Lineage.Search.Index;
using Lineage.Search.Querying;
using Lineage.Search.Tests.Support;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Lineage.Search.Tests.Querying;

/// <summary>
/// Words found through the one field of every word: the same hits, in the same order and with the same scores, as
/// looking each word up in the name (boosted) and in the description.
/// </summary>
public sealed class QueryParsingTests(IndexFolder folder) : IClassFixture<IndexFolder>
{
    [Theory]
    [InlineData("{0}")]
    [InlineData("{0} churn")]
    [InlineData("{0}s churned")]
    [InlineData("{0} OR churn")]
    [InlineData("{0} -churn")]
    [InlineData("{0}_v2")]
    [InlineData("Scored{0}")]
    public void words_match_and_score_as_in_the_name_and_description_fields(string pattern)
    {
        var word = Words.New();
        folder.Add(
        [
            Docs.Model($"{word}_churn"),
            Docs.Model($"{word}_v2", "predicts churn of customers"),
            Docs.Model("Scored" + word, $"the {word}s who churned"),
            Docs.Model("churn", $"the {word} table, {word} by {word}"),
            Docs.Model(word, "nothing else"),
            Docs.Dataset("unrelated", "churn churn churn"),
        ]);
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, word);

        var parsed = QueryParsing.Parse(text);
        var plain = new MultiFieldQueryParser(SearchAnalyzers.Version, [IndexFields.Name, IndexFields.Description], SearchAnalyzers.PerField,
            new Dictionary<string, float> { [IndexFields.Name] = 4f, [IndexFields.Description] = 1f }) { DefaultOperator = Operator.AND }.Parse(text);

        folder.Index.Read(searcher =>
        {
            var ours = searcher.Search(parsed, null, 100, SearchService.ByRelevance, doDocScores: true, doMaxScore: false);
            var theirs = searcher.Search(plain, null, 100, SearchService.ByRelevance, doDocScores: true, doMaxScore: false);
            ours.TotalHits.ShouldBe(theirs.TotalHits);
            ours.TotalHits.ShouldBeGreaterThan(0);
            ours.ScoreDocs.Select(d => d.Doc).ShouldBe(theirs.ScoreDocs.Select(d => d.Doc));
            ours.ScoreDocs.Select(d => d.Score).ShouldBe(theirs.ScoreDocs.Select(d => d.Score), tolerance: 1e-5f);
            return 0;
        });
    }

    [Fact]
    public void a_word_that_is_one_term_in_both_fields_is_required_through_the_field_of_every_word()
    {
        var query = (BooleanQuery)QueryParsing.Parse("customers churn");

        query.Clauses.Count.ShouldBe(2);
        foreach (var clause in query.Clauses)
        {
            clause.Occur.ShouldBe(Occur.MUST);
            var word = clause.Query.ShouldBeOfType<BooleanQuery>();
            var required = word.Clauses.Single(c => c.Occur == Occur.MUST).Query.ShouldBeOfType<TermQuery>();
            required.Term.Field.ShouldBe(IndexFields.AnyWord);
            required.Boost.ShouldBe(0);
        }
        query.Clauses.Select(c => ((TermQuery)((BooleanQuery)c.Query).Clauses[0].Query).Term.Text).ShouldBe(["customer", "churn"]);
    }

    [Fact]
    public void a_word_the_fields_analyse_differently_keeps_its_clauses_per_field()
    {
        // Names split at case changes; prose keeps the word whole.
        var query = QueryParsing.Parse("CustomerChurn");

        query.ToString().ShouldNotContain(IndexFields.AnyWord);
        query.ToString().ShouldContain($"{IndexFields.Description}:customerchurn");
    }
}
