using System.Text.Json.Nodes;
using GraphQL.Resolvers;
using static Lineage.Api.GraphQL.Resolve;

namespace Lineage.Api.GraphQL;

internal static partial class LineageSchema
{
    /// <summary>What the ownership aspect's PDL default says when it has no lastModified (DataHub shows the same).</summary>
    private static readonly JsonObject UnknownStamp = new() { ["time"] = 0L, ["actor"] = "urn:li:corpuser:unknown" };

    /// <summary>
    /// <c>customProperties</c> of any type: the aspect's map as DataHub's entries. The PDL default is an empty map, so
    /// an aspect without one shows <c>[]</c>.
    /// </summary>
    private static IFieldResolver CustomProperties { get; } = FromJson(json =>
        (json.Json["customProperties"] as JsonObject ?? []).Select(p => (object)new JsonSource(new JsonObject
        {
            ["key"] = p.Key,
            ["value"] = p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString(),
            ["associatedUrn"] = json.Urn,
        }, json.Urn)).ToList());

    /// <summary>Members of aspects that GraphQL shows otherwise than as stored: URNs become entities, defaults are filled in.</summary>
    private static void AddValueFields(Dictionary<string, IFieldResolver> resolvers)
    {
        // ML properties.
        resolvers["MLFeatureProperties.sources"] = FromJson(json => Entities(json, "sources"));
        resolvers["MLPrimaryKeyProperties.sources"] = FromJson(json => Entities(json, "sources"));
        resolvers["MLFeatureTableProperties.mlFeatures"] = FromJson(json => Entities(json, "mlFeatures"));
        resolvers["MLFeatureTableProperties.mlPrimaryKeys"] = FromJson(json => Entities(json, "mlPrimaryKeys"));
        resolvers["MLModelProperties.version"] = FromJson(json => json.Object("version")?.String("versionTag"));
        // DataHub answers [] for a model without groups or tags (PDL defaults), null for one without mlFeatures.
        resolvers["MLModelProperties.groups"] = FromJson(json => Nodes(json.Strings("groups")));
        resolvers["MLModelProperties.tags"] = FromJson(json => json.Strings("tags") ?? []);
        resolvers["MLModelProperties.mlModelLineageInfo"] = FromJson(json => json);
        resolvers["MLModelGroupProperties.mlModelLineageInfo"] = FromJson(json => json);
        resolvers["VersionProperties.versionSet"] = FromJson(json => EntityNode.From(json.String("versionSet")));
        resolvers["VersionProperties.aliases"] = FromJson(json => JsonFieldResolver.Convert(json.Json["aliases"], json.Urn) ?? new List<object?>());

        // Properties of what the ML entities point at: required names fall back to the URN's.
        resolvers["DatasetProperties.name"] = FromJson(json => json.String("name") ?? KeyName(json));
        resolvers["DataFlowProperties.name"] = FromJson(json => json.String("name") ?? KeyName(json));
        resolvers["DataJobProperties.name"] = FromJson(json => json.String("name") ?? KeyName(json));
        resolvers["ContainerProperties.name"] = FromJson(json => json.String("name") ?? KeyName(json));
        resolvers["DomainProperties.name"] = FromJson(json => json.String("name") ?? KeyName(json));
        resolvers["TagProperties.name"] = FromJson(json => json.String("name") ?? KeyName(json));
        resolvers["GlossaryTermProperties.name"] = FromJson(json => json.String("name") ?? KeyName(json));
        resolvers["GlossaryTermProperties.description"] = FromJson(json => json.String("definition"));
        resolvers["DataJobInputOutput.inputDatasets"] = FromJson(json => Entities(json, "inputDatasets"));
        resolvers["DataJobInputOutput.outputDatasets"] = FromJson(json => Entities(json, "outputDatasets"));
        resolvers["DataJobInputOutput.inputDatajobs"] = FromJson(json => Entities(json, "inputDatajobs"));

        // Common aspects.
        resolvers["Ownership.lastModified"] = FromJson(json => json.Object("lastModified") ?? new JsonSource(UnknownStamp, json.Urn));
        resolvers["Owner.owner"] = FromJson(json => EntityNode.From(json.String("owner")));
        resolvers["Owner.ownershipType"] = FromJson(json => EntityNode.From(json.String("typeUrn")));
        resolvers["Owner.associatedUrn"] = FromJson(json => json.Urn);
        resolvers["TagAssociation.tag"] = FromJson(json => EntityNode.From(json.String("tag")));
        resolvers["TagAssociation.associatedUrn"] = FromJson(json => json.Urn);
        resolvers["GlossaryTermAssociation.term"] = FromJson(json => EntityNode.From(json.String("urn")));
        resolvers["GlossaryTermAssociation.actor"] = FromJson(json => EntityNode.From(json.String("actor")));
        resolvers["GlossaryTermAssociation.associatedUrn"] = FromJson(json => json.Urn);
        resolvers["DomainAssociation.domain"] = FromJson(json => EntityNode.From(json.Strings("domains")?.FirstOrDefault()));
        resolvers["DomainAssociation.associatedUrn"] = FromJson(json => json.Urn);
        resolvers["Deprecation.actorEntity"] = FromJson(json => EntityNode.From(json.String("actor")));
        resolvers["Deprecation.replacement"] = FromJson(json => EntityNode.From(json.String("replacement")));
        // DataHub's label is the link's description, its author the creator.
        resolvers["InstitutionalMemoryMetadata.label"] = FromJson(json => json.String("description") ?? json.String("url"));
        resolvers["InstitutionalMemoryMetadata.description"] = FromJson(json => json.String("description") ?? "");
        resolvers["InstitutionalMemoryMetadata.author"] = FromJson(json =>
            EntityNode.From(json.Object("createStamp")?.String("actor")) ?? EntityNode.From("urn:li:corpuser:unknown"));
        resolvers["InstitutionalMemoryMetadata.created"] = FromJson(json => json.Object("createStamp") ?? new JsonSource(UnknownStamp, json.Urn));
        resolvers["InstitutionalMemoryMetadata.associatedUrn"] = FromJson(json => json.Urn);
    }

    /// <summary>The entities a list of URNs names, or null when the list is absent.</summary>
    private static List<EntityNode>? Entities(JsonSource json, string member) => json.Strings(member) is { } urns ? Nodes(urns) : null;

    private static string? KeyName(JsonSource json) => EntityNode.From(json.Urn)?.Urn.Name;
}
