using System.Text.Json;
using FastEndpoints;
using FluentValidation.Results;
using Lineage.Api.Auth;
using Lineage.Api.Errors;
using Lineage.Graph.Errors;

namespace Lineage.Api.Wire;

/// <summary>
/// What every endpoint shares: how answers are written, how a request that does not bind or validate is answered (the
/// same JSON error as any other 400), the check of undeclared query parameters, and that each endpoint declares who
/// may call it.
/// </summary>
internal static class EndpointConventions
{
    public static IApplicationBuilder UseLineageEndpoints(this IApplicationBuilder app) => app.UseFastEndpoints(Configure)
        // A path no endpoint serves answers with the same JSON error as any other 404 (routing chose no endpoint; the
        // endpoints themselves run after this, at the end of the pipeline).
        .Use((HttpContext context, RequestDelegate next) => context.GetEndpoint() is null
            ? throw new NotFoundException($"no endpoint serves {context.Request.Method} {context.Request.Path}")
            : next(context));

    private static void Configure(FastEndpoints.Config c)
    {
        c.Serializer.Options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Enums in answers read as the query parameters spell them ("direction": "upstream"), not as numbers.
        c.Serializer.Options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        // Aspect values carry user text; keep it readable rather than \u-escaped.
        c.Serializer.Options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

        // A list parameter is Rest.li's: repeated, comma-separated, or List(a,b), as DataHub's endpoints take it.
        c.Binding.ValueParserFor<string[]>(values => new ParseResult(true, RestLi.Expand(values).ToArray()));
        c.Binding.FailureMessage = (type, _, value) => $"'{value}' is not {Expected(type)}";
        c.Binding.JsonExceptionTransformer = e => new ValidationFailure(
            e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body",
            e.Path is { Length: > 2 } ? "has the wrong type" : $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        c.Errors.ContentType = "application/json";
        c.Errors.ResponseBuilder = (failures, context, status) =>
        {
            // One failure at a time, as every other 400 names one field.
            var first = failures[0];
            var path = JsonNamingPolicy.CamelCase.ConvertName(first.PropertyName);
            return ErrorMiddleware.Body(context, new ApiError(status, $"{path}: {first.ErrorMessage}", path, first.ErrorMessage));
        };

        c.Endpoints.Configurator = endpoint =>
        {
            if (endpoint.ReqDtoType.IsAssignableTo(typeof(IStrictQuery)))
            {
                endpoint.RequestBinder(typeof(QueryBinder<>));
                endpoint.PreProcessors(Order.Before, new StrictQuery());
            }
            if (endpoint.ReqDtoType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWireRequest<>)))
            {
                // Read by the type itself from DataHub's wire shape: no JSON schema of the record describes that body.
                endpoint.Description(b => b.ClearDefaultAccepts());
            }
            DeclaredAccess.Require(endpoint);
        };
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "an integer",
        var t when t == typeof(bool) => "true or false",
        var t => $"a {t.Name}",
    };
}
