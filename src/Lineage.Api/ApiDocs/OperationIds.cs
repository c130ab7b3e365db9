using FastEndpoints.Swagger;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Lineage.Api.ApiDocs;

/// <summary>
/// Shortens FastEndpoints' default operation ids to the endpoint's name (<c>GetAspect</c>, or <c>Lineage</c> for
/// <c>Traversal.Lineage.Endpoint</c>), the method names of a generated client.
/// </summary>
/// <remarks>
/// The default is the class's full name without dots (<c>LineageApiEntitiesGetAspectGetAspectEndpoint</c>); a name an
/// endpoint gives itself (<c>WithName</c>) is left as it is.
/// </remarks>
internal sealed class OperationIds : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context.GetEndpointDefinition() is not { } endpoint) return true;
        var operation = context.OperationDescription.Operation;
        var full = endpoint.EndpointType.FullName!.Replace(".", "", StringComparison.Ordinal);
        if (operation.OperationId?.Contains(full, StringComparison.Ordinal) is true)
        {
            var name = SchemaNames.Of(endpoint.EndpointType);
            if (name.EndsWith("Endpoint", StringComparison.Ordinal) && name.Length > "Endpoint".Length) name = name[..^"Endpoint".Length];
            operation.OperationId = operation.OperationId.Replace(full, name, StringComparison.Ordinal);
        }
        return true;
    }
}
