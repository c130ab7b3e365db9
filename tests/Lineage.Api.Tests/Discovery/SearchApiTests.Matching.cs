using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Discovery;

/// <summary>Which words a hit must have, and which of its fields it is said to have matched.</summary>
public abstract partial class SearchApiTests
{
    [Fact]
    public async Task stop_words_in_the_query_need_not_be_in_the_name()
    {
        var model = Model("churn");
        await Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_churn", ["description"] = "predicts the churn of customers" });
        await SearchUntil($"q={_word} predicts", r => Urns(r).Count == 1);

        foreach (var words in new[] { "predicts the churn", "churn of customers", "the churn", "\"the churn\"", "\"predicts the churn\"" })
            Urns(await Search($"q={_word} {words}")).ShouldBe([model], words);
        (await Search($"q={_word} the revenue"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task matched_fields_count_the_ingested_description_and_field_value_clauses()
    {
        var model = Model("matched");
        await Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_matched", ["description"] = "ingested wording" });
        await Upsert(model, "editableMlModelProperties", new JsonObject { ["description"] = "curated wording" });
        await Upsert(model, "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = $"urn:li:tag:pii_{_word}" }) });
        await SearchUntil($"q=tag:pii_{_word}", r => Urns(r).Count == 1);

        async Task<List<string>> Matched(string query) =>
            (await Search($"q={query}"))["results"]!.AsArray().Single()!["matchedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();

        var ingested = await Search($"q={_word} ingested");
        ingested["results"]![0]!["description"]!.GetValue<string>().ShouldBe("curated wording");
        (await Matched($"{_word} ingested")).ShouldBe(["name", "description"]);
        (await Matched($"tag:pii_{_word} ingested")).ShouldBe(["description", "tag"]);
        (await Matched($"tag:pii_{_word}")).ShouldBe(["tag"]);
    }
}
