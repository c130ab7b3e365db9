using FastEndpoints;
using Lineage.Api.Auth;

namespace Lineage.Api.Admin.Tokens.CreateToken;

/// <summary><c>POST /api/v1/admin/tokens</c> → 201 with the token's text, shown this once.</summary>
internal sealed class CreateTokenEndpoint(TokenStore tokens, TimeProvider clock) : Endpoint<CreateTokenRequest, TokenResponse>
{
    public override void Configure()
    {
        Post("/api/v1/admin/tokens");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(CreateTokenRequest req, CancellationToken ct)
    {
        DateTimeOffset? expiresAt = req.ExpiresInDays is { } days ? clock.GetUtcNow().AddDays(days) : null;
        var (token, text) = await tokens.CreateAsync(req.Name!.Trim(), req.TokenScope, expiresAt, ct);
        await Send.ResponseAsync(TokenResponse.Of(token, clock.GetUtcNow()) with { Token = text }, 201, ct);
    }
}
