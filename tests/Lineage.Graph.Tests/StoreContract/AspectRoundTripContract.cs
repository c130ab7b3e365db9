using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.Registry.Examples;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// Every aspect, set with every field of its PDL, goes through the write path and comes back as it was sent: same
/// fields, same order, same number spellings (<c>90.0</c> stays <c>90.0</c>), wrapped unions still wrapped.
/// </summary>
public abstract class AspectRoundTripContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private const string Actor = "urn:li:corpuser:round-trip-tests";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGraphStore _store = fx.Store;
    private readonly MetadataWriter _writer = new(fx.Store, MetadataRegistry.Default);

    /// <summary>The examples some entity type of the catalog accepts (documentation has none to be written to).</summary>
    public static TheoryData<string> WritableAspects =>
        [.. MaximalExamples.All.Values.Where(e => e.EntityType is not null).Select(e => e.Aspect).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(WritableAspects))]
    public async Task a_maximal_aspect_is_stored_and_read_back_unchanged(string aspect)
    {
        var (urn, sent) = await WriteAsync(aspect);

        var stored = (await _store.GetAspectAsync(urn, aspect, 0, Ct)).ShouldNotBeNull();

        stored.Value.ToJsonString().ShouldBe(sent);
    }

    [Theory]
    [MemberData(nameof(WritableAspects))]
    public async Task a_maximal_aspect_is_unchanged_in_the_entity_read_and_rewriting_it_adds_no_version(string aspect)
    {
        var (urn, sent) = await WriteAsync(aspect);

        var again = await _writer.ApplyAsync([Proposal(urn, aspect, sent)], i => $"proposals[{i}]", Actor, Ct);
        var entity = (await _store.GetEntityAsync(urn, Ct)).ShouldNotBeNull();

        again.Single().Effect.ShouldBe(WriteEffect.Unchanged);
        entity.Aspects.Single(a => a.Name == aspect).Value.ToJsonString().ShouldBe(sent);
    }

    /// <summary>Writes the example to a fresh entity; returns the URN and the value as sent, in compact form.</summary>
    private async Task<(string Urn, string Sent)> WriteAsync(string aspect)
    {
        var example = MaximalExamples.All[aspect];
        var urn = MaximalExamples.Mint(example.EntityType!);
        var sent = JsonNode.Parse(example.Json)!.ToJsonString();

        var outcomes = await _writer.ApplyAsync([Proposal(urn, aspect, sent)], i => $"proposals[{i}]", Actor, Ct);

        outcomes.Single().Effect.ShouldBe(WriteEffect.Created);
        return (urn, sent);
    }

    private static Proposal Proposal(string urn, string aspect, string json) =>
        new(null, urn, ChangeType.Upsert, aspect, JsonNode.Parse(json));
}
