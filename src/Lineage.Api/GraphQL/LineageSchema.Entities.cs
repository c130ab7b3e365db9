using GraphQL;
using GraphQL.Resolvers;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;
using static Lineage.Api.GraphQL.Resolve;

namespace Lineage.Api.GraphQL;

internal static partial class LineageSchema
{
    /// <summary>Each entity type's properties aspect, and its editable one (mirrored as <c>properties</c> / <c>editableProperties</c>).</summary>
    private static readonly (string GraphType, string Properties, string? Editable)[] PropertiesAspects =
    [
        ("MLFeature", "mlFeatureProperties", "editableMlFeatureProperties"),
        ("MLPrimaryKey", "mlPrimaryKeyProperties", "editableMlPrimaryKeyProperties"),
        ("MLFeatureTable", "mlFeatureTableProperties", "editableMlFeatureTableProperties"),
        ("MLModel", "mlModelProperties", "editableMlModelProperties"),
        ("MLModelGroup", "mlModelGroupProperties", "editableMlModelGroupProperties"),
        ("Dataset", "datasetProperties", "editableDatasetProperties"),
        ("DataFlow", "dataFlowInfo", null),
        ("DataJob", "dataJobInfo", null),
        ("DataPlatform", "dataPlatformInfo", null),
        ("CorpUser", "corpUserInfo", null),
        ("CorpGroup", "corpGroupInfo", null),
        ("Tag", "tagProperties", null),
        ("GlossaryTerm", "glossaryTermInfo", null),
        ("Domain", "domainProperties", null),
        ("Container", "containerProperties", null),
    ];

    /// <summary>Root queries: one entity by URN (null when it has no aspects, or is of another type), several, or whether one exists.</summary>
    private static void AddQueries(Dictionary<string, IFieldResolver> resolvers)
    {
        foreach (var (field, entityType) in new[]
                 {
                     ("mlFeature", "mlFeature"), ("mlFeatureTable", "mlFeatureTable"), ("mlModel", "mlModel"),
                     ("mlModelGroup", "mlModelGroup"), ("mlPrimaryKey", "mlPrimaryKey"), ("dataset", "dataset"),
                     ("dataFlow", "dataFlow"), ("dataJob", "dataJob"), ("dataProcessInstance", "dataProcessInstance"),
                     ("dataPlatform", "dataPlatform"), ("corpUser", "corpuser"), ("corpGroup", "corpGroup"), ("tag", "tag"),
                     ("glossaryTerm", "glossaryTerm"), ("domain", "domain"), ("container", "container"),
                 })
        {
            resolvers[$"Query.{field}"] = With(context => Existing(context, context.GetArgument<string>("urn"), entityType));
        }
        resolvers["Query.entity"] = With(context => Existing(context, context.GetArgument<string>("urn"), null));
        resolvers["Query.entities"] = With(context => context.GetArgument<List<string>>("urns")
            .Select(urn => Existing(context, urn, null)).ToList());
        resolvers["Query.entityExists"] = With(context =>
            Context(context).Loader.Load(Urn.Parse(context.GetArgument<string>("urn"), "urn").ToString()).Then(entity => entity is not null));
    }

    private static object? Existing(IResolveFieldContext context, string text, string? entityType)
    {
        var urn = Urn.Parse(text, "urn");
        if (entityType is not null && urn.EntityType != entityType) return null;
        if (EntityNode.From(urn.ToString()) is not { } node) return null;
        return Context(context).Loader.Load(node.Urn.ToString()).Then(entity => entity is null ? null : node);
    }

    /// <summary>Fields every entity type answers the same way, when its type has them.</summary>
    private static Dictionary<string, IFieldResolver> EveryEntityFields() => new(StringComparer.Ordinal)
    {
        ["urn"] = FromUrn(node => node.Urn.ToString()),
        ["type"] = FromUrn(node => node.Names.Enum),
        ["exists"] = FromEntity((_, entity) => entity is not null),
        ["relationships"] = Relationships,
        ["platform"] = FromUrn(node => EntityNode.From(node.Urn.Platform?.ToString())),
        ["origin"] = FromUrn(node => node.Urn.Origin),
        ["featureNamespace"] = FromUrn(node => node.Urn.Namespace),
        ["name"] = FromUrn(node => node.Urn.Name ?? node.Urn.ToString()),
        ["ownership"] = FromAspect("ownership"),
        ["tags"] = FromAspect("globalTags"),
        ["globalTags"] = FromAspect("globalTags"),
        ["glossaryTerms"] = FromAspect("glossaryTerms"),
        ["domain"] = FromAspect("domains", (domains, _) => domains.Strings("domains") is [_, ..] ? domains : null),
        ["deprecation"] = FromAspect("deprecation"),
        ["institutionalMemory"] = FromAspect("institutionalMemory"),
        ["status"] = FromAspect("status"),
        ["subTypes"] = FromAspect("subTypes"),
        ["versionProperties"] = FromAspect("versionProperties"),
        // DataHub shows a platform instance only when the aspect names one.
        ["dataPlatformInstance"] = FromAspect("dataPlatformInstance", (aspect, _) =>
            aspect.String("platform") is { } platform && aspect.String("instance") is { } instance
                ? EntityNode.From(UrnBuilders.DataPlatformInstance(platform, instance).ToString())
                : null),
    };

