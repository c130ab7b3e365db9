using System.Text.Json.Nodes;

namespace Lineage.Api.Auth.Tokens;

/// <summary>A token as the admin endpoints show it: everything but the secret, which is not kept.</summary>
internal static class TokenWire
{
    public static JsonObject Of(AccessToken token, DateTimeOffset now) => new()
    {
        ["id"] = token.Id,
        ["name"] = token.Name,
        ["scope"] = AuthMiddleware.Name(token.Scope),
        ["createdAt"] = token.CreatedAt.ToUnixTimeMilliseconds(),
        ["expiresAt"] = token.ExpiresAt?.ToUnixTimeMilliseconds(),
        ["revoked"] = token.Revoked,
        ["active"] = token.IsActive(now),
    };
}
