using GraphQL.Types;
using Lineage.Api.GraphQL;
using Lineage.Graph.Urns;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>The schema as built: every entity field answered by code of its own, every entity type named.</summary>
public sealed class SchemaTests
{
    private static readonly ISchema Schema = LineageSchema.Build();

    [Fact]
    public void every_field_of_an_entity_type_has_a_resolver_of_its_own()
    {
        // An entity field left to the JSON fallback would answer null for ever, silently.
        LineageSchema.EntityFieldsWithoutResolver(Schema).ShouldBeEmpty();
    }

    [Fact]
    public void every_entity_type_but_deployments_and_telemetry_has_a_graphql_type_that_implements_entity()
    {
        var entity = Schema.AllTypes["Entity"].ShouldBeAssignableTo<IInterfaceGraphType>()!;
        var missing = EntityKeys.All.Select(k => k.EntityType).Where(t => EntityTypes.Of(t) is null).ToList();

        missing.ShouldBe(["mlModelDeployment", "telemetry"], ignoreOrder: true);
        foreach (var names in EntityTypes.All)
            entity.PossibleTypes.Select(t => t.Name).ShouldContain(names.GraphType);
    }

    [Fact]
    public void the_ml_types_keep_datahubs_names_and_nullability()
    {
        string Field(string type, string field) => ((IObjectGraphType)Schema.AllTypes[type]!).GetField(field)!.ResolvedType!.ToString()!;

        Field("MLModel", "name").ShouldBe("String!");
        Field("MLModel", "platform").ShouldBe("DataPlatform!");
        Field("MLModel", "origin").ShouldBe("FabricType!");
        Field("MLModel", "description").ShouldBe("String");
        Field("MLModelProperties", "mlFeatures").ShouldBe("[String!]");
        Field("MLModelProperties", "groups").ShouldBe("[MLModelGroup]");
        Field("MLModelProperties", "version").ShouldBe("String");
        Field("MLFeatureTableProperties", "mlFeatures").ShouldBe("[MLFeature]");
        Field("MLFeature", "featureNamespace").ShouldBe("String!");
        Field("MLFeatureProperties", "version").ShouldBe("VersionTag");
        Field("SearchAcrossLineageResult", "degree").ShouldBe("Int!");
        Field("EntityPath", "path").ShouldBe("[Entity]!");
    }
}
