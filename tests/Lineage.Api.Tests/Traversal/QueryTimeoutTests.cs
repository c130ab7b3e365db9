using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Traversal;

/// <summary>
/// <c>Lineage:Traversal:QueryTimeout</c> of one second, and a store made slow: a lineage, impact or path answer that
/// runs past it is a 504 naming the time-out, and the deadline is one for the whole answer, not one per store call.
/// </summary>
public abstract class QueryTimeoutTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IDisposable
    where TFactory : TimedTraversalFactory
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private string Source => $"urn:li:dataset:(urn:li:dataPlatform:hive,source_{_run},PROD)";
    private string Feature => $"urn:li:mlFeature:(users_{_run},age)";
    private string Model => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn_{_run},PROD)";

    [Fact]
    public async Task a_walk_slower_than_the_time_out_is_a_504_that_names_it()
    {
        await WriteAsync();
        factory.Store.WalkDelay = TimeSpan.FromSeconds(1.5);

        foreach (var url in Requests)
        {
            var error = await DataHubWire.ErrorAsync(await _gms.Http.GetAsync(url), HttpStatusCode.GatewayTimeout);
            error["message"]!.GetValue<string>().ShouldContain("time-out of 1 s (Lineage:Traversal:QueryTimeout)");
        }
    }

    [Fact]
    public async Task the_time_out_covers_the_reads_after_the_walk_as_one_deadline()
    {
        await WriteAsync();
        foreach (var url in Requests)
            (await _gms.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Each store call takes well under the time-out; the walk and the reads that follow it together do not (the
        // path search reads nothing after its levels: its target is two levels away).
        factory.Store.WalkDelay = TimeSpan.FromSeconds(0.6);
        factory.Store.ReadDelay = TimeSpan.FromSeconds(0.6);

        foreach (var url in Requests)
        {
            var error = await DataHubWire.ErrorAsync(await _gms.Http.GetAsync(url), HttpStatusCode.GatewayTimeout);
            error["message"]!.GetValue<string>().ShouldContain("Lineage:Traversal:QueryTimeout");
        }
    }

    /// <summary>A lineage (one direction: the walk, then the nodes' deprecations), an impact and a two-hop path.</summary>
    private string[] Requests =>
    [
        $"/api/v1/lineage?urn={Q(Source)}&direction=downstream",
        $"/api/v1/impact?urn={Q(Source)}",
        $"/api/v1/lineage/path?from={Q(Source)}&to={Q(Model)}",
    ];

    private async Task WriteAsync()
    {
        await _gms.UpsertAsync(Feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(Source) });
        await _gms.UpsertAsync(Model, "mlModelProperties", new JsonObject { ["mlFeatures"] = new JsonArray(Feature) });
    }

    private static string Q(string urn) => Uri.EscapeDataString(urn);

    public void Dispose() => (factory.Store.WalkDelay, factory.Store.ReadDelay) = (TimeSpan.Zero, TimeSpan.Zero);
}

public sealed class sqlite_query_timeout(SqliteTimedTraversalFactory factory) : QueryTimeoutTests<SqliteTimedTraversalFactory>(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_query_timeout(Neo4jTimedTraversalFactory factory) : QueryTimeoutTests<Neo4jTimedTraversalFactory>(factory);
