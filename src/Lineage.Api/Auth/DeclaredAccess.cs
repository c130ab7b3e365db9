using FastEndpoints;

namespace Lineage.Api.Auth;

/// <summary>
/// Start-up refuses an endpoint that says nothing about who may call it: each declares <c>Scopes(…)</c> or, for the
/// few public ones, <c>AllowAnonymous()</c> in its own <c>Configure()</c>, so reading an endpoint tells the truth.
/// </summary>
internal static class DeclaredAccess
{
    public static void Require(EndpointDefinition endpoint)
    {
        var scoped = endpoint.AllowedScopes?.Any() == true;
        var anonymous = endpoint.AnonymousVerbs?.Any() == true;
        if (scoped == anonymous)
            throw new InvalidOperationException(
                $"{endpoint.EndpointType.Name} must declare who may call it in Configure(): Scopes(Scope.Read|Write|Admin) or, for a public route, AllowAnonymous(){(scoped ? ", not both" : "")}");
    }
}