    /// <summary>Fields one entity type answers its own way.</summary>
    private static void AddEntityFields(Dictionary<string, IFieldResolver> resolvers)
    {
        foreach (var (type, properties, editable) in PropertiesAspects)
        {
            resolvers[$"{type}.properties"] = FromAspect(properties);
            if (editable is not null) resolvers[$"{type}.editableProperties"] = FromAspect(editable);
        }
        resolvers["MLFeature.featureProperties"] = FromAspect("mlFeatureProperties");
        resolvers["MLPrimaryKey.primaryKeyProperties"] = FromAspect("mlPrimaryKeyProperties");
        resolvers["MLFeatureTable.featureTableProperties"] = FromAspect("mlFeatureTableProperties");

        // The ML entities' description and data type are their properties aspect's (DataHub's mappers do the same).
        foreach (var (type, properties, _) in PropertiesAspects.Where(p => p.GraphType.StartsWith("ML", StringComparison.Ordinal)))
            resolvers[$"{type}.description"] = FromAspect(properties, (json, _) => json.String("description"));
        resolvers["MLFeature.dataType"] = FromAspect("mlFeatureProperties", (json, _) => json.String("dataType"));
        resolvers["MLPrimaryKey.dataType"] = FromAspect("mlPrimaryKeyProperties", (json, _) => json.String("dataType"));

        resolvers["DataFlow.orchestrator"] = FromUrn(node => node.Urn.Part("orchestrator"));
        resolvers["DataFlow.flowId"] = FromUrn(node => node.Urn.Part("flowId"));
        resolvers["DataFlow.cluster"] = FromUrn(node => node.Urn.Part("cluster"));
        resolvers["DataFlow.platform"] = FromUrn(node => EntityNode.From(UrnBuilders.DataPlatform(node.Urn.Part("orchestrator")!).ToString()));
        resolvers["DataJob.dataFlow"] = FromUrn(node => EntityNode.From(node.Urn.Flow?.ToString()));
        resolvers["DataJob.jobId"] = FromUrn(node => node.Urn.Job);
        resolvers["DataJob.inputOutput"] = FromAspect("dataJobInputOutput");
        resolvers["DataProcessInstance.name"] = FromAspect("dataProcessInstanceProperties", (json, _) => json.String("name"));
        resolvers["DataProcessInstance.created"] = FromAspect("dataProcessInstanceProperties", (json, _) => json.Object("created"));
        resolvers["DataProcessInstance.externalUrl"] = FromAspect("dataProcessInstanceProperties", (json, _) => json.String("externalUrl"));
        resolvers["DataPlatform.displayName"] = FromAspect("dataPlatformInfo", (json, _) => json.String("displayName"));
        resolvers["DataPlatformInstance.instanceId"] = FromUrn(node => node.Urn.Part("instance"));
        resolvers["CorpUser.username"] = FromUrn(node => node.Urn.Name);
        resolvers["Tag.name"] = FromEntity((node, entity) =>
            Aspect(entity, "tagProperties")?.Value["name"]?.GetValue<string>() ?? node.Urn.Name);
        resolvers["Tag.description"] = FromAspect("tagProperties", (json, _) => json.String("description"));
        resolvers["GlossaryTerm.hierarchicalName"] = FromUrn(node => node.Urn.Name);
        resolvers["Domain.id"] = FromUrn(node => node.Urn.Name);
        resolvers["Container.platform"] = FromAspect("dataPlatformInstance", (json, _) => EntityNode.From(json.String("platform")));
        resolvers["Dataset.fineGrainedLineages"] = FromAspect("upstreamLineage", (json, _) => FineGrainedLineages(json));
        resolvers["SchemaFieldEntity.fieldPath"] = FromUrn(node => node.Urn.Part("fieldPath"));
        resolvers["SchemaFieldEntity.parent"] = FromUrn(node => EntityNode.From(node.Urn.Part("parent")));
    }

    /// <summary>
    /// <c>Dataset.fineGrainedLineages</c> as DataHub's FineGrainedLineagesMapper maps it: each column as
    /// <c>{urn: its dataset, path: its field path}</c>, columns only.
    /// </summary>
    private static List<object> FineGrainedLineages(JsonSource upstreamLineage)
    {
        static List<object> Columns(JsonSource entry, string name) => [.. (entry.Strings(name) ?? [])
            .Select(text => Urn.TryParse(text, out var urn, out _) ? urn : null)
            .Where(urn => urn?.EntityType == "schemaField")
            .Select(urn => (object)new { urn = urn!.Part("parent"), path = urn.Part("fieldPath") })];

        return [.. upstreamLineage.Objects("fineGrainedLineages").Select(entry => (object)new
        {
            upstreams = Columns(entry, "upstreams"),
            downstreams = Columns(entry, "downstreams"),
            query = entry.String("query"),
            transformOperation = entry.String("transformOperation"),
        })];
    }

    /// <summary>
    /// <c>relationships(input: {types, direction, start, count, includeSoftDelete})</c>: a page of the edges, as
    /// <c>GET /relationships</c> reads them. One store read per entity asked: the store port pages one entity's edges.
    /// </summary>
    private static IFieldResolver Relationships { get; } = WithAsync(async context =>
    {
        var node = (EntityNode)context.Source!;
        var input = new Input(context.GetArgument<Dictionary<string, object?>>("input"), "relationships.input");
        var services = Context(context);
        var direction = input.Text("direction") ?? "OUTGOING";
        var page = await services.Store.GetRelationshipsAsync(new RelationshipQuery(
            node.Urn.ToString(),
            direction == "INCOMING" ? RelationshipDirection.Incoming : RelationshipDirection.Outgoing,
            input.Texts("types"),
            input.Int("start", 0, 0, int.MaxValue),
            input.Int("count", 100, 0, services.Options.MaxCount),
            input.Bool("includeSoftDelete") ?? false), context.CancellationToken);
        return new
        {
            start = page.Start,
            count = page.Items.Count,
            total = page.Total,
            relationships = page.Items.Select(item => new { type = item.Type, direction, entity = EntityNode.From(item.Urn), created = (object?)null }).ToList(),
        };
    });
}
