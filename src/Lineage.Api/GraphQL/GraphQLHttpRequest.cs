using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Lineage.Api.Wire;

namespace Lineage.Api.GraphQL;

/// <summary>
/// A GraphQL request as HTTP carries it: <c>POST {"query", "variables", "operationName"}</c> or
/// <c>GET ?query=&amp;variables=&amp;operationName=</c>; when it is not one, <see cref="Problem"/> says why (answered
/// 400 with <c>errors</c>, as GraphQL servers do, not as a Lineage error).
/// </summary>
internal sealed record GraphQLHttpRequest(GraphQLRequest? Request, string? Problem) : IWireRequest<GraphQLHttpRequest>
{
    public static async ValueTask<GraphQLHttpRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var (request, problem) = HttpMethods.IsGet(context.Request.Method)
            ? ReadQueryString(context.Request.Query)
            : await ReadBodyAsync(context.Request.Body, ct);
        return new(request, problem);
    }

    /// <summary>Reads <c>{"query", "variables", "operationName"}</c>; null with a message when the body is not such an object.</summary>
    private static async Task<(GraphQLRequest? Request, string? Problem)> ReadBodyAsync(Stream body, CancellationToken ct)
    {
        try
        {
            var request = await GraphQLExecutor.Serializer.ReadAsync<GraphQLRequest>(body, ct);
            return request?.Query is { Length: > 0 } ? (request, null) : (null, "the request has no query: send {\"query\": \"…\", \"variables\": {…}}");
        }
        catch (JsonException e)
        {
            return (null, $"the request body is not a GraphQL request in JSON: {e.Message}");
        }
    }

    /// <summary>Reads <c>?query=&amp;variables=&amp;operationName=</c> of a GET.</summary>
    private static (GraphQLRequest? Request, string? Problem) ReadQueryString(IQueryCollection query)
    {
        var text = query["query"].ToString();
        if (text.Length == 0) return (null, "the request has no query: pass ?query=…");
        try
        {
            var variables = query["variables"].ToString();
            return (new GraphQLRequest
            {
                Query = text,
                OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                Variables = variables.Length == 0 ? null : GraphQLExecutor.Serializer.Deserialize<Inputs>(variables),
            }, null);
        }
        catch (JsonException e)
        {
            return (null, $"variables is not a JSON object: {e.Message}");
        }
    }
}
