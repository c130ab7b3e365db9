namespace Lineage.Api.Auth;

/// <summary>
/// The scopes an endpoint declares in its <c>Configure()</c> (<c>Scopes(Scope.Write)</c>), as the values of the
/// <c>scope</c> claim a token's principal carries.
/// </summary>
internal static class Scope
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    /// <summary>The claim type FastEndpoints reads <c>Scopes(…)</c> from.</summary>
    public const string ClaimType = "scope";

    public static string Name(TokenScope scope) => scope switch
    {
        TokenScope.Read => Read,
        TokenScope.Write => Write,
        TokenScope.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>Whether the request's token has <paramref name="scope"/> (or a larger one).</summary>
    public static bool Grants(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindFirst(ClaimType)?.Value.Split(' ').Contains(scope) == true;

    /// <summary>
    /// A token's claim lists its scope and every scope below it, so that an endpoint names only the least scope it
    /// needs and FastEndpoints' any-of check lets the larger ones through.
    /// </summary>
    public static string Claim(TokenScope scope) =>
        string.Join(' ', Enum.GetValues<TokenScope>().Where(s => s <= scope).Select(Name));
}
