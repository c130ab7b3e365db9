using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Resolvers;

namespace Lineage.Api.GraphQL;

/// <summary>
/// The resolver of every field without one of its own: on a <see cref="JsonSource"/> it reads the aspect member of
/// the field's name (so <c>properties { description dataType }</c> needs no code), elsewhere the property of that name.
/// </summary>
internal sealed class JsonFieldResolver : IFieldResolver
{
    public static JsonFieldResolver Instance { get; } = new();

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => context.Source is JsonSource source
        ? ValueTask.FromResult(Convert(source.Json[context.FieldDefinition.Name], source.Urn))
        : NameFieldResolver.Instance.ResolveAsync(context);

    /// <summary>A JSON value as GraphQL's scalars and sources want it: objects keep the entity's URN.</summary>
    public static object? Convert(JsonNode? node, string urn) => node switch
    {
        null => null,
        JsonObject o => new JsonSource(o, urn),
        JsonArray a => a.Select(item => Convert(item, urn)).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            // Boxed separately: a conditional of long and double would make every number a double.
            JsonValueKind.Number => v.TryGetValue<long>(out var whole) ? (object)whole : v.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };
}
