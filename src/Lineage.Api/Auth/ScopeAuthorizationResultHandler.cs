using FastEndpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Authentication;

namespace Lineage.Api.Auth;

/// <summary>
/// Says why a request was refused: 401 when it has no usable token, 403 naming the token's scope and the one the
/// endpoint declares. Thrown as <see cref="AuthException"/> so that the one error map writes the body.
/// </summary>
internal sealed class ScopeAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            var failure = (await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName)).Failure;
            throw AuthException.Unauthorized(failure?.Message ?? TokenAuthenticationHandler.MissingHeader);
        }
        if (result.Forbidden)
        {
            var needed = context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>()?.AllowedScopes ?? [];
            var token = context.Items[typeof(AccessToken)] as AccessToken;
            throw AuthException.Forbidden(
                $"the token '{token?.Name}' has the {(token is null ? "no" : Scope.Name(token.Scope))} scope; this request needs {string.Join(" or ", needed)}");
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}
