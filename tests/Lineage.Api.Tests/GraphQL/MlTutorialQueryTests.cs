using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>
/// The four read queries of DataHub's ML feature store tutorial (docs/api/tutorials/ml_feature_store.md, the
/// "Read ML Entities" section, once part of ml.md), sent verbatim, answer exactly the documented responses for the
/// tutorial's entities written through <c>ingestProposal</c>. The URNs are the tutorial's own, not minted per test:
/// every write here is the same UPSERT, so running them again or in any order changes nothing, and nothing else
/// writes these URNs.
/// </summary>
public abstract class MlTutorialQueryTests(LineageApiFactory factory)
{
    private const string BoolListFeature = "urn:li:mlFeature:(test_feature_table_all_feature_dtypes,test_BOOL_LIST_feature)";
    private const string StringFeature = "urn:li:mlFeature:(test_feature_table_all_feature_dtypes,test_STRING_feature)";
    private const string FeatureTable = "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,test_feature_table_all_feature_dtypes)";
    private const string ScienceModel = "urn:li:mlModel:(urn:li:dataPlatform:science,scienceModel,PROD)";
    private const string ModelGroup = "urn:li:mlModelGroup:(urn:li:dataPlatform:science,my-model-group,PROD)";

    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly GraphQLClient _graphql = new(factory.CreateClient());

    [Fact]
    public async Task reading_an_ml_feature_answers_the_documented_response()
    {
        await _gms.UpsertAsync(BoolListFeature, "mlFeatureProperties", new JsonObject { ["dataType"] = "SEQUENCE" });

        var body = await _graphql.PostAsync("""
            query {
              mlFeature(urn: "urn:li:mlFeature:(test_feature_table_all_feature_dtypes,test_BOOL_LIST_feature)"){
                name
                featureNamespace
                description
                properties {
                  description
                  dataType
                  version {
                    versionTag
                  }
                }
              }
            }
            """);

        GraphQLClient.ShouldEqualJson(body, """
            {
              "data": {
                "mlFeature": {
                  "name": "test_BOOL_LIST_feature",
                  "featureNamespace": "test_feature_table_all_feature_dtypes",
                  "description": null,
                  "properties": {
                    "description": null,
                    "dataType": "SEQUENCE",
                    "version": null
                  }
                }
              },
              "extensions": {}
            }
            """);
    }

    [Fact]
    public async Task reading_an_ml_feature_table_answers_the_documented_response_with_its_features_resolved()
    {
        await _gms.UpsertAsync(BoolListFeature, "mlFeatureProperties", new JsonObject { ["dataType"] = "SEQUENCE" });
        await _gms.UpsertAsync(StringFeature, "mlFeatureProperties", new JsonObject { ["dataType"] = "TEXT" });
        await _gms.UpsertAsync(FeatureTable, "mlFeatureTableProperties", new JsonObject
        {
            ["mlFeatures"] = new JsonArray(BoolListFeature, StringFeature),
        });

        var body = await _graphql.PostAsync("""
            query {
              mlFeatureTable(urn: "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,test_feature_table_all_feature_dtypes)"){
                name
                description
                platform {
                  name
                }
                properties {
                  description
                  mlFeatures {
                    name
                  }
                }
              }
            }
            """);

        // The documentation elides the features between the first and the last ("..."); this table has just those two.
        GraphQLClient.ShouldEqualJson(body, """
            {
              "data": {
                "mlFeatureTable": {
                  "name": "test_feature_table_all_feature_dtypes",
                  "description": null,
                  "platform": {
                    "name": "feast"
                  },
                  "properties": {
                    "description": null,
                    "mlFeatures": [
                      {
                        "name": "test_BOOL_LIST_feature"
                      },
                      {
                        "name": "test_STRING_feature"
                      }
                    ]
                  }
                }
              },
              "extensions": {}
            }
            """);
    }

    [Fact]
    public async Task reading_an_ml_model_answers_the_documented_response_with_no_features_and_no_groups()
    {
        await _gms.UpsertAsync(ScienceModel, "mlModelProperties", new JsonObject
        {
            ["description"] = "A sample model for predicting some outcome.",
            ["type"] = "Naive Bayes classifier",
        });

        var body = await _graphql.PostAsync("""
            query {
              mlModel(urn: "urn:li:mlModel:(urn:li:dataPlatform:science,scienceModel,PROD)"){
                name
                description
                properties {
                  description
                  version
                  type
                  mlFeatures
                  groups {
                    urn
                    name
                  }
                }
              }
            }
            """);

        GraphQLClient.ShouldEqualJson(body, """
            {
              "data": {
                "mlModel": {
                  "name": "scienceModel",
                  "description": "A sample model for predicting some outcome.",
                  "properties": {
                    "description": "A sample model for predicting some outcome.",
                    "version": null,
                    "type": "Naive Bayes classifier",
                    "mlFeatures": null,
                    "groups": []
                  }
                }
              },
              "extensions": {}
            }
            """);
    }

    [Fact]
    public async Task reading_an_ml_model_group_answers_the_documented_response()
    {
        await _gms.UpsertAsync(ModelGroup, "mlModelGroupProperties", new JsonObject { ["description"] = "my model group" });

        var body = await _graphql.PostAsync("""
            query {
              mlModelGroup(urn: "urn:li:mlModelGroup:(urn:li:dataPlatform:science,my-model-group,PROD)"){
                name
                description
                platform {
                  name
                }
                properties {
                  description
                }
              }
            }
            """);

        GraphQLClient.ShouldEqualJson(body, """
            {
              "data": {
                "mlModelGroup": {
                  "name": "my-model-group",
                  "description": "my model group",
                  "platform": {
                    "name": "science"
                  },
                  "properties": {
                    "description": "my model group"
                  }
                }
              },
              "extensions": {}
            }
            """);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_graphql_ml_tutorial(SqliteApiFactory factory) : MlTutorialQueryTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_graphql_ml_tutorial(Neo4jApiFactory factory) : MlTutorialQueryTests(factory);
