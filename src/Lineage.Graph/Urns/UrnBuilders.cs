using Lineage.Graph.Errors;

namespace Lineage.Graph.Urns;

/// <summary>
/// Builds URNs from their parts, like DataHub's <c>make_*_urn</c> helpers: text parts are escaped
/// (<c>,</c> <c>(</c> <c>)</c> → <c>%2C</c> <c>%28</c> <c>%29</c>) and the result is validated as <see cref="Urn.Parse"/> does.
/// </summary>
/// <remarks>
/// Single-part builders accept an URN of their own type and return it as is, as <c>make_user_urn</c> and friends do.
/// Origins are not upper-cased: <c>prod</c> is rejected, as a parsed URN's origin would be.
/// </remarks>
public static class UrnBuilders
{
    /// <summary><c>urn:li:dataPlatform:&lt;name&gt;</c> from a platform name (<c>feast</c>) or its URN.</summary>
    /// <exception cref="ValidationException">The name is not valid, or the URN is not a dataPlatform one.</exception>
    public static Urn DataPlatform(string nameOrUrn)
    {
        ArgumentNullException.ThrowIfNull(nameOrUrn);
        if (!nameOrUrn.StartsWith(Urn.Prefix, StringComparison.Ordinal))
        {
            return Build("dataPlatform", nameOrUrn);
        }

        var urn = Urn.Parse(nameOrUrn, "platform");
        return urn.EntityType == "dataPlatform"
            ? urn
            : throw new ValidationException("platform", $"must be a dataPlatform urn, got {nameOrUrn}");
    }

    /// <summary><c>urn:li:mlFeature:(&lt;featureNamespace&gt;,&lt;name&gt;)</c>.</summary>
    public static Urn MlFeature(string featureNamespace, string name) => Build("mlFeature", featureNamespace, name);

    /// <summary><c>urn:li:mlFeatureTable:(&lt;platform urn&gt;,&lt;name&gt;)</c>; the platform is a name or a URN.</summary>
    public static Urn MlFeatureTable(string platform, string name) =>
        Build("mlFeatureTable", PlatformText(platform), name);

    /// <summary><c>urn:li:mlModel:(&lt;platform urn&gt;,&lt;name&gt;,&lt;origin&gt;)</c>.</summary>
    public static Urn MlModel(string platform, string name, string origin = "PROD") =>
        Build("mlModel", PlatformText(platform), name, origin);

    /// <summary><c>urn:li:mlModelGroup:(&lt;platform urn&gt;,&lt;name&gt;,&lt;origin&gt;)</c>.</summary>
    public static Urn MlModelGroup(string platform, string name, string origin = "PROD") =>
        Build("mlModelGroup", PlatformText(platform), name, origin);

    /// <summary><c>urn:li:mlModelDeployment:(&lt;platform urn&gt;,&lt;name&gt;,&lt;origin&gt;)</c>.</summary>
    public static Urn MlModelDeployment(string platform, string name, string origin = "PROD") =>
        Build("mlModelDeployment", PlatformText(platform), name, origin);

    /// <summary><c>urn:li:mlPrimaryKey:(&lt;featureNamespace&gt;,&lt;name&gt;)</c>.</summary>
    public static Urn MlPrimaryKey(string featureNamespace, string name) => Build("mlPrimaryKey", featureNamespace, name);

    /// <summary><c>urn:li:dataset:(&lt;platform urn&gt;,&lt;name&gt;,&lt;origin&gt;)</c>.</summary>
    public static Urn Dataset(string platform, string name, string origin = "PROD") =>
        Build("dataset", PlatformText(platform), name, origin);

    /// <summary><c>urn:li:dataFlow:(&lt;orchestrator&gt;,&lt;flowId&gt;,&lt;cluster&gt;)</c>; the cluster is free text, not a FabricType.</summary>
    public static Urn DataFlow(string orchestrator, string flowId, string cluster = "PROD") =>
        Build("dataFlow", orchestrator, flowId, cluster);

    /// <summary><c>urn:li:dataJob:(&lt;dataFlow urn&gt;,&lt;jobId&gt;)</c>.</summary>
    /// <exception cref="ValidationException">The flow is not a dataFlow URN, or the job id is not valid.</exception>
    public static Urn DataJob(Urn flow, string jobId)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return flow.EntityType == "dataFlow"
            ? Build("dataJob", flow.ToString(), jobId)
            : throw new ValidationException("flow", $"must be a dataFlow urn, got {flow}");
    }

    /// <summary><c>urn:li:schemaField:(&lt;parent urn&gt;,&lt;fieldPath&gt;)</c>.</summary>
    public static Urn SchemaField(Urn parent, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Build("schemaField", parent.ToString(), fieldPath);
    }

    /// <summary><c>urn:li:dataPlatformInstance:(&lt;platform urn&gt;,&lt;instance&gt;)</c>.</summary>
    public static Urn DataPlatformInstance(string platform, string instance) =>
        Build("dataPlatformInstance", PlatformText(platform), instance);

    /// <summary><c>urn:li:dataProcessInstance:&lt;id&gt;</c>.</summary>
    public static Urn DataProcessInstance(string id) => Single("dataProcessInstance", id);

    /// <summary><c>urn:li:corpuser:&lt;username&gt;</c>.</summary>
    public static Urn CorpUser(string username) => Single("corpuser", username);

    /// <summary><c>urn:li:corpGroup:&lt;name&gt;</c>.</summary>
    public static Urn CorpGroup(string name) => Single("corpGroup", name);

    /// <summary><c>urn:li:tag:&lt;name&gt;</c>.</summary>
    public static Urn Tag(string name) => Single("tag", name);

    /// <summary><c>urn:li:glossaryTerm:&lt;name&gt;</c>.</summary>
    public static Urn GlossaryTerm(string name) => Single("glossaryTerm", name);

    /// <summary><c>urn:li:domain:&lt;id&gt;</c>.</summary>
    public static Urn Domain(string id) => Single("domain", id);

    /// <summary><c>urn:li:container:&lt;guid&gt;</c>.</summary>
    public static Urn Container(string guid) => Single("container", guid);

    private static string PlatformText(string platform) => DataPlatform(platform).ToString();

    private static Urn Single(string entityType, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith($"{Urn.Prefix}{entityType}:", StringComparison.Ordinal)
            ? Urn.Parse(value)
            : Build(entityType, value);
    }

    private static Urn Build(string entityType, params string[] values)
    {
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
        }

        return Urn.FromValues(EntityKeys.Find(entityType)!, values, "urn");
    }
}
