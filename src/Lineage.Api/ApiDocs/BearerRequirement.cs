using FastEndpoints.Swagger;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Lineage.Api.ApiDocs;

/// <summary>
/// Marks each operation that needs a token with the bearer requirement, and names the scope its endpoint declares
/// (OpenAPI 3.0 bearer requirements carry no scopes, so it goes into the description).
/// </summary>
internal sealed class BearerRequirement : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context.GetEndpointDefinition() is not { } endpoint) return true;
        var operation = context.OperationDescription;
        if (endpoint.AnonymousVerbs?.Contains(operation.Method.ToUpperInvariant()) == true) return true;

        (operation.Operation.Security ??= []).Add(new OpenApiSecurityRequirement { [ApiDocsExtensions.Scheme] = [] });
        var needs = $"Needs a token with the {string.Join(" or ", endpoint.AllowedScopes ?? [])} scope.";
        operation.Operation.Description = operation.Operation.Description is { Length: > 0 } said ? $"{said}\n\n{needs}" : needs;
        return true;
    }
}
