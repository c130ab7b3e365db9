using Lineage.Search.Index;
using Lineage.Search.Querying;
using Lineage.Search.Tests.Support;

namespace Lineage.Search.Tests.Convergence;

/// <summary>Edits that take an entity out of results, or change how it is found, reach the index too.</summary>
public abstract partial class ConvergenceContract<TFixture>
{
    [Fact]
    public async Task removing_a_tag_removes_the_entity_from_that_tags_results()
    {
        var model = Model("tagged");
        await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_tagged"}""");
        await Upsert(model, "globalTags", $$"""{"tags": [{"tag": "urn:li:tag:pii_{{_word}}"}, {"tag": "urn:li:tag:gold_{{_word}}"}]}""");
        await Feeder().CatchUpAsync(Ct);
        Search($"tag:pii_{_word}").Urns().ShouldBe([model]);

        await Upsert(model, "globalTags", $$"""{"tags": [{"tag": "urn:li:tag:gold_{{_word}}"}]}""");
        await Feeder().CatchUpAsync(Ct);

        Search($"tag:pii_{_word}").Total.ShouldBe(0);
        Search(_word, tags: [$"urn:li:tag:pii_{_word}"]).Total.ShouldBe(0);
        Search(_word).Facet("tags").ShouldBe([($"urn:li:tag:gold_{_word}", 1)]);

