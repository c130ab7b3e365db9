using Lineage.Graph.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Matching;

namespace Lineage.Api.Wire;

/// <summary>
/// Routes a Rest.li action to its own endpoint by the <c>action</c> query parameter, so each action declares its own
/// request and scope. An action no endpoint of the route serves answers 400 naming the ones it does.
/// </summary>
internal sealed class RestLiActionMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <summary>After the HTTP method policy (-1000), so only the route's endpoints for this verb are left.</summary>
    public override int Order => 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<RestLiAction>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var action = httpContext.Request.Query["action"].ToString();
        var offered = new List<string>();
        var matched = false;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i) || candidates[i].Endpoint.Metadata.GetMetadata<RestLiAction>() is not { } served) continue;
            offered.Add(served.Name);
            if (served.Name == action) matched = true;
            else candidates.SetValidity(i, false);
        }
        if (offered.Count > 0 && !matched)
        {
            // As the HTTP method policy answers 405: an endpoint of its own that says what the route offers.
            httpContext.SetEndpoint(Refusal(httpContext.Request.Path, action, offered));
            httpContext.Request.RouteValues = null!;
        }
        return Task.CompletedTask;
    }

    private static Endpoint Refusal(PathString path, string action, IReadOnlyList<string> offered)
    {
        var error = action.Length == 0
            ? new ValidationException("action", "required query parameter is missing")
            : new ValidationException("action", $"'{action}' is not an action of {path}; use {string.Join(", ", offered.Order(StringComparer.Ordinal))}");
        // Only a caller with a token learns which actions there are.
        return new Endpoint(_ => throw error, new EndpointMetadataCollection(new AuthorizeAttribute()), $"Rest.li action refusal ({path})");
    }
}
