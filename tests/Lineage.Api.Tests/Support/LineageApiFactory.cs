using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lineage.Api.Tests.Support;

/// <summary>The real HTTP host on one store; subclasses pick the store.</summary>
public abstract class LineageApiFactory : WebApplicationFactory<Program>
{
    /// <summary>A data directory of its own, deleted afterwards.</summary>
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "lineage-api-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Settings of this host alone, applied last.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Lineage:DataDirectory", DataDirectory);
        // Every test class of a collection shares this host and its admin token; the rate limit has a test of its own.
        builder.UseSetting("Lineage:Auth:RequestsPerSecond", "0");
        // Webhook retries and disabling, quick enough for tests to watch them.
        builder.UseSetting("Lineage:Webhooks:RetryBase", "00:00:00.100");
        builder.UseSetting("Lineage:Webhooks:RetryMax", "00:00:00.500");
        builder.UseSetting("Lineage:Webhooks:Refresh", "00:00:01");
        builder.UseSetting("Lineage:Webhooks:MaxConsecutiveFailures", "4");
        Configure(builder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Every client of the shared host carries its admin token; tests of access control make their own.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        AuthorizedClients.Authorize(client, AuthorizedClients.AdminToken(Services));
    }

    /// <summary>The store-specific settings.</summary>
    protected abstract void Configure(IWebHostBuilder builder);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The host on the embedded store.</summary>
public sealed class SqliteApiFactory : LineageApiFactory
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Lineage:Store", "embedded");
}

/// <summary>The host on the Neo4j test server.</summary>
public sealed class Neo4jApiFactory : LineageApiFactory
{
    protected override void Configure(IWebHostBuilder builder) => UseTestServer(builder);

    /// <summary>Points a host at the Neo4j test server.</summary>
    public static void UseTestServer(IWebHostBuilder builder)
    {
        var options = Lineage.Graph.Tests.Neo4j.Neo4jServer.Options();
        builder.UseSetting("Lineage:Store", "neo4j");
        builder.UseSetting("Lineage:Neo4j:Uri", options.Uri);
        builder.UseSetting("Lineage:Neo4j:User", options.User);
        builder.UseSetting("Lineage:Neo4j:Password", options.Password);
    }
}