        await Delete(model, "globalTags");
        await Feeder().CatchUpAsync(Ct);
        Search($"tag:gold_{_word}").Total.ShouldBe(0);
        Search(_word).Urns().ShouldBe([model]);
    }

    [Fact]
    public async Task a_soft_deleted_entity_leaves_the_results_and_comes_back_when_restored()
    {
        var model = Model("soft");
        await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_soft"}""");
        await Feeder().CatchUpAsync(Ct);
        Search(_word).Total.ShouldBe(1);

        await Upsert(model, "status", """{"removed": true}""");
        await Feeder().CatchUpAsync(Ct);

        Search(_word).Total.ShouldBe(0);
        Search(_word, includeRemoved: true).Urns().ShouldBe([model]);
        new AutocompleteService(_index).Suggest(_word, [], 10).ShouldBeEmpty();

        await Upsert(model, "status", """{"removed": false}""");
        await Feeder().CatchUpAsync(Ct);
        Search(_word).Urns().ShouldBe([model]);
    }

    [Fact]
    public async Task a_hard_deleted_entity_is_gone_even_with_removed_ones_included()
    {
        var (gone, kept) = (Model("gone"), Model("kept"));
        await Upsert(gone, "mlModelProperties", $$"""{"name": "{{_word}}_gone"}""");
        await Upsert(kept, "mlModelProperties", $$"""{"name": "{{_word}}_kept"}""");
        await Feeder().CatchUpAsync(Ct);

        await _writer.DeleteEntityAsync(gone, Actor, Ct);
        await Feeder().CatchUpAsync(Ct);

        Search(_word, includeRemoved: true).Urns().ShouldBe([kept]);
    }

    [Fact]
    public async Task an_updated_description_is_found_by_its_new_words_and_not_its_old_ones()
    {
        var model = Model("described");
        await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_described", "description": "forecasts quarterly revenue"}""");
        await Feeder().CatchUpAsync(Ct);
        Search($"{_word} quarterly").Total.ShouldBe(1);

        await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_described", "description": "scores monthly retention"}""");
        await Feeder().CatchUpAsync(Ct);

        Search($"{_word} quarterly").Total.ShouldBe(0);
        Search($"{_word} revenue").Total.ShouldBe(0);
        Search($"{_word} retention").Urns().ShouldBe([model]);
    }

    [Fact]
    public async Task an_edited_description_is_shown_and_the_ingested_one_stays_searchable()
    {
        var model = Model("edited");
        await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_edited", "description": "ingested wording"}""");
        await Upsert(model, "editableMlModelProperties", """{"description": "curated wording"}""");
        await Feeder().CatchUpAsync(Ct);

        Search($"{_word} curated").Results.ShouldHaveSingleItem().Description.ShouldBe("curated wording");
        Search($"{_word} ingested").Results.ShouldHaveSingleItem().Description.ShouldBe("curated wording");

        await Delete(model, "editableMlModelProperties");
        await Feeder().CatchUpAsync(Ct);
        Search($"{_word} curated").Total.ShouldBe(0);
        Search($"{_word} ingested").Results.ShouldHaveSingleItem().Description.ShouldBe("ingested wording");
    }

    [Fact]
    public async Task a_new_edge_to_an_entity_raises_its_connectivity_and_wins_autocomplete_ties()
    {
        var (groupA, groupB, model) = (Group("a"), Group("b"), Model("member"));
        await Upsert(groupA, "mlModelGroupProperties", $$"""{"name": "{{_word}}_a"}""");
        await Upsert(groupB, "mlModelGroupProperties", $$"""{"name": "{{_word}}_b"}""");
        await Feeder().CatchUpAsync(Ct);
        Suggest().ShouldBe([groupA, groupB]);

        await Upsert(model, "mlModelProperties", $$"""{"name": "member_model", "groups": ["{{groupB}}"]}""");
        await Feeder().CatchUpAsync(Ct);
        Suggest().ShouldBe([groupB, groupA]);

        // The edge going away (the model leaves the group) lowers it again.
        await Upsert(model, "mlModelProperties", """{"name": "member_model", "groups": []}""");
        await Feeder().CatchUpAsync(Ct);
        Suggest().ShouldBe([groupA, groupB]);

        IReadOnlyList<string> Suggest() => new AutocompleteService(_index).Suggest(_word, [], 10).Select(s => s.Urn).ToList();
    }

    [Fact]
    public async Task hard_deleting_an_entity_lowers_the_connectivity_of_what_it_pointed_to()
    {
        var (groupA, groupB, model) = (Group("a"), Group("b"), Model("member"));
        await Upsert(groupA, "mlModelGroupProperties", $$"""{"name": "{{_word}}_a"}""");
        await Upsert(groupB, "mlModelGroupProperties", $$"""{"name": "{{_word}}_b"}""");
        await Upsert(model, "mlModelProperties", $$"""{"name": "member_model", "groups": ["{{groupB}}"]}""");
        await Feeder().CatchUpAsync(Ct);
        Suggest().ShouldBe([groupB, groupA]);

        await _writer.DeleteEntityAsync(model, Actor, Ct);
        await Feeder().CatchUpAsync(Ct);

        Suggest().ShouldBe([groupA, groupB]);

        IReadOnlyList<string> Suggest() => new AutocompleteService(_index).Suggest(_word, [], 10).Select(s => s.Urn).ToList();
    }

    [Fact]
    public async Task a_write_waited_for_is_searchable_at_once_and_the_rank_of_what_it_points_to_follows()
    {
        var (groupA, groupB, model) = (Group("a"), Group("b"), Model("member"));
        await Upsert(groupA, "mlModelGroupProperties", $$"""{"name": "{{_word}}_a"}""");
        await Upsert(groupB, "mlModelGroupProperties", $$"""{"name": "{{_word}}_b"}""");
        var feeder = Feeder();
        await feeder.CatchUpAsync(Ct);

        // Named apart, so that autocomplete on the groups' word does not suggest it.
        var name = Words.New();
        var written = await Upsert(model, "mlModelProperties", $$"""{"name": "{{name}}", "groups": ["{{groupB}}"]}""");
        await feeder.WaitAppliedAsync(written, Ct);

        Search(name).Urns().ShouldBe([model], "the written entity is searchable when the wait ends");
        await feeder.CatchUpAsync(Ct);
        Suggest(_word).ShouldBe([groupB, groupA], "the group it joined ranks higher once the feeder has caught up");
    }

    [Fact]
    public async Task a_restart_before_the_ranks_follow_a_write_resumes_from_that_write()
    {
        var (groupA, groupB, model) = (Group("a"), Group("b"), Model("member"));
        await Upsert(groupA, "mlModelGroupProperties", $$"""{"name": "{{_word}}_a"}""");
        await Upsert(groupB, "mlModelGroupProperties", $$"""{"name": "{{_word}}_b"}""");
        var before = await Feeder().CatchUpAsync(Ct);
        var written = await Upsert(model, "mlModelProperties", $$"""{"name": "{{Words.New()}}", "groups": ["{{groupB}}"]}""");

        // The write is searchable, the group's rank not yet refreshed, when the index commits and the process dies.
        await Feeder().WaitAppliedAsync(written, Ct);
        _index.Commit();
        _index.Dispose();
        _index = new SearchIndex(_folder);

        _index.AppliedSequence.ShouldBeInRange(before, written - 1, "the commit resumes before the write whose effects were not all applied");
        await Feeder().CatchUpAsync(Ct);
        Suggest(_word).ShouldBe([groupB, groupA]);
    }

    private IReadOnlyList<string> Suggest(string word) => new AutocompleteService(_index).Suggest(word, [], 10).Select(s => s.Urn).ToList();
}
