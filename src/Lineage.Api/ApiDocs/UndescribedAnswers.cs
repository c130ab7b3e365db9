using FastEndpoints.Swagger;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Lineage.Api.ApiDocs;

/// <summary>Says "200, JSON" for an endpoint that declares no response type, where FastEndpoints would say "204 No Content".</summary>
/// <remarks>
/// FastEndpoints reads an untyped endpoint as one that answers nothing, but Lineage's untyped endpoints (DataHub's wire
/// formats, written by hand) answer JSON. An endpoint with a response type, or any answer of its own, is left as it is.
/// </remarks>
internal sealed class UndescribedAnswers : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var responses = context.OperationDescription.Operation.Responses;
        if (context.GetEndpointDefinition()?.ResDtoType != typeof(object)
            || context.OperationDescription.Method.Equals("head", StringComparison.OrdinalIgnoreCase)
            || responses.Keys.Where(code => code.StartsWith('2')).ToList() is not ["204"]) return true;

        // Error answers (401, 403, 400) FastEndpoints adds beside it stay.
        responses.Remove("204");
        responses["200"] = new OpenApiResponse
        {
            Description = "OK: a JSON answer, whose shape this document does not describe yet.",
            Content = { ["application/json"] = new OpenApiMediaType { Schema = new JsonSchema() } },
        };
        return true;
    }
}
