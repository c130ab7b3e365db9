using FastEndpoints;
using Lineage.Api.Auth;

namespace Lineage.Api.GraphQL;

/// <summary>
/// <c>POST /api/graphql</c> <c>{"query", "variables", "operationName"}</c> (and <c>GET ?query=</c>): DataHub's GraphQL
/// API for the ML entities, search and lineage. Document errors (syntax, unknown fields, limits) answer 200 with
/// <c>errors</c>, as DataHub does; a body that is not a GraphQL request answers 400 with <c>errors</c>.
/// </summary>
internal sealed class GraphQLEndpoint(GraphQLExecutor executor) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Verbs(Http.POST, Http.GET);
        Routes("/api/graphql");
        // A POST, but it only reads: GraphQL mutations are not served.
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (request, problem) = HttpContext.Request.Method == HttpMethods.Get
            ? GraphQLExecutor.ReadQueryString(HttpContext.Request.Query)
            : await GraphQLExecutor.ReadBodyAsync(HttpContext.Request.Body, ct);
        var body = request is null
            ? GraphQLExecutor.Failure(problem!)
            : await executor.ExecuteAsync(request, HttpContext.RequestServices, ct);
        await Send.StringAsync(GraphQLExecutor.Write(body), request is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            "application/json", ct);
    }
}
