using FastEndpoints;
using Lineage.Api.Auth;

namespace Lineage.Api.Admin.Tokens.RevokeToken;

/// <summary><c>DELETE /api/v1/admin/tokens/{id}</c>: revokes the token at once; 404 when there is no such token.</summary>
internal sealed class RevokeTokenEndpoint(TokenStore tokens, TimeProvider clock) : Endpoint<RevokeTokenRequest, TokenResponse>
{
    public override void Configure()
    {
        Delete("/api/v1/admin/tokens/{id}");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(RevokeTokenRequest req, CancellationToken ct)
    {
        var token = await tokens.RevokeAsync(req.Id, ct);
        await Send.OkAsync(TokenResponse.Of(token, clock.GetUtcNow()), ct);
    }
}
