using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.SampleData;

/// <summary>
/// The project's sample data in DataHub's MCE file format (Fixtures/sample_mce.json, shaped like DataHub's
/// bootstrap_mce.json), sent the ways DataHub's file source and REST sink send such a file: each snapshot to
/// <c>/entities?action=ingest</c> and each proposal to <c>/aspects?action=ingestProposal</c>, or all of them in two batches.
/// </summary>
internal static class SampleFile
{
    private static readonly Lazy<DataHubFile> Sample = new(() => DataHubFile.Load("Fixtures", "sample_mce.json"));

    /// <summary>The file's snapshots (proposedSnapshot of each MCE), in file order, as written in the file.</summary>
    public static IEnumerable<JsonObject> Snapshots =>
        Sample.Value.Entries.Select(e => e["proposedSnapshot"]).OfType<JsonObject>().Select(s => s.DeepClone().AsObject());

    /// <summary>The file's metadata change proposals, in file order.</summary>
    public static IEnumerable<JsonObject> Proposals =>
        Sample.Value.Entries.Where(e => e["aspectName"] is not null).Select(e => e.DeepClone().AsObject());

    /// <summary>The (urn, aspect class) pairs the file's snapshots hold, class names as DataHub's server spells them.</summary>
    public static IEnumerable<(string Urn, string SchemaClass)> SnapshotAspects =>
        Snapshots.SelectMany(s =>
        {
            var body = s.First().Value!.AsObject();
            return body["aspects"]!.AsArray().Select(a => (body["urn"]!.GetValue<string>(), DataHubFile.Rename(a!.AsObject().First().Key)));
        });

    /// <summary>Every snapshot sent alone, raw from the file (the server reads the pegasus2avro spelling), then every proposal alone.</summary>
    public static async Task LoadOneByOneAsync(DataHubWire gms)
    {
        foreach (var snapshot in Snapshots)
        {
            await Expect200(await gms.Send(HttpMethod.Post, "/entities?action=ingest", new JsonObject
            {
                ["entity"] = new JsonObject { ["value"] = snapshot },
                ["systemMetadata"] = RunMetadata(),
            }), "ingest");
        }
        foreach (var proposal in Proposals)
            await Expect200(await gms.EmitAsync(proposal), "ingestProposal");
    }

    /// <summary>All snapshots in one batchIngest, as DataHub's client transforms them (pre_json_transform), then all proposals in one batch.</summary>
    public static async Task LoadInBatchesAsync(DataHubWire gms)
    {
        var snapshots = Snapshots.ToList();
        await Expect200(await gms.Send(HttpMethod.Post, "/entities?action=batchIngest", new JsonObject
        {
            ["entities"] = new JsonArray([.. snapshots.Select(s => (JsonNode)new JsonObject { ["value"] = DataHubFile.PreJsonTransform(s) })]),
            ["systemMetadata"] = new JsonArray([.. snapshots.Select(_ => (JsonNode)RunMetadata())]),
        }), "batchIngest");
        await Expect200(await gms.EmitBatchAsync([.. Proposals.Select(p => DataHubFile.PreJsonTransform(p)!.AsObject())]), "ingestProposalBatch");
    }

    private static JsonObject RunMetadata() => new() { ["lastObserved"] = 1718000000000, ["runId"] = "file-sample_mce.json" };

    private static async Task Expect200(HttpResponseMessage response, string what)
    {
        if (response.StatusCode != HttpStatusCode.OK)
            throw new Xunit.Sdk.XunitException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
