using FastEndpoints;
using Lineage.Api.Auth;

namespace Lineage.Api.Admin.Tokens.ListTokens;

/// <summary><c>GET /api/v1/admin/tokens</c>: every token, newest first, without secrets.</summary>
internal sealed class ListTokensEndpoint(TokenStore tokens, TimeProvider clock) : EndpointWithoutRequest<ListTokensResponse>
{
    public override void Configure()
    {
        Get("/api/v1/admin/tokens");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(new ListTokensResponse([.. (await tokens.AllAsync(ct)).Select(t => TokenResponse.Of(t, clock.GetUtcNow()))]), ct);
}
