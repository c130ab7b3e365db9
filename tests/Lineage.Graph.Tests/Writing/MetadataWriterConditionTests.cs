using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.Sqlite;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Writing;
using static Lineage.Graph.Tests.Writing.Proposals;

namespace Lineage.Graph.Tests.Writing;

/// <summary>Conditional proposals: If-Version-Match and CREATE fail the whole batch with the proposal's path.</summary>
public sealed class MetadataWriterConditionTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGraphStore _store = fx.Store;
    private readonly MetadataWriter _writer = new(fx.Store, TestRegistry.Registry);

    [Fact]
    public async Task an_if_version_match_that_differs_is_a_conflict_naming_the_proposal_and_nothing_is_written()
    {
        var (model, other) = (Mint.Model(), Mint.Model());
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));
        var changes = (await _store.ChangesForAsync(model, other)).Count;

        var conflict = await Should.ThrowAsync<ConflictException>(() => _writer.ApplyBatchAsync(
            Upsert(other, "mlModelProperties", """{"name": "other"}"""),
            Upsert(model, "mlModelProperties", """{"name": "two"}""") with { IfVersionMatch = 3 }));

        conflict.Path.ShouldBe("proposals[1]");
        conflict.PreconditionFailed.ShouldBeTrue();
        conflict.Reason.ShouldContain("3");
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct))!.Value["name"]!.GetValue<string>().ShouldBe("one");
        (await _store.GetEntityAsync(other, Ct)).ShouldBeNull();
        (await _store.ChangesForAsync(model, other)).Count.ShouldBe(changes);
    }

    [Fact]
    public async Task an_if_version_match_that_matches_writes()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));

        var outcomes = await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "two"}""") with { IfVersionMatch = 1 });

        outcomes.Single().Revision.ShouldBe(2);
    }

    [Fact]
    public async Task an_if_version_match_of_0_means_the_aspect_must_be_absent()
    {
        var model = Mint.Model();

        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "one"}""") with { IfVersionMatch = 0 });
        var conflict = await Should.ThrowAsync<ConflictException>(() => _writer.ApplyBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "two"}""") with { IfVersionMatch = 0 }));

        conflict.PreconditionFailed.ShouldBeTrue();
    }

    [Fact]
    public async Task create_of_an_existing_aspect_is_a_conflict_naming_the_proposal()
    {
        var (model, other) = (Mint.Model(), Mint.Model());
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));

        var conflict = await Should.ThrowAsync<ConflictException>(() => _writer.ApplyBatchAsync(
            Upsert(other, "mlModelProperties", """{"name": "other"}"""),
            Create(model, "mlModelProperties", """{"name": "two"}""")));

        conflict.Path.ShouldBe("proposals[1]");
        conflict.PreconditionFailed.ShouldBeFalse();
        (await _store.GetEntityAsync(other, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task create_of_an_absent_aspect_writes_it()
    {
        var model = Mint.Model();

        var outcomes = await _writer.ApplyBatchAsync(Create(model, "mlModelProperties", """{"name": "one"}"""));

        outcomes.Single().Effect.ShouldBe(WriteEffect.Created);
    }

    [Fact]
    public async Task a_delete_with_a_stale_if_version_match_is_a_conflict()
    {
        var model = Mint.Model();
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));
        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", """{"name": "two"}"""));

        var conflict = await Should.ThrowAsync<ConflictException>(() => _writer.ApplyBatchAsync(
            Delete(model, "mlModelProperties") with { IfVersionMatch = 1 }));

        conflict.Path.ShouldBe("proposals[0]");
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
    }
}
