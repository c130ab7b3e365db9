using System.Runtime.CompilerServices;
using FastEndpoints.Swagger;
using Lineage.Api.Wire;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Lineage.Api.ApiDocs;

/// <summary>
/// Describes a Rest.li action route (<c>POST /aspects</c>, <c>POST /entities</c>) as the one operation it is on the
/// wire: a required <c>action</c> query parameter naming one of its endpoints, each action with the scope it needs.
/// The first action's operation is kept and the others fold into it, since OpenAPI allows one operation per path and verb.
/// </summary>
internal sealed class RestLiActions : IOperationProcessor
{
    private readonly ConditionalWeakTable<OpenApiDocument, Dictionary<string, OpenApiOperation>> _kept = [];

    public bool Process(OperationProcessorContext context)
    {
        if (context.GetEndpointDefinition() is not { } endpoint
            || RestLiAction(context) is not { } action) return true;
        var description = context.OperationDescription;
        var key = $"{description.Method} {description.Path}";
        var scope = string.Join(" or ", endpoint.AllowedScopes ?? []);
        var line = $"- `action={action.Name}` ({endpoint.EndpointType.Name.Replace("Endpoint", "", StringComparison.Ordinal)}): needs the {scope} scope";

        var kept = _kept.GetOrCreateValue(context.Document);
        if (!kept.TryGetValue(key, out var operation))
        {
            operation = description.Operation;
            kept[key] = operation;
            operation.OperationId = $"{char.ToUpperInvariant(action.Route[1])}{action.Route[2..]}Action";
            operation.Description = $"A Rest.li action route: the `action` query parameter names what to do.\n\n{line}";
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "action",
                Kind = OpenApiParameterKind.Query,
                IsRequired = true,
                Schema = new JsonSchema { Type = JsonObjectType.String },
            });
        }
        else
        {
            operation.Description += $"\n{line}";
        }
        operation.Parameters.Single(p => p.Name == "action").Schema.Enumeration.Add(action.Name);
        operation.Summary = $"Rest.li actions: {string.Join(", ", operation.Parameters.Single(p => p.Name == "action").Schema.Enumeration)}";
        return ReferenceEquals(operation, description.Operation);
    }

    private static RestLiAction? RestLiAction(OperationProcessorContext context) =>
        (context as NSwag.Generation.AspNetCore.AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata
            .OfType<RestLiAction>().FirstOrDefault();
}
