using FastEndpoints;

namespace Lineage.Api.Auth.Tokens;

/// <summary><c>DELETE /api/v1/admin/tokens/{id}</c>: revokes the token at once; 404 when there is no such token.</summary>
internal sealed class RevokeTokenEndpoint(TokenStore tokens, TimeProvider clock) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/api/v1/admin/tokens/{id}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var token = await tokens.RevokeAsync(Route<string>("id")!, ct);
        await Send.OkAsync(TokenWire.Of(token, clock.GetUtcNow()), ct);
    }
}
