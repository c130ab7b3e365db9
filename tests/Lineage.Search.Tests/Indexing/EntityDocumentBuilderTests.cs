using System.Text.Json.Nodes;
using Lineage.Graph.Storage;
using Lineage.Search.Indexing;

namespace Lineage.Search.Tests.Indexing;

/// <summary>What an entity's document holds, read from its latest aspects as DataHub's clients write them.</summary>
public sealed class EntityDocumentBuilderTests
{
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn_key_name,PROD)";

    private static StoredEntity Entity(string urn, bool removed, params (string Aspect, string Json)[] aspects) =>
        new(urn, urn.Split(':')[2], removed, aspects.Select((a, i) => new StoredAspect(urn, a.Aspect, 0, 1,
            JsonNode.Parse(a.Json)!.AsObject(), null, DateTimeOffset.UnixEpoch, "urn:li:corpuser:tests")).ToList());

    private static StoredEntity Entity(string urn, params (string Aspect, string Json)[] aspects) => Entity(urn, false, aspects);

    [Fact]
    public void the_name_comes_from_the_properties_aspect_else_from_the_urn()
    {
        EntityDocumentBuilder.Build(Entity(Model, ("mlModelProperties", """{"name": "Churn Model"}""")), 0).Name.ShouldBe("Churn Model");
        EntityDocumentBuilder.Build(Entity(Model, ("mlModelProperties", """{"description": "d"}""")), 0).Name.ShouldBe("churn_key_name");
        EntityDocumentBuilder.Build(Entity(Model, ("mlModelProperties", """{"name": ""}""")), 0).Name.ShouldBe("churn_key_name");
        EntityDocumentBuilder.Build(Entity(Model), 0).Name.ShouldBe("churn_key_name");
    }

    [Theory]
    [InlineData("urn:li:dataset:(urn:li:dataPlatform:hive,db.orders,PROD)", "datasetProperties", "name", "Orders")]
    [InlineData("urn:li:dataFlow:(airflow,daily_etl,prod)", "dataFlowInfo", "name", "Daily ETL")]
    [InlineData("urn:li:dataJob:(urn:li:dataFlow:(airflow,daily_etl,prod),load)", "dataJobInfo", "name", "Load step")]
    [InlineData("urn:li:corpuser:jdoe", "corpUserInfo", "displayName", "Jane Doe")]
    [InlineData("urn:li:tag:pii", "tagProperties", "name", "Personal data")]
    [InlineData("urn:li:glossaryTerm:abc123", "glossaryTermInfo", "name", "Revenue")]
    [InlineData("urn:li:glossaryNode:def456", "glossaryNodeInfo", "name", "Finance")]
    [InlineData("urn:li:domain:x1y2", "domainProperties", "name", "Marketing")]
    [InlineData("urn:li:container:0ab1", "containerProperties", "name", "warehouse")]
    public void each_entity_type_takes_its_display_name_from_its_properties(string urn, string aspect, string field, string name)
    {
        var document = EntityDocumentBuilder.Build(Entity(urn, (aspect, $$"""{"{{field}}": "{{name}}", "definition": "x"}""")), 0);

        document.Name.ShouldBe(name);
    }

    [Theory]
    [InlineData("urn:li:dataset:(urn:li:dataPlatform:hive,db.orders,PROD)", "db.orders")]
    [InlineData("urn:li:corpuser:jdoe", "jdoe")]
    [InlineData("urn:li:dataJob:(urn:li:dataFlow:(airflow,daily_etl,prod),load)", "load")]
    [InlineData("urn:li:mlFeature:(users,age)", "age")]
    public void without_properties_the_name_is_the_urns_key_name(string urn, string name) =>
        EntityDocumentBuilder.Build(Entity(urn), 0).Name.ShouldBe(name);

    [Fact]
    public void the_edited_description_is_shown_and_both_descriptions_are_searchable()
    {
        var document = EntityDocumentBuilder.Build(Entity(Model,
            ("mlModelProperties", """{"description": "ingested words"}"""),
            ("editableMlModelProperties", """{"description": "edited words"}""")), 0);

        document.Description.ShouldBe("edited words");
        document.AllDescriptions.ShouldBe(["edited words", "ingested words"], ignoreOrder: true);
    }

    [Fact]
    public void without_an_edit_or_with_an_empty_one_the_ingested_description_is_shown()
    {
        EntityDocumentBuilder.Build(Entity(Model, ("mlModelProperties", """{"description": "ingested"}""")), 0)
            .Description.ShouldBe("ingested");
        var blank = EntityDocumentBuilder.Build(Entity(Model,
            ("mlModelProperties", """{"description": "ingested"}"""), ("editableMlModelProperties", """{"description": ""}""")), 0);
        blank.Description.ShouldBe("ingested");
        blank.AllDescriptions.ShouldBe(["ingested"]);
        EntityDocumentBuilder.Build(Entity(Model), 0).Description.ShouldBeNull();
    }

    [Fact]
    public void a_glossary_terms_definition_is_its_description()
    {
        var document = EntityDocumentBuilder.Build(Entity("urn:li:glossaryTerm:abc123",
            ("glossaryTermInfo", """{"name": "Revenue", "definition": "Money earned from sales", "termSource": "INTERNAL"}""")), 0);

        document.Description.ShouldBe("Money earned from sales");
        document.AllDescriptions.ShouldBe(["Money earned from sales"]);
    }

    [Fact]
    public void tags_terms_owners_and_the_domain_are_read_from_their_aspects()
    {
        var document = EntityDocumentBuilder.Build(Entity(Model,
            ("globalTags", """{"tags": [{"tag": "urn:li:tag:pii"}, {"tag": "urn:li:tag:gold"}, {"tag": "urn:li:tag:pii"}]}"""),
            ("glossaryTerms", """{"terms": [{"urn": "urn:li:glossaryTerm:Revenue"}], "auditStamp": {"time": 0, "actor": "urn:li:corpuser:x"}}"""),
            ("ownership", """{"owners": [{"owner": "urn:li:corpuser:jdoe", "type": "TECHNICAL_OWNER"}, {"owner": "urn:li:corpGroup:data", "type": "NONE"}]}"""),
            ("domains", """{"domains": ["urn:li:domain:sales"]}""")), 0);

        document.Tags.ShouldBe(["urn:li:tag:pii", "urn:li:tag:gold"]);
        document.Terms.ShouldBe(["urn:li:glossaryTerm:Revenue"]);
        document.Owners.ShouldBe(["urn:li:corpuser:jdoe", "urn:li:corpGroup:data"]);
        document.Domain.ShouldBe("urn:li:domain:sales");
    }

    [Fact]
    public void an_entity_without_those_aspects_has_none_of_them()
    {
        var document = EntityDocumentBuilder.Build(Entity(Model, ("mlModelProperties", """{"name": "m"}""")), 3);

        document.Tags.ShouldBeEmpty();
        document.Terms.ShouldBeEmpty();
        document.Owners.ShouldBeEmpty();
        document.Domain.ShouldBeNull();
        document.CustomProperties.ShouldBeEmpty();
        document.Deprecated.ShouldBeFalse();
        document.Removed.ShouldBeFalse();
        document.Connectivity.ShouldBe(3);
    }

    [Fact]
    public void custom_properties_of_every_aspect_become_key_equals_value()
    {
        var document = EntityDocumentBuilder.Build(Entity(Model,
            ("mlModelProperties", """{"customProperties": {"team": "growth", "stage": "beta"}}"""),
            ("glossaryTerms", """{"terms": [], "customProperties": {"team": "growth"}}""")), 0);

        document.CustomProperties.ShouldBe(["team=growth", "stage=beta"], ignoreOrder: true);
    }

    [Fact]
    public void deprecation_and_soft_deletion_are_flags()
    {
        var deprecated = EntityDocumentBuilder.Build(Entity(Model,
            ("deprecation", """{"deprecated": true, "note": "use v3", "actor": "urn:li:corpuser:x"}""")), 0);
        var undeprecated = EntityDocumentBuilder.Build(Entity(Model,
            ("deprecation", """{"deprecated": false, "note": "", "actor": "urn:li:corpuser:x"}""")), 0);
        var removed = EntityDocumentBuilder.Build(Entity(Model, true, ("status", """{"removed": true}""")), 0);

        deprecated.Deprecated.ShouldBeTrue();
        undeprecated.Deprecated.ShouldBeFalse();
        removed.Removed.ShouldBeTrue();
    }

    [Fact]
    public void platform_and_origin_come_from_the_urn_else_from_the_platform_instance()
    {
        var model = EntityDocumentBuilder.Build(Entity(Model), 0);
        model.Urn.ShouldBe(Model);
        model.EntityType.ShouldBe("mlModel");
        model.Platform.ShouldBe("urn:li:dataPlatform:mlflow");
        model.Origin.ShouldBe("PROD");

        var flow = EntityDocumentBuilder.Build(Entity("urn:li:dataFlow:(airflow,daily_etl,prod)",
            ("dataPlatformInstance", """{"platform": "urn:li:dataPlatform:airflow"}""")), 0);
        flow.Platform.ShouldBe("urn:li:dataPlatform:airflow");
        flow.Origin.ShouldBeNull();

        EntityDocumentBuilder.Build(Entity("urn:li:corpuser:jdoe"), 0).Platform.ShouldBeNull();
    }
}
