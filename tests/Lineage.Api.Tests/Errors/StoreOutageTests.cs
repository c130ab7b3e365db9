using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Lineage.Api.Tests.Errors;

/// <summary>With Neo4j out of reach the service still starts, and answers 503 with Retry-After and a JSON error, never a hang.</summary>
public sealed class StoreOutageTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();

    private readonly WebApplicationFactory<Program> _factory;

    public StoreOutageTests() => _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
        .ConfigureLogging(l => l.AddProvider(_logs))
        .UseSetting("Lineage:Store", "neo4j")
        .UseSetting("Lineage:Neo4j:Uri", "http://127.0.0.1:1")
        .UseSetting("Lineage:Neo4j:RetryBudget", "00:00:00.300")
        .UseSetting("Lineage:DataDirectory", Path.Combine(Path.GetTempPath(), "lineage-outage-" + Guid.NewGuid().ToString("N"))));

    /// <summary>
    /// A client with a token shaped like any other: the tokens are in the unreachable Neo4j too, so the service cannot
    /// tell a good one from a bad one and answers 503, not 401.
    /// </summary>
    private HttpClient Client()
    {
        var client = _factory.CreateClient();
        AuthorizedClients.Authorize(client, Lineage.Api.Auth.TokenSecret.New().Text);
        return client;
    }

    [Fact]
    public async Task writes_reads_and_health_answer_503_with_retry_after_when_neo4j_is_unreachable()
    {
        var gms = new DataHubWire(Client());
        var urn = "urn:li:mlModel:(urn:li:dataPlatform:science,outage,PROD)";

        var responses = new[]
        {
            await gms.EmitAsync(urn, "mlModelProperties", new JsonObject { ["description"] = "x" }),
            await gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(urn)}"),
            await gms.Send(HttpMethod.Get, "/health"),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter.ShouldNotBeNull();
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            body["message"]!.GetValue<string>().ShouldContain("unavailable");
        }
    }

    [Fact]
    public async Task the_log_lines_of_a_failed_request_carry_the_request_id_its_error_body_names()
    {
        var gms = new DataHubWire(Client());
        var response = await gms.EmitAsync("urn:li:mlModel:(urn:li:dataPlatform:science,logged,PROD)", "mlModelProperties", new JsonObject());
        var requestId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["requestId"]!.GetValue<string>();
        response.Headers.GetValues("X-Request-Id").Single().ShouldBe(requestId);

        var lines = _logs.Lines.Where(l => l.Scope.TryGetValue("RequestId", out var id) && (id as string) == requestId).ToList();
        lines.ShouldNotBeEmpty();
        lines.ShouldContain(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains("failed"));
        lines.ShouldAllBe(l => (l.Scope["RequestPath"] as string) == "/aspects");
    }

    public void Dispose() => _factory.Dispose();
}
