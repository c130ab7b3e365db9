using Lineage.Api.Auth;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Lineage.Api.ApiDocs;

/// <summary>Marks each operation that needs a token with the bearer requirement and names the scope it needs.</summary>
/// <remarks>
/// Every endpoint says AllowAnonymous to ASP.NET because Auth/AuthMiddleware checks tokens before any endpoint runs, so
/// FastEndpoints' own security processor would mark none; this asks <see cref="RequiredScope"/>, which the middleware asks.
/// </remarks>
internal sealed class BearerRequirement : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription;
        var probe = new DefaultHttpContext().Request;
        probe.Method = operation.Method.ToUpperInvariant();
        probe.Path = operation.Path;
        if (RequiredScope.Of(probe) is not { } scope) return true;

        // Bearer requirements carry no scopes in OpenAPI 3.0, so the scope goes into the description.
        (operation.Operation.Security ??= []).Add(new OpenApiSecurityRequirement { [ApiDocsExtensions.Scheme] = [] });
        var needs = $"Needs a token with the {AuthMiddleware.Name(scope)} scope.";
        operation.Operation.Description = operation.Operation.Description is { Length: > 0 } said ? $"{said}\n\n{needs}" : needs;
        return true;
    }
}
