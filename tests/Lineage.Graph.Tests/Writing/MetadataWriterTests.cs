using Lineage.Graph.Changes;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.Sqlite;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Writing;
using static Lineage.Graph.Tests.Writing.Proposals;

namespace Lineage.Graph.Tests.Writing;

/// <summary>The write path over a real SQLite store: values and edges, derived aspects, soft and hard deletes.</summary>
public sealed class MetadataWriterTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGraphStore _store = fx.Store;
    private readonly MetadataWriter _writer = new(fx.Store, TestRegistry.Registry);

    [Fact]
    public async Task an_upsert_stores_the_value_its_edges_and_the_actor()
    {
        var model = Mint.Model();
        var (group, feature) = (Mint.Group(), Mint.Feature());

        var outcomes = await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties",
            $$"""{"name": "m", "groups": ["{{group}}"], "mlFeatures": ["{{feature}}"]}"""));

        outcomes.Single().Effect.ShouldBe(WriteEffect.Created);
        var stored = (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
        stored.CreatedBy.ShouldBe(Actor);
        (await _store.OutgoingAsync(model)).Items.ShouldBe([new("Consumes", feature), new("MemberOf", group)], ignoreOrder: true);
        (await _store.GetEntityAsync(model, Ct)).ShouldNotBeNull().EntityType.ShouldBe("mlModel");
    }

    [Fact]
    public async Task an_entity_type_that_matches_the_urn_is_accepted()
    {
        var outcomes = await _writer.ApplyBatchAsync(
            Upsert(Mint.Model(), "mlModelProperties", """{"name": "m"}""") with { EntityType = "mlModel" });

        outcomes.Single().Effect.ShouldBe(WriteEffect.Created);
    }

    [Fact]
    public async Task a_batch_returns_one_outcome_per_proposal_in_order()
    {
        var (model, group) = (Mint.Model(), Mint.Group());

        var outcomes = await _writer.ApplyBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "m"}"""),
            Upsert(group, "mlModelGroupProperties", """{"name": "g"}"""),
            Upsert(model, "mlModelProperties", """{"name": "m"}"""));

        outcomes.Select(o => (o.Urn, o.Aspect, o.Effect)).ShouldBe([
            (model, "mlModelProperties", WriteEffect.Created),
            (group, "mlModelGroupProperties", WriteEffect.Created),
            (model, "mlModelProperties", WriteEffect.Unchanged)]);
    }

    [Fact]
    public async Task an_identical_proposal_with_its_keys_in_another_order_is_unchanged()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m", "date": 1, "tags": ["x"]}"""));

        var outcomes = await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"tags": ["x"], "date": 1.0, "name": "m"}"""));

        outcomes.Single().Effect.ShouldBe(WriteEffect.Unchanged);
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_first_write_of_an_entity_with_a_platform_derives_its_data_platform_instance()
    {
        var model = Mint.Model();

        var outcomes = await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m"}"""));

        outcomes.Count.ShouldBe(1);
        var derived = (await _store.GetAspectAsync(model, "dataPlatformInstance", 0, Ct)).ShouldNotBeNull();
        derived.Value.ToJsonString().ShouldBe("""{"platform":"urn:li:dataPlatform:mlflow"}""");
        derived.Revision.ShouldBe(1);
    }

    [Fact]
    public async Task a_stored_data_platform_instance_is_not_overwritten_by_the_derived_one()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "dataPlatformInstance",
            """{"platform": "urn:li:dataPlatform:mlflow", "instance": "eu-registry"}"""));

        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m"}"""));

        var stored = (await _store.GetAspectAsync(model, "dataPlatformInstance", 0, Ct)).ShouldNotBeNull();
        stored.Value["instance"]!.GetValue<string>().ShouldBe("eu-registry");
        stored.Revision.ShouldBe(1);
    }

    [Fact]
    public async Task a_data_platform_instance_proposed_in_the_same_batch_wins_over_the_derived_one()
    {
        var model = Mint.Model();

        await _writer.ApplyBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "m"}"""),
            Upsert(model, "dataPlatformInstance", """{"platform": "urn:li:dataPlatform:mlflow", "instance": "eu-registry"}"""));

        var stored = (await _store.GetAspectAsync(model, "dataPlatformInstance", 0, Ct)).ShouldNotBeNull();
        stored.Value["instance"]!.GetValue<string>().ShouldBe("eu-registry");
    }

    [Fact]
    public async Task no_data_platform_instance_is_derived_for_an_entity_that_does_not_accept_it()
    {
        var (group, feature) = (Mint.Group(), Mint.Feature());

        await _writer.ApplyBatchAsync(
            Upsert(group, "mlModelGroupProperties", """{"name": "g"}"""),
            Upsert(feature, "mlFeatureProperties", """{"description": "f"}"""));

        (await _store.GetEntityAsync(group, Ct)).ShouldNotBeNull().Aspects.Select(a => a.Name).ShouldBe(["mlModelGroupProperties"]);
        (await _store.GetEntityAsync(feature, Ct)).ShouldNotBeNull().Aspects.Select(a => a.Name).ShouldBe(["mlFeatureProperties"]);
    }

    [Fact]
    public async Task status_removed_hides_the_entity_from_relationship_queries()
    {
        var model = Mint.Model();
        var (kept, removed) = (Mint.Group(), Mint.Group());
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", $$"""{"groups": ["{{kept}}", "{{removed}}"]}"""));

        await _writer.ApplyBatchAsync(Upsert(removed, "status", """{"removed": true}"""));

        (await _store.GetEntityAsync(removed, Ct)).ShouldNotBeNull().Removed.ShouldBeTrue();
        (await _store.OutgoingAsync(model)).Items.ShouldBe([new RelatedEntity("MemberOf", kept)]);
        var all = await _store.GetRelationshipsAsync(
            new RelationshipQuery(model, RelationshipDirection.Outgoing, [], 0, 10, IncludeRemoved: true), Ct);
        all.Items.Select(r => r.Urn).ShouldBe([kept, removed], ignoreOrder: true);
    }

    [Fact]
    public async Task a_removed_model_is_hidden_from_the_incoming_relationships_of_its_group()
    {
        var group = Mint.Group();
        var model = Mint.Model();

        await _writer.ApplyBatchAsync(
            Upsert(model, "mlModelProperties", $$"""{"groups": ["{{group}}"]}"""),
            Upsert(model, "status", """{"removed": true}"""));

        (await _store.IncomingAsync(group)).Total.ShouldBe(0);
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task status_removed_false_or_deleting_the_status_shows_the_entity_again()
    {
        var model = Mint.Model();
        var (g1, g2, g3) = (Mint.Group(), Mint.Group(), Mint.Group());
        await _writer.ApplyBatchAsync(
            Upsert(model, "mlModelProperties", $$"""{"groups": ["{{g1}}", "{{g2}}", "{{g3}}"]}"""),
            Upsert(g1, "status", """{"removed": true}"""),
            Upsert(g2, "status", """{"removed": true}"""),
            Upsert(g3, "status", """{"removed": true}"""));
        (await _store.OutgoingAsync(model)).Total.ShouldBe(0);

        await _writer.ApplyBatchAsync(
            Upsert(g1, "status", """{"removed": false}"""),
            Upsert(g2, "status", "{}"),
            Delete(g3, "status"));

        (await _store.OutgoingAsync(model)).Items.Select(r => r.Urn).ShouldBe([g1, g2, g3], ignoreOrder: true);
    }

    [Fact]
    public async Task a_delete_proposal_removes_the_aspect_and_its_edges_and_keeps_its_history()
    {
        var model = Mint.Model();
        var group = Mint.Group();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", $$"""{"groups": ["{{group}}"]}"""));

        var outcomes = await _writer.ApplyBatchAsync(Delete(model, "mlModelProperties"));

        outcomes.Single().Effect.ShouldBe(WriteEffect.Deleted);
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldBeNull();
        (await _store.GetAspectAsync(model, "mlModelProperties", 1, Ct)).ShouldNotBeNull();
        (await _store.IncomingAsync(group)).Total.ShouldBe(0);
        (await _store.ChangesForAsync(model)).Last().Kind.ShouldBe(ChangeKind.AspectDeleted);
    }

    [Fact]
    public async Task deleting_an_entity_removes_its_own_data_and_keeps_references_to_it()
    {
        var (model, group) = (Mint.Model(), Mint.Group());
        await _writer.ApplyBatchAsync(
            Upsert(model, "mlModelProperties", $$"""{"groups": ["{{group}}"]}"""),
            Upsert(group, "mlModelGroupProperties", """{"name": "g"}"""));

        var deletedGroup = await _writer.DeleteEntityAsync(group, Actor, Ct);
        var unknown = await _writer.DeleteEntityAsync(Mint.Model(), Actor, Ct);

        deletedGroup.Effect.ShouldBe(WriteEffect.Deleted);
        unknown.Effect.ShouldBe(WriteEffect.Skipped);
        (await _store.GetEntityAsync(group, Ct)).ShouldBeNull();
        (await _store.IncomingAsync(group)).Items.ShouldBe([new RelatedEntity("MemberOf", model)]);
    }

    [Fact]
    public async Task deleting_an_entity_by_a_malformed_urn_is_a_validation_error()
    {
        var error = await Should.ThrowAsync<ValidationException>(() => _writer.DeleteEntityAsync("not-a-urn", Actor, Ct));

        error.Path.ShouldBe("urn");
    }

    [Fact]
    public async Task system_metadata_of_a_proposal_is_stored_with_the_aspect()
    {
        var model = Mint.Model();

        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m"}""")
            with { SystemMetadata = Ops.Json("""{"runId": "ingest-7"}""") });

        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct))!.SystemMetadata!["runId"]!.GetValue<string>().ShouldBe("ingest-7");
    }
}
