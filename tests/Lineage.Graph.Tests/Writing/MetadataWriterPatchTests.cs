using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using Lineage.Graph.Tests.Sqlite;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Writing;
using static Lineage.Graph.Tests.Writing.Proposals;

namespace Lineage.Graph.Tests.Writing;

/// <summary>PATCH proposals: JSON Patch over the stored value (or {}), validated and versioned like an UPSERT.</summary>
public sealed class MetadataWriterPatchTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGraphStore _store = fx.Store;
    private readonly MetadataWriter _writer = new(fx.Store, TestRegistry.Registry);

    [Fact]
    public async Task a_patch_adds_to_a_list_and_its_edge()
    {
        var model = Mint.Model();
        var (g1, g2) = (Mint.Group(), Mint.Group());
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", $$"""{"name": "m", "groups": ["{{g1}}"]}"""));

        var outcomes = await _writer.ApplyBatchAsync(Patch(model, "mlModelProperties",
            $$"""[{"op": "add", "path": "/groups/-", "value": "{{g2}}"}]"""));

        outcomes.Single().Effect.ShouldBe(WriteEffect.Updated);
        outcomes.Single().Revision.ShouldBe(2);
        await ShouldBeStored(model, $$"""{"name": "m", "groups": ["{{g1}}", "{{g2}}"]}""");
        (await _store.OutgoingAsync(model, "MemberOf")).Items.Select(r => r.Urn).ShouldBe([g1, g2], ignoreOrder: true);
    }

    [Fact]
    public async Task a_patch_replaces_a_value()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "old", "tags": ["t"]}"""));

        await _writer.ApplyBatchAsync(Patch(model, "mlModelProperties", """[{"op": "replace", "path": "/name", "value": "new"}]"""));

        await ShouldBeStored(model, """{"name": "new", "tags": ["t"]}""");
    }

    [Fact]
    public async Task a_patch_removes_a_value_and_its_edge()
    {
        var model = Mint.Model();
        var (g1, g2) = (Mint.Group(), Mint.Group());
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", $$"""{"groups": ["{{g1}}", "{{g2}}"]}"""));

        await _writer.ApplyBatchAsync(Patch(model, "mlModelProperties", """[{"op": "remove", "path": "/groups/0"}]"""));

        await ShouldBeStored(model, $$"""{"groups": ["{{g2}}"]}""");
        (await _store.OutgoingAsync(model)).Items.ShouldBe([new RelatedEntity("MemberOf", g2)]);
        (await _store.IncomingAsync(g1)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task a_patch_of_an_absent_aspect_starts_from_an_empty_object()
    {
        var model = Mint.Model();

        var outcomes = await _writer.ApplyBatchAsync(Patch(model, "mlModelProperties",
            """[{"op": "add", "path": "/name", "value": "m"}, {"op": "add", "path": "/tags", "value": ["a"]}]"""));

        outcomes.Single().Effect.ShouldBe(WriteEffect.Created);
        outcomes.Single().Revision.ShouldBe(1);
        await ShouldBeStored(model, """{"name": "m", "tags": ["a"]}""");
    }

    [Fact]
    public async Task a_patch_of_an_absent_aspect_cannot_reach_into_members_it_does_not_have()
    {
        var model = Mint.Model();

        var error = await Should.ThrowAsync<ValidationException>(() => _writer.ApplyBatchAsync(
            Patch(model, "mlModelProperties", $$"""[{"op": "add", "path": "/groups/-", "value": "{{Mint.Group()}}"}]""")));

        error.Path.ShouldBe("proposals[0].aspect.value[0].path");
        (await _store.GetEntityAsync(model, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task a_failing_test_operation_is_a_validation_error_naming_it_and_nothing_is_written()
    {
        var model = Mint.Model();
        var other = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m"}"""));
        var changes = (await _store.ChangesForAsync(model, other)).Count;

        var error = await Should.ThrowAsync<ValidationException>(() => _writer.ApplyBatchAsync(
            Upsert(other, "mlModelProperties", """{"name": "other"}"""),
            Patch(model, "mlModelProperties",
                """[{"op": "replace", "path": "/name", "value": "x"}, {"op": "test", "path": "/name", "value": "m"}]""")));

        error.Path.ShouldBe("proposals[1].aspect.value[1]");
        error.Reason.ShouldContain("test failed");
        await ShouldBeStored(model, """{"name": "m"}""");
        (await _store.GetEntityAsync(other, Ct)).ShouldBeNull();
        (await _store.ChangesForAsync(model, other)).Count.ShouldBe(changes);
    }

    [Fact]
    public async Task a_patch_that_is_not_an_array_of_operations_is_rejected()
    {
        var model = Mint.Model();

        var error = await Should.ThrowAsync<ValidationException>(() => _writer.ApplyBatchAsync(
            Patch(model, "mlModelProperties", """{"name": "m"}""")));

        error.Path.ShouldBe("proposals[0].aspect.value");
    }

    [Fact]
    public async Task a_patched_value_is_validated_against_the_aspect_schema()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m"}"""));

        var error = await Should.ThrowAsync<ValidationException>(() => _writer.ApplyBatchAsync(
            Patch(model, "mlModelProperties", """[{"op": "add", "path": "/tags", "value": [1]}]""")));

        error.Path.ShouldBe("proposals[0].mlModelProperties.tags[0]");
        await ShouldBeStored(model, """{"name": "m"}""");
    }

    [Fact]
    public async Task a_patch_that_changes_nothing_adds_no_version()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m"}"""));

        var outcomes = await _writer.ApplyBatchAsync(Patch(model, "mlModelProperties", """[{"op": "test", "path": "/name", "value": "m"}]"""));

        outcomes.Single().Effect.ShouldBe(WriteEffect.Unchanged);
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_patch_builds_on_an_earlier_write_of_the_same_batch()
    {
        var model = Mint.Model();

        var outcomes = await _writer.ApplyBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "m", "tags": ["a"]}"""),
            Patch(model, "mlModelProperties", """[{"op": "add", "path": "/tags/-", "value": "b"}]"""));

        outcomes.Select(o => o.Revision).ShouldBe([1L, 2L]);
        await ShouldBeStored(model, """{"name": "m", "tags": ["a", "b"]}""");
    }

    [Fact]
    public async Task a_patch_with_a_stale_if_version_match_is_a_conflict()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "two"}"""));

        var conflict = await Should.ThrowAsync<ConflictException>(() => _writer.ApplyBatchAsync(
            Patch(model, "mlModelProperties", """[{"op": "replace", "path": "/name", "value": "three"}]""") with { IfVersionMatch = 1 }));

        conflict.Path.ShouldBe("proposals[0]");
        conflict.PreconditionFailed.ShouldBeTrue();
        await ShouldBeStored(model, """{"name": "two"}""");
    }

    [Fact]
    public async Task a_patch_that_lost_a_race_is_applied_again_to_the_newer_value()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "m", "tags": ["a"]}"""));
        var racing = new RacingStore(_store, () => _store.WriteOneAsync(
            Ops.Upsert(model, "mlModelProperties", """{"name": "m", "tags": ["a", "raced"]}""")));

        var outcomes = await new MetadataWriter(racing, TestRegistry.Registry).ApplyBatchAsync(
            Patch(model, "mlModelProperties", """[{"op": "add", "path": "/tags/-", "value": "b"}]"""));

        racing.Writes.ShouldBe(2);
        outcomes.Single().Revision.ShouldBe(3);
        await ShouldBeStored(model, """{"name": "m", "tags": ["a", "raced", "b"]}""");
        (await _store.ChangesForAsync(model)).Where(c => c.Aspect == "mlModelProperties").Select(c => c.Revision).ShouldBe([1L, 2L, 3L]);
    }

    private async Task ShouldBeStored(string urn, string expected)
    {
        var stored = (await _store.GetAspectAsync(urn, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
        JsonNode.DeepEquals(stored.Value, JsonNode.Parse(expected)).ShouldBeTrue($"stored {stored.Value.ToJsonString()}");
    }

    /// <summary>A store where another writer commits just before the first batch handed to it.</summary>
    private sealed class RacingStore(IGraphStore inner, Func<Task> rival) : IGraphStore
    {
        public int Writes { get; private set; }

        public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct)
        {
            if (Writes++ == 0) await rival();
            return await inner.WriteAsync(operations, ct);
        }

        public Task InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);
        public Task<StoredEntity?> GetEntityAsync(string urn, CancellationToken ct) => inner.GetEntityAsync(urn, ct);
        public Task<StoredAspect?> GetAspectAsync(string urn, string aspect, long version, CancellationToken ct) =>
            inner.GetAspectAsync(urn, aspect, version, ct);
        public Task<IReadOnlyList<StoredAspect>> GetAspectVersionsAsync(string urn, string aspect, CancellationToken ct) =>
            inner.GetAspectVersionsAsync(urn, aspect, ct);
        public Task<IReadOnlyList<TimeseriesValue>> GetTimeseriesValuesAsync(TimeseriesQuery query, CancellationToken ct) =>
            inner.GetTimeseriesValuesAsync(query, ct);
        public Task<RelationshipPage> GetRelationshipsAsync(RelationshipQuery query, CancellationToken ct) =>
            inner.GetRelationshipsAsync(query, ct);
        public Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterAsync(long after, int limit, CancellationToken ct) =>
            inner.ReadChangesAfterAsync(after, limit, ct);
        public Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(IReadOnlyCollection<string> urns, string aspect, CancellationToken ct) =>
            inner.GetLatestAspectsAsync(urns, aspect, ct);
        public Task<ILineageRead> OpenLineageReadAsync(CancellationToken ct) => inner.OpenLineageReadAsync(ct);
        public Task<DateTimeOffset?> GetEdgeHistoryReplayAsync(CancellationToken ct) => inner.GetEdgeHistoryReplayAsync(ct);
        public Task AppendEdgeHistoryAsync(IReadOnlyList<Lineage.Graph.Storage.Batches.EdgeVersion> versions, bool done, CancellationToken ct) =>
            inner.AppendEdgeHistoryAsync(versions, done, ct);
        public Task<IReadOnlyList<LineageEdge>> GetHistoricalLineageEdgesAsync(
            IReadOnlyCollection<string> urns, bool withColumns, LineageTime time, CancellationToken ct) =>
            inner.GetHistoricalLineageEdgesAsync(urns, withColumns, time, ct);
        public Task<IReadOnlyDictionary<string, long>> GetConnectivityAsync(IReadOnlyCollection<string> urns, CancellationToken ct) =>
            inner.GetConnectivityAsync(urns, ct);
        public Task<IReadOnlyList<EntityArchive>> GetArchivesAsync(IReadOnlyList<string> urns, CancellationToken ct) => inner.GetArchivesAsync(urns, ct);

        public Task<IReadOnlyList<string>> ListEntityUrnsAsync(string? after, int limit, CancellationToken ct) => inner.ListEntityUrnsAsync(after, limit, ct);
        public Task<long> GetLastSequenceAsync(CancellationToken ct) => inner.GetLastSequenceAsync(ct);
        public Task<IReadOnlyDictionary<string, StoredEntity>> GetEntitiesAsync(IReadOnlyCollection<string> urns, CancellationToken ct) =>
            inner.GetEntitiesAsync(urns, ct);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
