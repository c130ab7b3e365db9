using Lineage.Graph.Storage;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>Reading entities and aspect versions back.</summary>
public abstract class AspectReadContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task an_entity_is_read_with_the_latest_version_of_each_aspect()
    {
        var model = Mint.Model();
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "old"}"""),
            Upsert(model, "ownership", """{"owners": []}"""));
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "new"}"""));

        var entity = (await _store.GetEntityAsync(model, Ct)).ShouldNotBeNull();

        entity.Urn.ShouldBe(model);
        entity.EntityType.ShouldBe("mlModel");
        entity.Removed.ShouldBeFalse();
        entity.Aspects.Select(a => a.Name).Order().ShouldBe(["mlModelProperties", "ownership"]);
        entity.Aspects.ShouldAllBe(a => a.Version == 0);
        var properties = entity.Aspects.Single(a => a.Name == "mlModelProperties");
        properties.Revision.ShouldBe(2);
        properties.Value["name"]!.GetValue<string>().ShouldBe("new");
    }

    [Fact]
    public async Task an_unknown_urn_reads_as_null()
    {
        var model = Mint.Model();

        (await _store.GetEntityAsync(model, Ct)).ShouldBeNull();
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task an_entity_whose_only_aspect_was_deleted_reads_as_null()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "gone"}"""));
        await _store.WriteOneAsync(Delete(model, "mlModelProperties"));

        (await _store.GetEntityAsync(model, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task an_entity_keeps_the_aspects_that_were_not_deleted()
    {
        var model = Mint.Model();
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "m"}"""),
            Upsert(model, "ownership", """{"owners": []}"""));
        await _store.WriteOneAsync(Delete(model, "ownership"));

        var entity = (await _store.GetEntityAsync(model, Ct)).ShouldNotBeNull();

        entity.Aspects.Select(a => a.Name).ShouldBe(["mlModelProperties"]);
    }

    [Fact]
    public async Task every_kept_version_is_readable_by_number()
    {
        var model = Mint.Model();
        foreach (var name in new[] { "one", "two", "three" })
            await _store.WriteOneAsync(Upsert(model, "mlModelProperties", $$"""{"name": "{{name}}"}"""));

        var read = new List<(long, long, string)>();
        foreach (var version in new long[] { 0, 1, 2 })
        {
            var aspect = (await _store.GetAspectAsync(model, "mlModelProperties", version, Ct)).ShouldNotBeNull();
            read.Add((aspect.Version, aspect.Revision, aspect.Value["name"]!.GetValue<string>()));
        }

        read.ShouldBe([(0L, 3L, "three"), (1L, 1L, "one"), (2L, 2L, "two")]);
        (await _store.GetAspectAsync(model, "mlModelProperties", 3, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task a_stored_value_reads_back_equal_to_what_was_written()
    {
        var model = Mint.Model();
        var value = """{"name": "m", "hyperParameters": {"lr": 0.01, "layers": 3, "fast": true}, "tags": ["a", "b"], "nested": {"x": null}}""";
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", value));

        var latest = (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();

        System.Text.Json.Nodes.JsonNode.DeepEquals(latest.Value, Json(value)).ShouldBeTrue(latest.Value.ToJsonString());
    }

    [Fact]
    public async Task system_metadata_and_the_actor_are_kept_with_each_version()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}""")
            with { SystemMetadata = Json("""{"runId": "run-1", "lastObserved": 1}"""), Actor = "urn:li:corpuser:alice" });
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "two"}""")
            with { SystemMetadata = Json("""{"runId": "run-2", "lastObserved": 2}"""), Actor = "urn:li:corpuser:bob" });

        var latest = (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
        var oldest = (await _store.GetAspectAsync(model, "mlModelProperties", 1, Ct)).ShouldNotBeNull();

        latest.SystemMetadata.ShouldNotBeNull()["runId"]!.GetValue<string>().ShouldBe("run-2");
        latest.CreatedBy.ShouldBe("urn:li:corpuser:bob");
        oldest.SystemMetadata.ShouldNotBeNull()["runId"]!.GetValue<string>().ShouldBe("run-1");
        oldest.CreatedBy.ShouldBe("urn:li:corpuser:alice");
        var entity = (await _store.GetEntityAsync(model, Ct)).ShouldNotBeNull();
        entity.Aspects.Single().SystemMetadata.ShouldNotBeNull()["runId"]!.GetValue<string>().ShouldBe("run-2");
    }

    [Fact]
    public async Task an_identical_rewrite_records_its_system_metadata_on_the_latest()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}""")
            with { SystemMetadata = Json("""{"runId": "run-1", "lastObserved": 1}""") });

        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}""")
            with { SystemMetadata = Json("""{"runId": "run-2", "lastObserved": 2}""") });

        var latest = (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
        latest.Revision.ShouldBe(1);
        latest.SystemMetadata.ShouldNotBeNull()["lastObserved"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task an_identical_rewrite_without_system_metadata_keeps_the_stored_one()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}""")
            with { SystemMetadata = Json("""{"runId": "run-1", "lastObserved": 1}""") });

        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));

        var latest = (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
        latest.SystemMetadata.ShouldNotBeNull()["runId"]!.GetValue<string>().ShouldBe("run-1");
    }

    [Fact]
    public async Task an_aspect_written_without_system_metadata_reads_with_none()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));

        var latest = (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();

        latest.SystemMetadata.ShouldBeNull();
        latest.CreatedBy.ShouldBe(Actor);
    }

    [Fact]
    public async Task a_soft_deleted_entity_is_still_readable_and_says_so()
    {
        var model = Mint.Model();
        await _store.WriteBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m"}"""), Status(model, removed: true));

        var entity = (await _store.GetEntityAsync(model, Ct)).ShouldNotBeNull();

        entity.Removed.ShouldBeTrue();
        entity.Aspects.Select(a => a.Name).Order().ShouldBe(["mlModelProperties", "status"]);
    }
}
