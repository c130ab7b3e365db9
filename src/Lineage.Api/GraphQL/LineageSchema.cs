using System.Text.RegularExpressions;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Lineage.Api.GraphQL;

/// <summary>
/// Builds the schema once: DataHub's SDL from schema.graphql plus minimal types for the other entity types, then a
/// resolver for every field — by type and field (<c>MLModelProperties.groups</c>), by field for every entity type
/// (<c>ownership</c>), or <see cref="JsonFieldResolver"/> for the members of aspects read as they are.
/// </summary>
internal static partial class LineageSchema
{
    public static ISchema Build()
    {
        var sdl = ReadSdl();
        var described = DescribedEntity().Matches(sdl).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        sdl += EntityTypes.MinimalTypes(described);

        var schema = Schema.For(sdl, builder =>
        {
            foreach (var names in EntityTypes.All)
                builder.Types.For(names.GraphType).IsTypeOfFunc = value => value is EntityNode node && node.Names.GraphType == names.GraphType;
        });
        schema.Initialize();

        var byTypeAndField = new Dictionary<string, IFieldResolver>(StringComparer.Ordinal);
        AddQueries(byTypeAndField);
        AddEntityFields(byTypeAndField);
        AddValueFields(byTypeAndField);
        AddSearch(byTypeAndField);
        AddLineageSearch(byTypeAndField);
        var entityTypes = EntityTypes.All.Select(n => n.GraphType).ToHashSet(StringComparer.Ordinal);
        var everyEntity = EveryEntityFields();

        foreach (var type in schema.AllTypes.OfType<IObjectGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            foreach (var field in type.Fields)
            {
                field.Resolver =
                    byTypeAndField.GetValueOrDefault($"{type.Name}.{field.Name}")
                    ?? (entityTypes.Contains(type.Name) ? everyEntity.GetValueOrDefault(field.Name) : null)
                    ?? (field.Name == "customProperties" ? CustomProperties : null)
                    ?? JsonFieldResolver.Instance;
            }
        }
        return schema;
    }

    /// <summary>The fields of entity types that fall back to reading JSON, which an entity node has none of: a test keeps this empty.</summary>
    public static IEnumerable<string> EntityFieldsWithoutResolver(ISchema schema)
    {
        var entityTypes = EntityTypes.All.Select(n => n.GraphType).ToHashSet(StringComparer.Ordinal);
        return schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => entityTypes.Contains(t.Name))
            .SelectMany(t => t.Fields.Where(f => f.Resolver is JsonFieldResolver).Select(f => $"{t.Name}.{f.Name}"));
    }

    private static string ReadSdl()
    {
        using var stream = typeof(LineageSchema).Assembly.GetManifestResourceStream("Lineage.Api.GraphQL.schema.graphql")
            ?? throw new InvalidOperationException("the embedded resource Lineage.Api.GraphQL.schema.graphql is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^type (\w+) implements Entity\b", RegexOptions.Multiline)]
    private static partial Regex DescribedEntity();
}
