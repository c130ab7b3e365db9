using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FastEndpoints;
using Lineage.Graph.Errors;

namespace Lineage.Api.Wire;

/// <summary>
/// Refuses the query parameters an <see cref="IStrictQuery"/> request does not declare, and holds the messages its
/// validators share so that every endpoint words the same failure the same way.
/// </summary>
internal sealed class StrictQuery : IGlobalPreProcessor
{
    public const string Missing = "required query parameter is missing";

    private static readonly ConcurrentDictionary<Type, string[]> Declared = new();

    public static string OutOfRange(long value, long min, long max) => $"{value} is out of range: it must be from {min} to {max}";

    public Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        if (context.Request is not IStrictQuery request) return Task.CompletedTask;
        var declared = Declared.GetOrAdd(request.GetType(), type => [.. type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))]);
        foreach (var name in context.HttpContext.Request.Query.Keys)
        {
            // Binding matches names regardless of case, so the check does too.
            if (!declared.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new ValidationException(name, $"is not a parameter of {context.HttpContext.Request.Path}; it takes {string.Join(", ", declared)}");
        }
        return Task.CompletedTask;
    }
}
