using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>
/// Entity reads through GraphQL: every field family of the ML entities (properties, ownership, tags, terms, domain,
/// deprecation, links, status, relationships), the entities they point at, and nulls where nothing is stored.
/// </summary>
public abstract class EntityQueryTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly GraphQLClient _graphql = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private string Dataset => $"urn:li:dataset:(urn:li:dataPlatform:hive,users_{_run},PROD)";
    private string Feature(string name) => $"urn:li:mlFeature:(users_{_run},{name})";
    private string Key => $"urn:li:mlPrimaryKey:(users_{_run},user_id)";
    private string Table => $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,users_{_run})";
    private string Model => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn_{_run},PROD)";
    private string Group => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,churn-models-{_run},PROD)";
    private string Job => $"urn:li:dataJob:(urn:li:dataFlow:(airflow,train_{_run},PROD),train)";
    private string Owner => $"urn:li:corpuser:alice_{_run}";
    private string Tag => $"urn:li:tag:pii_{_run}";
    private string Term => $"urn:li:glossaryTerm:Churn_{_run}";
    private string Domain => $"urn:li:domain:growth_{_run}";

    private async Task WriteModelAsync()
    {
        await _gms.UpsertAsync(Dataset, "datasetProperties", new JsonObject { ["name"] = "Users", ["description"] = "one row a user" });
        await _gms.UpsertAsync(Feature("age"), "mlFeatureProperties", new JsonObject
        {
            ["description"] = "the user's age", ["dataType"] = "ORDINAL", ["version"] = new JsonObject { ["versionTag"] = "2" },
            ["sources"] = new JsonArray(Dataset),
        });
        await _gms.UpsertAsync(Feature("country"), "mlFeatureProperties", new JsonObject { ["dataType"] = "NOMINAL" });
        await _gms.UpsertAsync(Key, "mlPrimaryKeyProperties", new JsonObject { ["dataType"] = "ORDINAL", ["sources"] = new JsonArray(Dataset) });
        await _gms.UpsertAsync(Table, "mlFeatureTableProperties", new JsonObject
        {
            ["description"] = "user features",
            ["mlFeatures"] = new JsonArray(Feature("age"), Feature("country")),
            ["mlPrimaryKeys"] = new JsonArray(Key),
            ["customProperties"] = new JsonObject { ["team"] = "growth" },
        });
        await _gms.UpsertAsync(Group, "mlModelGroupProperties", new JsonObject { ["name"] = "Churn models", ["description"] = "every churn model" });
        await _gms.UpsertAsync(Job, "dataJobInfo", new JsonObject { ["name"] = "train churn", ["type"] = new JsonObject { ["string"] = "COMMAND" } });
        await _gms.UpsertAsync(Model, "mlModelProperties", new JsonObject
        {
            ["description"] = "predicts churn",
            ["version"] = new JsonObject { ["versionTag"] = "3" },
            ["type"] = "gradient boosting",
            ["date"] = 1718000000000,
            ["mlFeatures"] = new JsonArray(Feature("age")),
            ["groups"] = new JsonArray(Group),
            ["trainingJobs"] = new JsonArray(Job),
            ["trainingMetrics"] = new JsonArray(new JsonObject { ["name"] = "auc", ["value"] = "0.91" }),
            ["hyperParams"] = new JsonArray(new JsonObject { ["name"] = "depth", ["value"] = "6" }),
            ["customProperties"] = new JsonObject { ["framework"] = "xgboost" },
        });
        await _gms.UpsertAsync(Model, "ownership", new JsonObject
        {
            ["owners"] = new JsonArray(new JsonObject { ["owner"] = Owner, ["type"] = "TECHNICAL_OWNER" }),
            ["lastModified"] = new JsonObject { ["time"] = 1718000000000, ["actor"] = Owner },
        });
        await _gms.UpsertAsync(Model, "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = Tag }) });
        await _gms.UpsertAsync(Model, "glossaryTerms", new JsonObject
        {
            ["terms"] = new JsonArray(new JsonObject { ["urn"] = Term }),
            ["auditStamp"] = new JsonObject { ["time"] = 1718000000000, ["actor"] = Owner },
        });
        await _gms.UpsertAsync(Model, "domains", new JsonObject { ["domains"] = new JsonArray(Domain) });
        await _gms.UpsertAsync(Model, "deprecation", new JsonObject
        {
            ["deprecated"] = true, ["note"] = "use v2", ["actor"] = Owner, ["decommissionTime"] = 1767225600000,
        });
        await _gms.UpsertAsync(Model, "institutionalMemory", new JsonObject
        {
            ["elements"] = new JsonArray(new JsonObject
            {
                ["url"] = "https://wiki.example.com/churn", ["description"] = "Design doc",
                ["createStamp"] = new JsonObject { ["time"] = 1718000000000, ["actor"] = Owner },
            }),
        });
        await _gms.UpsertAsync(Model, "status", new JsonObject { ["removed"] = false });
        await _gms.UpsertAsync(Owner, "corpUserInfo", new JsonObject { ["active"] = true, ["displayName"] = "Alice" });
        await _gms.UpsertAsync(Tag, "tagProperties", new JsonObject { ["name"] = "PII", ["description"] = "personal data" });
        await _gms.UpsertAsync(Term, "glossaryTermInfo", new JsonObject { ["definition"] = "a customer leaving", ["termSource"] = "INTERNAL" });
        await _gms.UpsertAsync(Domain, "domainProperties", new JsonObject { ["name"] = "Growth" });
    }

    [Fact]
    public async Task a_model_shows_its_properties_with_groups_resolved_to_model_groups()
    {
        await WriteModelAsync();

        var data = await _graphql.DataAsync("""
            query ($urn: String!) {
              mlModel(urn: $urn) {
                urn type name origin platform { urn name }
                properties {
                  description version type date mlFeatures tags
                  groups { urn type name description properties { name } }
                  trainingMetrics { name value description }
                  hyperParams { name value }
                  customProperties { key value associatedUrn }
                  mlModelLineageInfo { trainingJobs downstreamJobs }
                }
              }
            }
            """, new JsonObject { ["urn"] = Model });

        GraphQLClient.ShouldEqualJson(data["mlModel"], $$"""
            {
              "urn": "{{Model}}", "type": "MLMODEL", "name": "churn_{{_run}}", "origin": "PROD",
              "platform": { "urn": "urn:li:dataPlatform:mlflow", "name": "mlflow" },
              "properties": {
                "description": "predicts churn", "version": "3", "type": "gradient boosting", "date": 1718000000000,
                "mlFeatures": ["{{Feature("age")}}"], "tags": [],
                "groups": [{ "urn": "{{Group}}", "type": "MLMODEL_GROUP", "name": "churn-models-{{_run}}",
                             "description": "every churn model", "properties": { "name": "Churn models" } }],
                "trainingMetrics": [{ "name": "auc", "value": "0.91", "description": null }],
                "hyperParams": [{ "name": "depth", "value": "6" }],
                "customProperties": [{ "key": "framework", "value": "xgboost", "associatedUrn": "{{Model}}" }],
                "mlModelLineageInfo": { "trainingJobs": ["{{Job}}"], "downstreamJobs": null }
              }
            }
            """);
    }

    [Fact]
    public async Task a_model_shows_owners_tags_terms_domain_deprecation_links_and_status_as_entities()
    {
        await WriteModelAsync();

        var data = await _graphql.DataAsync("""
            query ($urn: String!) {
              mlModel(urn: $urn) {
                ownership { owners { owner { ... on CorpUser { urn username properties { displayName } } } type associatedUrn } lastModified { time actor } }
                tags { tags { tag { urn name description } associatedUrn } }
                glossaryTerms { terms { term { urn name properties { definition } } } auditStamp { time } }
                domain { domain { urn id properties { name } } associatedUrn }
                deprecation { deprecated note actor decommissionTime actorEntity { urn } }
                institutionalMemory { elements { url label description author { urn } created { time actor } associatedUrn } }
                status { removed }
                exists
              }
            }
            """, new JsonObject { ["urn"] = Model });

        GraphQLClient.ShouldEqualJson(data["mlModel"], $$"""
            {
              "ownership": {
                "owners": [{ "owner": { "urn": "{{Owner}}", "username": "alice_{{_run}}", "properties": { "displayName": "Alice" } },
                             "type": "TECHNICAL_OWNER", "associatedUrn": "{{Model}}" }],
                "lastModified": { "time": 1718000000000, "actor": "{{Owner}}" }
              },
              "tags": { "tags": [{ "tag": { "urn": "{{Tag}}", "name": "PII", "description": "personal data" }, "associatedUrn": "{{Model}}" }] },
              "glossaryTerms": { "terms": [{ "term": { "urn": "{{Term}}", "name": "Churn_{{_run}}", "properties": { "definition": "a customer leaving" } } }],
                                 "auditStamp": { "time": 1718000000000 } },
              "domain": { "domain": { "urn": "{{Domain}}", "id": "growth_{{_run}}", "properties": { "name": "Growth" } }, "associatedUrn": "{{Model}}" },
              "deprecation": { "deprecated": true, "note": "use v2", "actor": "{{Owner}}", "decommissionTime": 1767225600000, "actorEntity": { "urn": "{{Owner}}" } },
              "institutionalMemory": { "elements": [{ "url": "https://wiki.example.com/churn", "label": "Design doc", "description": "Design doc",
                                                      "author": { "urn": "{{Owner}}" }, "created": { "time": 1718000000000, "actor": "{{Owner}}" },
                                                      "associatedUrn": "{{Model}}" }] },
              "status": { "removed": false },
              "exists": true
            }
            """);
    }

    [Fact]
    public async Task a_feature_table_resolves_its_features_and_keys_and_a_feature_its_source_datasets()
    {
        await WriteModelAsync();

        var data = await _graphql.DataAsync("""
            query ($table: String!, $feature: String!, $key: String!) {
              mlFeatureTable(urn: $table) {
                name description platform { name }
                properties {
                  description customProperties { key value }
                  mlFeatures { urn name featureNamespace dataType properties { dataType } }
                  mlPrimaryKeys { name featureNamespace dataType }
                }
              }
              mlFeature(urn: $feature) {
                description dataType
                properties { version { versionTag } sources { urn name platform { name } properties { name description } } }
              }
              mlPrimaryKey(urn: $key) { name properties { sources { urn } } }
            }
            """, new JsonObject { ["table"] = Table, ["feature"] = Feature("age"), ["key"] = Key });

        GraphQLClient.ShouldEqualJson(data, $$"""
            {
              "mlFeatureTable": {
                "name": "users_{{_run}}", "description": "user features", "platform": { "name": "feast" },
                "properties": {
                  "description": "user features", "customProperties": [{ "key": "team", "value": "growth" }],
                  "mlFeatures": [
                    { "urn": "{{Feature("age")}}", "name": "age", "featureNamespace": "users_{{_run}}", "dataType": "ORDINAL", "properties": { "dataType": "ORDINAL" } },
                    { "urn": "{{Feature("country")}}", "name": "country", "featureNamespace": "users_{{_run}}", "dataType": "NOMINAL", "properties": { "dataType": "NOMINAL" } }
                  ],
                  "mlPrimaryKeys": [{ "name": "user_id", "featureNamespace": "users_{{_run}}", "dataType": "ORDINAL" }]
                }
              },
              "mlFeature": {
                "description": "the user's age", "dataType": "ORDINAL",
                "properties": { "version": { "versionTag": "2" },
                                "sources": [{ "urn": "{{Dataset}}", "name": "users_{{_run}}", "platform": { "name": "hive" },
                                              "properties": { "name": "Users", "description": "one row a user" } }] }
              },
              "mlPrimaryKey": { "name": "user_id", "properties": { "sources": [{ "urn": "{{Dataset}}" }] } }
            }
            """);
    }

    [Fact]
    public async Task relationships_page_through_the_edges_in_either_direction()
    {
        await WriteModelAsync();

        var data = await _graphql.DataAsync("""
            query ($model: String!, $group: String!) {
              mlModel(urn: $model) {
                out: relationships(input: {types: ["MemberOf", "Consumes", "TrainedBy"], direction: OUTGOING}) {
                  start count total relationships { type direction entity { urn type } }
                }
                page: relationships(input: {types: ["MemberOf", "Consumes", "TrainedBy"], direction: OUTGOING, start: 1, count: 1}) {
                  start count total
                }
              }
              mlModelGroup(urn: $group) {
                relationships(input: {types: ["MemberOf"], direction: INCOMING}) {
                  total relationships { type direction entity { urn ... on MLModel { name } } }
                }
              }
            }
            """, new JsonObject { ["model"] = Model, ["group"] = Group });

        var outgoing = data["mlModel"]!["out"]!;
        outgoing["total"]!.GetValue<int>().ShouldBe(3);
        outgoing["relationships"]!.AsArray().Select(r => (r!["type"]!.GetValue<string>(), r["entity"]!["urn"]!.GetValue<string>(), r["entity"]!["type"]!.GetValue<string>()))
            .ShouldBe([("Consumes", Feature("age"), "MLFEATURE"), ("MemberOf", Group, "MLMODEL_GROUP"), ("TrainedBy", Job, "DATA_JOB")], ignoreOrder: true);
        outgoing["relationships"]!.AsArray().ShouldAllBe(r => r!["direction"]!.GetValue<string>() == "OUTGOING");
        GraphQLClient.ShouldEqualJson(data["mlModel"]!["page"], """{ "start": 1, "count": 1, "total": 3 }""");
        GraphQLClient.ShouldEqualJson(data["mlModelGroup"], $$"""
            { "relationships": { "total": 1, "relationships": [{ "type": "MemberOf", "direction": "INCOMING", "entity": { "urn": "{{Model}}", "name": "churn_{{_run}}" } }] } }
            """);
    }

    [Fact]
    public async Task what_ml_entities_point_at_reads_through_its_own_root_queries_and_entity()
    {
        await WriteModelAsync();

        var data = await _graphql.DataAsync("""
            query ($dataset: String!, $job: String!, $owner: String!, $tag: String!, $term: String!, $domain: String!, $model: String!) {
              dataset(urn: $dataset) { name origin platform { name } properties { name description } }
              dataJob(urn: $job) { jobId dataFlow { urn flowId orchestrator } properties { name } }
              corpUser(urn: $owner) { username properties { active displayName } }
              tag(urn: $tag) { name description properties { name } }
              glossaryTerm(urn: $term) { name hierarchicalName properties { name definition termSource } }
              domain(urn: $domain) { id properties { name description } }
              entity(urn: $model) { urn type ... on MLModel { name } }
              entities(urns: [$dataset, $model]) { type }
            }
            """, new JsonObject
            {
                ["dataset"] = Dataset, ["job"] = Job, ["owner"] = Owner, ["tag"] = Tag, ["term"] = Term, ["domain"] = Domain, ["model"] = Model,
            });

        GraphQLClient.ShouldEqualJson(data, $$"""
            {
              "dataset": { "name": "users_{{_run}}", "origin": "PROD", "platform": { "name": "hive" }, "properties": { "name": "Users", "description": "one row a user" } },
              "dataJob": { "jobId": "train", "dataFlow": { "urn": "urn:li:dataFlow:(airflow,train_{{_run}},PROD)", "flowId": "train_{{_run}}", "orchestrator": "airflow" },
                           "properties": { "name": "train churn" } },
              "corpUser": { "username": "alice_{{_run}}", "properties": { "active": true, "displayName": "Alice" } },
              "tag": { "name": "PII", "description": "personal data", "properties": { "name": "PII" } },
              "glossaryTerm": { "name": "Churn_{{_run}}", "hierarchicalName": "Churn_{{_run}}",
                                "properties": { "name": "Churn_{{_run}}", "definition": "a customer leaving", "termSource": "INTERNAL" } },
              "domain": { "id": "growth_{{_run}}", "properties": { "name": "Growth", "description": null } },
              "entity": { "urn": "{{Model}}", "type": "MLMODEL", "name": "churn_{{_run}}" },
              "entities": [{ "type": "DATASET" }, { "type": "MLMODEL" }]
            }
            """);
    }

    [Fact]
    public async Task an_unknown_urn_or_one_of_another_type_is_null_and_an_absent_aspect_is_a_null_field()
    {
        await WriteModelAsync();
        var absent = Model.Replace("churn_", "absent_");

        var data = await _graphql.DataAsync("""
            query ($absent: String!, $dataset: String!, $group: String!) {
              missing: mlModel(urn: $absent) { urn }
              wrongType: mlModel(urn: $dataset) { urn }
              anything: entity(urn: $absent) { urn }
              exists: entityExists(urn: $absent)
              mlModelGroup(urn: $group) {
                ownership { owners { associatedUrn } } tags { tags { associatedUrn } } glossaryTerms { terms { associatedUrn } }
                domain { associatedUrn } deprecation { deprecated } institutionalMemory { elements { url } } status { removed }
                editableProperties { description }
                properties { version { versionTag } created { time } mlModelLineageInfo { trainingJobs } customProperties { key } }
              }
            }
            """, new JsonObject { ["absent"] = absent, ["dataset"] = Dataset, ["group"] = Group });

        GraphQLClient.ShouldEqualJson(data, """
            {
              "missing": null, "wrongType": null, "anything": null, "exists": false,
              "mlModelGroup": {
                "ownership": null, "tags": null, "glossaryTerms": null, "domain": null, "deprecation": null,
                "institutionalMemory": null, "status": null, "editableProperties": null,
                "properties": { "version": null, "created": null, "mlModelLineageInfo": { "trainingJobs": null }, "customProperties": [] }
              }
            }
            """);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_graphql_entities(SqliteApiFactory factory) : EntityQueryTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_graphql_entities(Neo4jApiFactory factory) : EntityQueryTests(factory);
