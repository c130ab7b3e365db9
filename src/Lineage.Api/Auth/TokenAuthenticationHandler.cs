using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Auth;

/// <summary>
/// Turns an <c>Authorization: Bearer lin_…</c> header into a principal whose <c>scope</c> claim the endpoints'
/// declared scopes are checked against, and leaves the token in <c>HttpContext.Items</c> for the rate limiter.
/// With auth off, every request is an admin.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logger, UrlEncoder encoder,
    TokenStore tokens, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Why the request was not authenticated, for the 401's message.</summary>
    public const string MissingHeader = "this request needs an 'Authorization: Bearer <token>' header";

    public const string InvalidToken = "the bearer token is not valid: unknown, revoked or expired";

    /// <summary>
    /// A token that cannot be checked because its shared store is out of reach throws, and so answers 503 like any
    /// request that needs the store: it may well be valid.
    /// </summary>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!auth.Value.Enabled) return Success("auth off", TokenScope.Admin);
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        if (await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted) is not { } token)
            return AuthenticateResult.Fail(InvalidToken);
        Context.Items[typeof(AccessToken)] = token;
        return Success(token.Name, token.Scope);
    }

    private AuthenticateResult Success(string name, TokenScope scope)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(Scope.ClaimType, Scope.Claim(scope))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
