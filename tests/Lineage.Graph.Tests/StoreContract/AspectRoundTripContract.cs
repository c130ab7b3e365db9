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
/// <remarks>
/// What a re-send must not do differs by kind: a versioned aspect must not gain a version; a timeseries value is kept
/// by its timestampMillis (and partition), so re-sending it must not add a second value at that time, and a later value
/// must become the one reads return without turning the earlier one into history.
/// </remarks>
public abstract class AspectRoundTripContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private const string Actor = "urn:li:corpuser:round-trip-tests";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGraphStore _store = fx.Store;
    private readonly MetadataWriter _writer = new(fx.Store, MetadataRegistry.Default);

    /// <summary>The examples some entity type of the catalog accepts (documentation has none to be written to).</summary>
    public static TheoryData<string> WritableAspects => Writable(_ => true);

    public static TheoryData<string> VersionedAspects => Writable(spec => !spec.IsTimeseries);

    public static TheoryData<string> TimeseriesAspects => Writable(spec => spec.IsTimeseries);

    private static TheoryData<string> Writable(Func<AspectSpec, bool> kind) =>
    [
        .. MaximalExamples.All.Values
            .Where(e => e.EntityType is not null && kind(MetadataRegistry.Default.Aspect(e.Aspect)!))
            .Select(e => e.Aspect)
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(WritableAspects))]
    public async Task a_maximal_aspect_is_stored_and_read_back_unchanged(string aspect)
    {
        var (urn, sent) = await WriteAsync(aspect);

        var stored = (await _store.GetAspectAsync(urn, aspect, 0, Ct)).ShouldNotBeNull();

        stored.Value.ToJsonString().ShouldBe(sent);
    }

    [Theory]
    [MemberData(nameof(VersionedAspects))]
    public async Task a_maximal_aspect_is_unchanged_in_the_entity_read_and_rewriting_it_adds_no_version(string aspect)
    {
        var (urn, sent) = await WriteAsync(aspect);

        var again = await ApplyAsync(urn, aspect, sent);
        var entity = (await _store.GetEntityAsync(urn, Ct)).ShouldNotBeNull();

        again.Effect.ShouldBe(WriteEffect.Unchanged);
        entity.Aspects.Single(a => a.Name == aspect).Value.ToJsonString().ShouldBe(sent);
        (await _store.GetAspectVersionsAsync(urn, aspect, Ct)).Select(v => v.Version).ShouldBe([0L]);
    }

    [Theory]
    [MemberData(nameof(TimeseriesAspects))]
    public async Task a_maximal_timeseries_value_is_unchanged_in_the_entity_read_and_resending_it_keeps_one_value_at_its_time(string aspect)
    {
        var (urn, sent) = await WriteAsync(aspect);
        var at = TimestampOf(sent);

        var again = await ApplyAsync(urn, aspect, sent);
        var entity = (await _store.GetEntityAsync(urn, Ct)).ShouldNotBeNull();
        var kept = await ValuesAsync(urn, aspect);

        again.Effect.ShouldBe(WriteEffect.Unchanged);
        entity.Aspects.Single(a => a.Name == aspect).Value.ToJsonString().ShouldBe(sent);
        kept.Select(v => (v.TimestampMillis, v.Value.ToJsonString())).ShouldBe([(at, sent)]);
    }

    [Theory]
    [MemberData(nameof(TimeseriesAspects))]
    public async Task a_later_maximal_timeseries_value_is_read_as_the_aspect_and_both_are_kept_without_history(string aspect)
    {
        var (urn, sent) = await WriteAsync(aspect);
        var at = TimestampOf(sent);
        var laterNode = JsonNode.Parse(sent)!;
        laterNode["timestampMillis"] = at + 86_400_000;
        var later = laterNode.ToJsonString();

        var outcome = await ApplyAsync(urn, aspect, later);
        var latest = (await _store.GetAspectAsync(urn, aspect, 0, Ct)).ShouldNotBeNull();
        var kept = await ValuesAsync(urn, aspect);

        outcome.Effect.ShouldBe(WriteEffect.Updated);
        latest.Value.ToJsonString().ShouldBe(later);
        kept.Select(v => (v.TimestampMillis, v.Value.ToJsonString())).ShouldBe([(at + 86_400_000, later), (at, sent)]);
        (await _store.GetAspectVersionsAsync(urn, aspect, Ct)).Select(v => v.Version).ShouldBe([0L]);
    }

    /// <summary>Writes the example to a fresh entity; returns the URN and the value as sent, in compact form.</summary>
    private async Task<(string Urn, string Sent)> WriteAsync(string aspect)
    {
        var example = MaximalExamples.All[aspect];
        var urn = MaximalExamples.Mint(example.EntityType!);
        var sent = JsonNode.Parse(example.Json)!.ToJsonString();

        (await ApplyAsync(urn, aspect, sent)).Effect.ShouldBe(WriteEffect.Created);
        return (urn, sent);
    }

    private async Task<WriteOutcome> ApplyAsync(string urn, string aspect, string json) =>
        (await _writer.ApplyAsync([Proposal(urn, aspect, json)], i => $"proposals[{i}]", Actor, Ct)).Single();

    private Task<IReadOnlyList<TimeseriesValue>> ValuesAsync(string urn, string aspect) =>
        _store.GetTimeseriesValuesAsync(new TimeseriesQuery(urn, aspect, null, null, 10), Ct);

    private static long TimestampOf(string json) => JsonNode.Parse(json)!["timestampMillis"]!.GetValue<long>();

    private static Proposal Proposal(string urn, string aspect, string json) =>
        new(null, urn, ChangeType.Upsert, aspect, JsonNode.Parse(json));
}
