using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;

namespace Lineage.Api.GraphQL;

/// <summary>
/// <c>POST /api/graphql</c> <c>{"query", "variables", "operationName"}</c> (and <c>GET ?query=</c>): DataHub's GraphQL
/// API for the ML entities, search and lineage. Document errors (syntax, unknown fields, limits) answer 200 with
/// <c>errors</c>, as DataHub does; a body that is not a GraphQL request answers 400 with <c>errors</c>.
/// </summary>
internal sealed class GraphQLEndpoint(GraphQLExecutor executor) : Endpoint<GraphQLHttpRequest>
{
    public override void Configure()
    {
        Verbs(Http.POST, Http.GET);
        Routes("/api/graphql");
        // A POST, but it only reads: GraphQL mutations are not served.
        Scopes(Scope.Read);
        RequestBinder(new WireBinder<GraphQLHttpRequest>());
    }

    public override async Task HandleAsync(GraphQLHttpRequest req, CancellationToken ct)
    {
        var body = req.Request is { } request
            ? await executor.ExecuteAsync(request, HttpContext.RequestServices, ct)
            : GraphQLExecutor.Failure(req.Problem!);
        await Send.StringAsync(GraphQLExecutor.Write(body), req.Request is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            "application/json", ct);
    }
}
