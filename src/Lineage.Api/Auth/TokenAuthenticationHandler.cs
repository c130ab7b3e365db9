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

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!auth.Value.Enabled) return Task.FromResult(Success("auth off", TokenScope.Admin));
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        if (tokens.Authenticate(header["Bearer ".Length..].Trim()) is not { } token)
            return Task.FromResult(AuthenticateResult.Fail(InvalidToken));
        Context.Items[typeof(AccessToken)] = token;
        return Task.FromResult(Success(token.Name, token.Scope));
    }

    private AuthenticateResult Success(string name, TokenScope scope)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(Scope.ClaimType, Scope.Claim(scope))], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
