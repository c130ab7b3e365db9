using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lineage.Api.Tests.Entities;

/// <summary>A restart of the service on the same data directory (and the same Neo4j) keeps everything.</summary>
public abstract class RestartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-restart-" + Guid.NewGuid().ToString("N"));

    /// <summary>Puts the host on the store under test.</summary>
    protected abstract IWebHostBuilder OnStore(IWebHostBuilder builder);

    private WebApplicationFactory<Program> Host() => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        OnStore(b.UseSetting("Lineage:DataDirectory", _dataDirectory)));

    [Fact]
    public async Task a_restarted_service_serves_what_was_written_before()
    {
        var urn = $"urn:li:mlModel:(urn:li:dataPlatform:science,restart_{Guid.NewGuid():N},PROD)";
        var group = "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,restart,PROD)";
        await using (var first = Host())
        {
            var gms = new DataHubWire(first.CreateAuthorizedClient());
            await gms.UpsertAsync(urn, "mlModelProperties", new JsonObject { ["description"] = "v1", ["groups"] = new JsonArray(group) });
            await gms.UpsertAsync(urn, "mlModelProperties", new JsonObject { ["description"] = "v2", ["groups"] = new JsonArray(group) });
        }

        await using var second = Host();
        var again = new DataHubWire(second.CreateAuthorizedClient());
        const string Class = "com.linkedin.ml.metadata.MLModelProperties";
        (await again.GetAspectAsync(urn, "mlModelProperties", Class))!["description"]!.GetValue<string>().ShouldBe("v2");
        (await again.GetAspectAsync(urn, "mlModelProperties", Class, 1))!["description"]!.GetValue<string>().ShouldBe("v1");
        var members = await DataHubWire.ReadObjectAsync(await again.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(group)}&types=MemberOf"));
        members["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>()).ShouldContain(urn);
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class sqlite_service_restart : RestartTests
{
    protected override IWebHostBuilder OnStore(IWebHostBuilder builder) => builder.UseSetting("Lineage:Store", "embedded");
}

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_service_restart : RestartTests
{
    protected override IWebHostBuilder OnStore(IWebHostBuilder builder)
    {
        var options = Lineage.Graph.Tests.Neo4j.Neo4jServer.Options();
        return builder.UseSetting("Lineage:Store", "neo4j")
            .UseSetting("Lineage:Neo4j:Uri", options.Uri)
            .UseSetting("Lineage:Neo4j:User", options.User)
            .UseSetting("Lineage:Neo4j:Password", options.Password);
    }
}
