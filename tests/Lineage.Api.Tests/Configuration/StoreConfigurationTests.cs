using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Configuration;

/// <summary>
/// The store is chosen by configuration: embedded by default, Neo4j by <c>Lineage:Store</c> or its environment
/// variable <c>Lineage__Store</c>, and a value that is neither stops the service at start with a message naming it.
/// </summary>
[Collection(Neo4jApiCollection.Name)]
public sealed class StoreConfigurationTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-config-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task with_no_setting_the_service_runs_on_the_embedded_store_in_its_data_directory()
    {
        await using var service = await ServiceProcess.StartAsync(_dataDirectory);

        (await StoreOfAsync(service)).ShouldBe("embedded");
        File.Exists(Path.Combine(_dataDirectory, "lineage.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task environment_variables_put_the_service_on_neo4j()
    {
        var neo4j = Lineage.Graph.Tests.Neo4j.Neo4jServer.Options();
        await AuthorizedClients.WriteSharedNeo4jAdminTokenAsync(_dataDirectory);
        await using var service = await ServiceProcess.StartAsync(_dataDirectory, new Dictionary<string, string>
        {
            ["Lineage__Store"] = "neo4j",
            ["Lineage__Neo4j__Uri"] = neo4j.Uri,
            ["Lineage__Neo4j__User"] = neo4j.User,
            ["Lineage__Neo4j__Password"] = neo4j.Password,
        });

        (await StoreOfAsync(service)).ShouldBe("neo4j");
        File.Exists(Path.Combine(_dataDirectory, "lineage.db")).ShouldBeFalse();
        var urn = $"urn:li:mlModel:(urn:li:dataPlatform:science,config_{Guid.NewGuid():N},PROD)";
        await new DataHubWire(service.Http).UpsertAsync(urn, "mlModelProperties", new JsonObject { ["description"] = "in neo4j" });
        // Written in Neo4j itself, not only served back.
        var cypher = new Lineage.Graph.Storage.Neo4j.CypherClient(neo4j);
        var rows = (await cypher.RunAsync([new Lineage.Graph.Storage.Neo4j.CypherStatement("test",
            "MATCH (m:MlModel {urn: $u}) RETURN count(m)", new JsonObject { ["u"] = urn })], CancellationToken.None))[0].Rows;
        rows[0][0]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task a_store_that_is_neither_embedded_nor_neo4j_stops_the_service_at_start_naming_the_setting()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => ServiceProcess.StartAsync(_dataDirectory, new Dictionary<string, string> { ["Lineage__Store"] = "mongo" }));

        failure.Message.ShouldContain("Lineage:Store must be 'embedded' or 'neo4j'");
    }

    private static async Task<string> StoreOfAsync(ServiceProcess service)
    {
        var health = JsonNode.Parse(await service.Http.GetStringAsync("/health"))!;
        return health["store"]!.GetValue<string>();
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
