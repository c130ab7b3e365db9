using System.Text.Json;
using Lineage.Graph.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Lineage.Api.Errors;

/// <summary>The one place exceptions become status codes and JSON error bodies; stack traces never leave the process.</summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    /// <summary>How error bodies are written: camelCase, nulls left out, text unescaped.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        // A caller's own request id (plain, short) is kept, so its logs and ours can be joined.
        if (context.Request.Headers["X-Request-Id"].ToString() is { Length: > 0 and <= 64 } given && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            context.TraceIdentifier = given;
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (error, retryAfter) = Map(e);
            // An index behind a reader's sequence is the answer the reader asked for, not a fault of the service.
            if (error.Status >= 500 && e is not Consistency.IndexBehindException)
                logger.LogError(e, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            context.Response.StatusCode = error.Status;
            if (retryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
            if (error.Status == 401) context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsJsonAsync(Body(context, error), Json);
        }
    }

    /// <summary>The error as sent: with the request id that the server's log lines for this request carry.</summary>
    public static ApiError Body(HttpContext context, ApiError error) => error with { RequestId = context.TraceIdentifier };

    private static (ApiError Error, int? RetryAfter) Map(Exception e) => e switch
    {
        Auth.AuthException a => (new ApiError(a.Status, a.Message), null),
        ValidationException v => (new ApiError(400, v.Message, v.Path, v.Reason), null),
        NotFoundException n => (new ApiError(404, n.Message), null),
        ConflictException c => (new ApiError(c.PreconditionFailed ? 412 : 409, c.Message, c.Path, c.Reason), null),
        QueryTimeoutException t => (new ApiError(504, t.Message), null),
        StoreUnavailableException s => (new ApiError(503, s.Message), s.IsRetriable ? 1 : 5),
        Consistency.IndexBehindException i => (new ApiError(503, i.Message, Consistency.SequenceHeaders.MinSequence), 1),
        BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (new ApiError(413, b.Message.StartsWith("the request body", StringComparison.Ordinal) ? b.Message : "the request body is larger than the server accepts", "body"), null),
        BadHttpRequestException b => (new ApiError(b.StatusCode, b.Message), null),
        JsonException j => (new ApiError(400, $"the request body is not valid JSON: {j.Message}"), null),
        _ => (new ApiError(500, "internal error; the server log has the details"), null),
    };
}

/// <summary>Registers <see cref="ErrorMiddleware"/>.</summary>
internal static class ErrorMiddlewareExtensions
{
    public static IApplicationBuilder UseLineageErrors(this IApplicationBuilder app) => app.UseMiddleware<ErrorMiddleware>();
}
