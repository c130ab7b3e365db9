using System.Text.Json.Serialization;
using Lineage.Api.Auth;

namespace Lineage.Api.Admin.Tokens;

/// <summary>A token as the admin endpoints show it: everything but the secret, which is not kept; the text only when just made.</summary>
internal sealed record TokenResponse(string Id, string Name, string Scope, long CreatedAt, long? ExpiresAt, bool Revoked, bool Active)
{
    /// <summary>The token's text, present only in the answer that created it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; init; }

    public static TokenResponse Of(AccessToken token, DateTimeOffset now) => new(
        token.Id, token.Name, Auth.Scope.Name(token.Scope), token.CreatedAt.ToUnixTimeMilliseconds(),
        token.ExpiresAt?.ToUnixTimeMilliseconds(), token.Revoked, token.IsActive(now));
}
