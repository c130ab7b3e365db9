using System.Text.Json.Nodes;
using FastEndpoints;

namespace Lineage.Api.Auth.Tokens;

/// <summary><c>GET /api/v1/admin/tokens</c>: every token, newest first, without secrets.</summary>
internal sealed class ListTokensEndpoint(TokenStore tokens, TimeProvider clock) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/admin/tokens");
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(
        new JsonObject { ["tokens"] = new JsonArray([.. tokens.All().Select(t => (JsonNode)TokenWire.Of(t, clock.GetUtcNow()))]) }, ct);
}
