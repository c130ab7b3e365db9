namespace Lineage.Api.Admin.Tokens.RevokeToken;

/// <summary><c>DELETE /api/v1/admin/tokens/{id}</c>: the token's id, the part after <c>lin_</c>.</summary>
internal sealed record RevokeTokenRequest
{
    /// <summary>The token to revoke.</summary>
    public string Id { get; init; } = "";
}
