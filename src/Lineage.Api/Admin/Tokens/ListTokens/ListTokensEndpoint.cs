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

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(new ListTokensResponse([.. tokens.All().Select(t => TokenResponse.Of(t, clock.GetUtcNow()))]), ct);
}
