using System.Collections.Frozen;
using System.Text;

namespace Lineage.Api.GraphQL;

/// <summary>How each of Lineage's entity types is named in DataHub's GraphQL: its object type and its EntityType value.</summary>
internal static class EntityTypes
{
    /// <summary>One entity type: Lineage's name (the URN's), the GraphQL object type, the EntityType enum value.</summary>
    public sealed record Names(string EntityType, string GraphType, string Enum);

    /// <summary>
    /// Every entity type GraphQL can show. The ML entities and what they point at are described in schema.graphql;
    /// the others get a minimal type (urn, type, relationships) so relationships and search results can name them.
    /// mlModelDeployment and telemetry have no DataHub GraphQL type: a relationship to one shows <c>entity: null</c>.
    /// </summary>
    public static IReadOnlyList<Names> All { get; } =
    [
        new("mlFeature", "MLFeature", "MLFEATURE"),
        new("mlFeatureTable", "MLFeatureTable", "MLFEATURE_TABLE"),
        new("mlModel", "MLModel", "MLMODEL"),
        new("mlModelGroup", "MLModelGroup", "MLMODEL_GROUP"),
        new("mlPrimaryKey", "MLPrimaryKey", "MLPRIMARY_KEY"),
        new("dataset", "Dataset", "DATASET"),
        new("dataFlow", "DataFlow", "DATA_FLOW"),
        new("dataJob", "DataJob", "DATA_JOB"),
        new("dataProcessInstance", "DataProcessInstance", "DATA_PROCESS_INSTANCE"),
        new("dataPlatform", "DataPlatform", "DATA_PLATFORM"),
        new("dataPlatformInstance", "DataPlatformInstance", "DATA_PLATFORM_INSTANCE"),
        new("corpuser", "CorpUser", "CORP_USER"),
        new("corpGroup", "CorpGroup", "CORP_GROUP"),
        new("tag", "Tag", "TAG"),
        new("glossaryTerm", "GlossaryTerm", "GLOSSARY_TERM"),
        new("glossaryNode", "GlossaryNode", "GLOSSARY_NODE"),
        new("domain", "Domain", "DOMAIN"),
        new("container", "Container", "CONTAINER"),
        new("application", "Application", "APPLICATION"),
        new("test", "Test", "TEST"),
        new("form", "Form", "FORM"),
        new("structuredProperty", "StructuredPropertyEntity", "STRUCTURED_PROPERTY"),
        new("ownershipType", "OwnershipTypeEntity", "CUSTOM_OWNERSHIP_TYPE"),
        new("dataProduct", "DataProduct", "DATA_PRODUCT"),
        new("versionSet", "VersionSet", "VERSION_SET"),
        // MLflow's run users; a minimal type, so a run's relationship to one resolves.
        new("platformResource", "PlatformResource", "PLATFORM_RESOURCE"),
        new("schemaField", "SchemaFieldEntity", "SCHEMA_FIELD"),
        new("chart", "Chart", "CHART"),
        new("dashboard", "Dashboard", "DASHBOARD"),
    ];

    private static readonly FrozenDictionary<string, Names> ByEntityType = All.ToFrozenDictionary(n => n.EntityType, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Names> ByEnum = All.ToFrozenDictionary(n => n.Enum, StringComparer.Ordinal);

    /// <summary>The names of an entity type, or null when GraphQL has no type for it.</summary>
    public static Names? Of(string entityType) => ByEntityType.GetValueOrDefault(entityType);

    /// <summary>
    /// Lineage's entity type for an EntityType value (<c>MLMODEL</c>) or, as filters and facets spell it, an entity
    /// type name in any case (<c>mlModel</c>, <c>MLMODEL</c>); null when neither.
    /// </summary>
    public static string? EntityTypeOf(string value) =>
        ByEnum.TryGetValue(value, out var names) ? names.EntityType
        : All.FirstOrDefault(n => string.Equals(n.EntityType, value, StringComparison.OrdinalIgnoreCase))?.EntityType;

    /// <summary>SDL for the types schema.graphql does not describe: <c>type X implements Entity { urn type relationships }</c>.</summary>
    public static string MinimalTypes(IReadOnlySet<string> described)
    {
        var sdl = new StringBuilder();
        foreach (var names in All.Where(n => !described.Contains(n.GraphType)))
        {
            sdl.Append("type ").Append(names.GraphType).AppendLine(" implements Entity {")
                .AppendLine("  urn: String!")
                .AppendLine("  type: EntityType!")
                .AppendLine("  relationships(input: RelationshipsInput!): EntityRelationshipsResult")
                .AppendLine("}");
        }
        return sdl.ToString();
    }
}
