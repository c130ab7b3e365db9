using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Auth;

/// <summary>
/// Two instances on the same Neo4j share their tokens: one made on either works on the other at once, and one revoked
/// on either is refused by the other within a second. Instance A is the collection's host, B a host of this class's own.
/// </summary>
[Collection(Neo4jApiCollection.Name)]
public sealed class SharedTokensTests(Neo4jApiFactory a) : IDisposable
{
    private readonly Neo4jApiFactory _b = new();

    private static HttpClient Client(LineageApiFactory host, string token)
    {
        var client = host.CreateClient();
        AuthorizedClients.Authorize(client, token);
        return client;
    }

    private static async Task<(string Id, string Text)> CreateTokenAsync(LineageApiFactory host, string scope)
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/admin/tokens",
            new JsonObject { ["name"] = $"shared {scope} {Guid.NewGuid():N}", ["scope"] = scope });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["id"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>A read that needs the read scope: 404 for an entity nobody made means the token was accepted.</summary>
    private static async Task<HttpStatusCode> ReadAsync(HttpClient client) =>
        (await client.GetAsync($"/aspects/{Uri.EscapeDataString("urn:li:mlModel:(urn:li:dataPlatform:science,shared-tokens,PROD)")}?aspect=mlModelProperties&version=0")).StatusCode;

    [Fact]
    public async Task a_token_made_on_one_instance_works_on_the_other_at_once()
    {
        var (_, onA) = await CreateTokenAsync(a, "read");
        (await ReadAsync(Client(_b, onA))).ShouldBe(HttpStatusCode.NotFound);

        var (_, onB) = await CreateTokenAsync(_b, "write");
        (await ReadAsync(Client(a, onB))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_token_revoked_on_one_instance_is_refused_by_the_other_within_a_second()
    {
        var (id, text) = await CreateTokenAsync(a, "read");
        var onB = Client(_b, text);
        (await ReadAsync(onB)).ShouldBe(HttpStatusCode.NotFound, "B knows the token before it is revoked");

        (await a.CreateClient().DeleteAsync($"/api/v1/admin/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeRefusedWithinASecondAsync(onB);
    }

    /// <summary>Asks until the token is refused, for at most a second after the revocation was answered.</summary>
    private static async Task ShouldBeRefusedWithinASecondAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        var status = await ReadAsync(client);
        while (status != HttpStatusCode.Unauthorized && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(20);
            status = await ReadAsync(client);
        }
        var elapsed = clock.Elapsed;

        status.ShouldBe(HttpStatusCode.Unauthorized, $"the other instance still accepted the token {elapsed.TotalMilliseconds:0} ms after the revocation");
        elapsed.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task each_instance_lists_and_revokes_the_tokens_made_on_the_other()
    {
        var (id, text) = await CreateTokenAsync(a, "write");

        var listed = (await _b.CreateClient().GetFromJsonAsync<JsonObject>("/api/v1/admin/tokens"))!["tokens"]!.AsArray();
        listed.ShouldContain(t => t!["id"]!.GetValue<string>() == id);
        (await _b.CreateClient().DeleteAsync($"/api/v1/admin/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadAsync(Client(_b, text))).ShouldBe(HttpStatusCode.Unauthorized, "refused at once where it was revoked");
        await ShouldBeRefusedWithinASecondAsync(Client(a, text));
    }

    public void Dispose() => _b.Dispose();
}
