using Microsoft.Extensions.Options;

namespace Lineage.Api.Auth;

/// <summary>
/// Checks the bearer token of every request that needs one (see <see cref="RequiredScope"/>) before any endpoint runs,
/// and leaves the token in <c>HttpContext.Items</c> for the rate limiter and the endpoints.
/// </summary>
internal sealed class AuthMiddleware(RequestDelegate next, TokenStore tokens, IOptions<AuthOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Value.Enabled && RequiredScope.Of(context.Request) is { } required)
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                throw AuthException.Unauthorized("this request needs an 'Authorization: Bearer <token>' header");
            var token = tokens.Authenticate(header["Bearer ".Length..].Trim())
                        ?? throw AuthException.Unauthorized("the bearer token is not valid: unknown, revoked or expired");
            if (!token.Allows(required))
                throw AuthException.Forbidden($"the token '{token.Name}' has the {Name(token.Scope)} scope; this request needs {Name(required)}");
            context.Items[typeof(AccessToken)] = token;
        }
        await next(context);
    }

    public static string Name(TokenScope scope) => scope.ToString().ToLowerInvariant();
}
