using Microsoft.AspNetCore.Routing.Patterns;

namespace Lineage.Api.Wire;

/// <summary>
/// An endpoint that serves one Rest.li action of a route. Rest.li names the action in the query
/// (<c>POST /aspects?action=ingestProposal</c>), so several endpoints share one route and
/// <see cref="RestLiActionMatcherPolicy"/> picks the one whose action the request names. In <c>Configure()</c>:
/// <c>Post(action.Registration); Options(action.Bind);</c>.
/// </summary>
internal sealed record RestLiAction(string Route, string Name)
{
    /// <summary>
    /// The route the endpoint is registered under, distinct per action because FastEndpoints refuses two endpoints on
    /// one route; <see cref="Bind"/> puts the endpoint back on <see cref="Route"/> before routing sees it.
    /// </summary>
    public string Registration => $"{Route}/{Name}";

    /// <summary>Places the endpoint on the shared route, marked with this action.</summary>
    public void Bind(RouteHandlerBuilder builder) => builder.Add(endpoint =>
    {
        ((RouteEndpointBuilder)endpoint).RoutePattern = RoutePatternFactory.Parse(Route);
        endpoint.Metadata.Add(this);
    });
}
