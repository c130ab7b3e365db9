using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lineage.Api.Tests.Traversal;

/// <summary>A lineage query without <c>limit</c> gets <c>Lineage:Traversal:DefaultLineageLimit</c> nodes; one with it gets what it asked.</summary>
public sealed class DefaultLimitTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-limit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task without_a_limit_the_answer_stops_at_the_configured_default_and_says_truncated()
    {
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Lineage:Store", "embedded")
            .UseSetting("Lineage:DataDirectory", _dataDirectory)
            .UseSetting("Lineage:Traversal:DefaultLineageLimit", "2"));
        var gms = new DataHubWire(host.CreateAuthorizedClient());
        const string Dataset = "urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD)";
        foreach (var name in new[] { "age", "country" })
            await gms.UpsertAsync($"urn:li:mlFeature:(users,{name})", "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(Dataset) });

        var byDefault = await LineageAsync(gms, $"/api/v1/lineage?urn={DataHubWire.Quote(Dataset)}&direction=downstream");
        var asked = await LineageAsync(gms, $"/api/v1/lineage?urn={DataHubWire.Quote(Dataset)}&direction=downstream&limit=3");

        // The limit counts the root; nearest first, then by urn.
        byDefault["nodes"]!.AsArray().Select(n => n!["urn"]!.GetValue<string>()).ShouldBe(["urn:li:mlFeature:(users,age)"]);
        byDefault["truncated"]!.GetValue<bool>().ShouldBeTrue();
        asked["nodes"]!.AsArray().Count.ShouldBe(2);
        asked["truncated"]!.GetValue<bool>().ShouldBeFalse();
    }

    private static async Task<JsonObject> LineageAsync(DataHubWire gms, string path) =>
        await DataHubWire.ReadObjectAsync(await gms.Send(HttpMethod.Get, path));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
