using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lineage.Api.Tests.Entities;

/// <summary>A restart of the service on the same data directory keeps everything.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task a_restarted_service_serves_what_was_written_before()
    {
        using var first = new SqliteApiFactory();
        var urn = $"urn:li:mlModel:(urn:li:dataPlatform:science,restart_{Guid.NewGuid():N},PROD)";
        var group = "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,restart,PROD)";
        var gms = new DataHubWire(first.CreateClient());
        await gms.UpsertAsync(urn, "mlModelProperties", new JsonObject { ["description"] = "v1", ["groups"] = new JsonArray(group) });
        await gms.UpsertAsync(urn, "mlModelProperties", new JsonObject { ["description"] = "v2", ["groups"] = new JsonArray(group) });
        // The first service stops and lets go of the data directory: its search index holds Lucene's write lock on it.
        var stopped = first.Services.GetRequiredService<IHost>();
        await stopped.StopAsync();
        stopped.Dispose();

        using var second = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("Lineage:DataDirectory", first.DataDirectory).UseSetting("Lineage:Store", "embedded"));
        var again = new DataHubWire(second.CreateClient());
        const string Class = "com.linkedin.ml.metadata.MLModelProperties";
        (await again.GetAspectAsync(urn, "mlModelProperties", Class))!["description"]!.GetValue<string>().ShouldBe("v2");
        (await again.GetAspectAsync(urn, "mlModelProperties", Class, 1))!["description"]!.GetValue<string>().ShouldBe("v1");
        var members = await DataHubWire.ReadObjectAsync(await again.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(group)}&types=MemberOf"));
        members["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>()).ShouldContain(urn);
    }
}
