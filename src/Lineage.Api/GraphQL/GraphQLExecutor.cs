using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using Lineage.Search.Querying;
using Microsoft.Extensions.Options;

namespace Lineage.Api.GraphQL;

/// <summary>
/// Runs one GraphQL request against the schema with the limits, and writes the answer as DataHub does:
/// <c>{"data": …, "extensions": {}}</c>, problems in <c>errors</c> with message, locations, path and a code.
/// </summary>
internal sealed class GraphQLExecutor(
    ISchema schema,
    IDocumentExecuter executer,
    IGraphStore store,
    SearchService search,
    AutocompleteService autocomplete,
    LineageService lineage,
    IOptions<GraphQLOptions> options,
    IOptions<TraversalOptions> traversal,
    ILogger<GraphQLExecutor> logger)
{
    /// <summary>How GraphQL requests are read and answers written.</summary>
    internal static readonly GraphQLSerializer Serializer = new(o =>
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    public async Task<JsonObject> ExecuteAsync(GraphQLRequest request, IServiceProvider services, CancellationToken ct)
    {
        var limits = options.Value;
        var result = await executer.ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.Query = request.Query;
            o.Variables = request.Variables;
            o.OperationName = request.OperationName;
            o.RequestServices = services;
            o.CancellationToken = ct;
            o.UserContext = new ResolverContext(store, search, autocomplete, lineage, limits, traversal.Value);
            o.ValidationRules = DocumentValidator.CoreRules.Append(new ComplexityValidationRule(new ComplexityOptions
            {
                MaxDepth = limits.MaxDepth,
                MaxComplexity = limits.MaxComplexity,
            }));
            o.UnhandledExceptionDelegate = Describe;
        });
        var body = JsonNode.Parse(Serializer.Serialize(result))!.AsObject();
        body["extensions"] ??= new JsonObject();
        return body;
    }

    /// <summary>A body with one error and no data, for requests that never reach the executor.</summary>
    public static JsonObject Failure(string message) => new()
    {
        ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = new JsonObject { ["code"] = "BAD_REQUEST" } }),
        ["extensions"] = new JsonObject(),
    };

    public static string Write(JsonObject body) => body.ToJsonString(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// A resolver's exception as the error clients see on that field: Lineage's own errors keep their message and get
    /// a code; anything else is logged and reported without details, as the REST endpoints do.
    /// </summary>
    private Task Describe(UnhandledExceptionContext context)
    {
        var (code, message) = context.OriginalException switch
        {
            ValidationException v => ("BAD_REQUEST", v.Message),
            NotFoundException n => ("NOT_FOUND", n.Message),
            QueryTimeoutException t => ("TIMEOUT", t.Message),
            StoreUnavailableException s => ("SERVICE_UNAVAILABLE", s.Message),
            ConflictException c => ("CONFLICT", c.Message),
            _ => ("SERVER_ERROR", "An unknown error occurred; the server log has the details."),
        };
        if (code == "SERVER_ERROR") logger.LogError(context.OriginalException, "GraphQL field {Field} failed", context.FieldContext?.FieldDefinition.Name);
        context.Exception = new ExecutionError(message, context.OriginalException) { Code = code };
        return Task.CompletedTask;
    }
}
