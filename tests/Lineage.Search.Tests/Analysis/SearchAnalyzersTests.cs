using Lineage.Search.Analysis;
using Lineage.Search.Index;
using Lineage.Search.Tests.Support;

namespace Lineage.Search.Tests.Analysis;

/// <summary>How names, descriptions and exact values become terms.</summary>
public sealed class SearchAnalyzersTests(IndexFolder folder) : IClassFixture<IndexFolder>
{
    private static List<string> NameTerms(string text) => SearchAnalyzers.Terms(SearchAnalyzers.Name, IndexFields.Name, text);

    [Theory]
    [InlineData("customer_churn_v2", new[] { "customer_churn_v2", "customer", "churn", "v2" })]
    [InlineData("CustomerChurnV2", new[] { "customerchurnv2", "customer", "churn", "v2" })]
    [InlineData("customer-churn.model/v2 final", new[] { "customer-churn.model/v2", "customer", "churn", "model", "v2", "final" })]
    public void names_split_on_underscores_hyphens_dots_slashes_spaces_and_camel_case(string name, string[] terms) =>
        NameTerms(name).ShouldBe(terms, ignoreOrder: true);

    [Fact]
    public void name_words_are_folded_to_their_singular()
    {
        NameTerms("customers_orders").ShouldContain("customer");
        NameTerms("customers_orders").ShouldContain("order");
        NameTerms("CategoriesByRegion").ShouldContain("category");
    }

    [Fact]
    public void descriptions_lose_stop_words_and_plurals_but_keep_the_rest()
    {
        var terms = SearchAnalyzers.Terms(SearchAnalyzers.Text, IndexFields.Description, "Predicts the churn of Customers");
        terms.ShouldBe(["predict", "churn", "customer"]);
    }

    [Fact]
    public void exact_values_are_one_lower_cased_term()
    {
        SearchAnalyzers.Terms(SearchAnalyzers.Keyword, IndexFields.Tag, "urn:li:tag:PII Data").ShouldBe(["urn:li:tag:pii data"]);
    }

    [Fact]
    public void autocomplete_indexes_every_prefix_of_the_name_and_of_each_word()
    {
        SearchAnalyzers.Terms(SearchAnalyzers.NamePrefixes, IndexFields.NamePrefix, "CustomerLTV")
            .ShouldBe(["c", "cu", "cus", "cust", "custo", "custom", "custome", "customer", "customerl", "customerlt", "customerltv"]);
        var words = SearchAnalyzers.Terms(SearchAnalyzers.WordPrefixes, IndexFields.WordPrefix, "customer_churn_model");
        words.ShouldContain("ch");
        words.ShouldContain("churn");
        words.ShouldContain("mod");
        words.ShouldNotContain("hurn");
    }

    [Theory]
    [InlineData("churn")]
    [InlineData("CHURN")]
    [InlineData("churns")]
    [InlineData("customer")]
    [InlineData("v2")]
    public void both_spellings_of_a_name_are_found_by_each_of_its_words(string word)
    {
        var tag = Words.New();
        var snake = Docs.Model("customer_churn_v2") with { Tags = [$"urn:li:tag:{tag}"] };
        var camel = Docs.Model("CustomerChurnV2") with { Tags = [$"urn:li:tag:{tag}"] };
        folder.Add(snake, camel);

        var found = folder.Search.Search(Docs.Query($"{word} tag:{tag}"));

        found.Urns().ShouldBe([snake.Urn, camel.Urn], ignoreOrder: true);
    }

    [Fact]
    public void a_plural_in_the_query_finds_the_singular_in_the_name_and_the_other_way_round()
    {
        var word = Words.New();
        var singular = Docs.Model($"{word}_order_item");
        var plural = Docs.Model($"{word}_customers");
        folder.Add(singular, plural);

        folder.Search.Search(Docs.Query($"{word} orders")).Urns().ShouldBe([singular.Urn]);
        folder.Search.Search(Docs.Query($"{word} customer")).Urns().ShouldBe([plural.Urn]);
    }
}
