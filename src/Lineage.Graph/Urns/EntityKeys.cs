using System.Collections.Frozen;

namespace Lineage.Graph.Urns;

/// <summary>The key layout of every entity type Lineage knows, as DataHub's key aspects define it.</summary>
public static class EntityKeys
{
    // Where most key classes live in DataHub's models; the rest are spelled out in full below.
    private const string K = "com.linkedin.metadata.key.";

    private static readonly KeyPart Platform = new("platform", KeyPartKind.Urn, "dataPlatform");
    private static readonly KeyPart Name = new("name");
    private static readonly KeyPart Id = new("id");
    private static readonly KeyPart Origin = new("origin", KeyPartKind.Fabric);
    private static readonly KeyPart FeatureNamespace = new("featureNamespace");

    /// <summary>Every known entity type's key spec.</summary>
    public static IReadOnlyList<EntityKeySpec> All { get; } =
    [
        Spec("mlFeature", "mlFeatureKey", K + "MLFeatureKey", "name", FeatureNamespace, Name),
        Spec("mlFeatureTable", "mlFeatureTableKey", K + "MLFeatureTableKey", "name", Platform, Name),
        Spec("mlModel", "mlModelKey", K + "MLModelKey", "name", Platform, Name, Origin),
        Spec("mlModelGroup", "mlModelGroupKey", K + "MLModelGroupKey", "name", Platform, Name, Origin),
        Spec("mlPrimaryKey", "mlPrimaryKeyKey", K + "MLPrimaryKeyKey", "name", FeatureNamespace, Name),
        Spec("mlModelDeployment", "mlModelDeploymentKey", K + "MLModelDeploymentKey", "name", Platform, Name, Origin),
        Spec("dataset", "datasetKey", K + "DatasetKey", "name", Platform, Name, Origin),
        Spec("dataFlow", "dataFlowKey", K + "DataFlowKey", "flowId", new KeyPart("orchestrator"), new KeyPart("flowId"), new KeyPart("cluster")),
        Spec("dataJob", "dataJobKey", K + "DataJobKey", "jobId", new KeyPart("flow", KeyPartKind.Urn, "dataFlow"), new KeyPart("jobId")),
        Spec("dataProcessInstance", "dataProcessInstanceKey", K + "DataProcessInstanceKey", "id", Id),
        Spec("dataPlatform", "dataPlatformKey", K + "DataPlatformKey", "platformName", new KeyPart("platformName")),
        Spec("dataPlatformInstance", "dataPlatformInstanceKey", K + "DataPlatformInstanceKey", "instance", Platform, new KeyPart("instance")),
        Spec("corpuser", "corpUserKey", K + "CorpUserKey", "username", new KeyPart("username")),
        Spec("corpGroup", "corpGroupKey", K + "CorpGroupKey", "name", Name),
        Spec("tag", "tagKey", K + "TagKey", "name", Name),
        Spec("glossaryTerm", "glossaryTermKey", K + "GlossaryTermKey", "name", Name),
        Spec("glossaryNode", "glossaryNodeKey", K + "GlossaryNodeKey", "name", Name),
        Spec("domain", "domainKey", K + "DomainKey", "id", Id),
        Spec("container", "containerKey", K + "ContainerKey", "guid", new KeyPart("guid")),
        Spec("application", "applicationKey", "com.linkedin.application.ApplicationKey", "id", Id),
        Spec("test", "testKey", K + "TestKey", "id", Id),
        Spec("form", "formKey", K + "FormKey", "id", Id),
        Spec("structuredProperty", "structuredPropertyKey", "com.linkedin.structured.StructuredPropertyKey", "id", Id),
        Spec("ownershipType", "ownershipTypeKey", K + "OwnershipTypeKey", "id", Id),
        Spec("dataProduct", "dataProductKey", "com.linkedin.dataproduct.DataProductKey", "id", Id),
        Spec("versionSet", "versionSetKey", K + "VersionSetKey", "id", Id, new KeyPart("entityType")),
        Spec("platformResource", "platformResourceKey", "com.linkedin.platformresource.PlatformResourceKey", "id", Id),
        Spec("schemaField", "schemaFieldKey", K + "SchemaFieldKey", "fieldPath", new KeyPart("parent", KeyPartKind.Urn), new KeyPart("fieldPath")),
        Spec("chart", "chartKey", K + "ChartKey", "chartId", new KeyPart("dashboardTool"), new KeyPart("chartId")),
        Spec("dashboard", "dashboardKey", K + "DashboardKey", "dashboardId", new KeyPart("dashboardTool"), new KeyPart("dashboardId")),
        Spec("telemetry", "telemetryKey", K + "TelemetryKey", "name", Name),
    ];

    private static readonly FrozenDictionary<string, EntityKeySpec> ByType =
        All.ToFrozenDictionary(s => s.EntityType, StringComparer.Ordinal);

    /// <summary>The spec of an entity type (case-sensitive), or null when the type is unknown.</summary>
    public static EntityKeySpec? Find(string entityType) => ByType.GetValueOrDefault(entityType);

    /// <summary>The known entity type an unknown one was most likely meant to be, for error messages.</summary>
    internal static string? Suggest(string entityType)
    {
        var folded = All.FirstOrDefault(s => string.Equals(s.EntityType, entityType, StringComparison.OrdinalIgnoreCase));
        if (folded is not null)
        {
            return folded.EntityType;
        }

        // One edit (two for long names) catches the usual typo, a swapped or dropped letter, without
        // offering "tag" for "da".
        var allowed = entityType.Length >= 8 ? 2 : 1;
        return All
            .Select(s => (s.EntityType, Distance: EditDistance(s.EntityType, entityType)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .Select(c => c.EntityType)
            .FirstOrDefault();
    }

    private static EntityKeySpec Spec(
        string entityType, string keyAspectName, string keyAspectClass, string nameField, params KeyPart[] parts) =>
        new(entityType, keyAspectName, keyAspectClass, parts, nameField);

    // Optimal string alignment distance: Levenshtein plus adjacent transpositions, the commonest typo.
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
