using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Ingest;

/// <summary>Each class of bad input gets a 400 whose JSON names the path and the reason, and nothing is written.</summary>
public abstract class BadInputTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _model = $"urn:li:mlModel:(urn:li:dataPlatform:science,bad_{Guid.NewGuid():N},PROD)";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // aspect name, aspect JSON, expected path, a phrase of the reason
        { "mlModelDeploymentProperties", """{"description": "x"}""", "proposal.aspectName", "does not accept aspect 'mlModelDeploymentProperties'" },
        { "noSuchAspect", """{"description": "x"}""", "proposal.aspectName", "unknown aspect 'noSuchAspect'" },
        { "mlModelProperties", """{"descripton": "typo"}""", "proposal.mlModelProperties.descripton", "unknown field 'descripton'" },
        { "mlModelProperties", """{"description": 42}""", "proposal.mlModelProperties.description", "expected a string, got the number 42" },
        { "mlModelProperties", """{"trainingMetrics": [{"value": "0.9"}]}""", "proposal.mlModelProperties.trainingMetrics[0].name", "required field 'name' is missing" },
        { "deprecation", """{"deprecated": true, "note": "old"}""", "proposal.deprecation.actor", "required field 'actor' is missing" },
        { "ownership", """{"owners": [{"owner": "urn:li:corpuser:bob", "type": "BOSS"}]}""", "proposal.ownership.owners[0].type", "'BOSS' is not a OwnershipType" },
        { "mlModelProperties", """{"groups": ["urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,g,PROD)", "urn:li:mlModelGroup:(nope"]}""", "proposal.mlModelProperties.groups[1]", "malformed urn" },
        { "mlModelProperties", """{"groups": ["urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,g,PROD)", "urn:li:corpuser:bob"]}""", "proposal.mlModelProperties.groups[1]", "expected an mlModelGroup urn, got urn:li:corpuser:bob" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task bad_aspect_values_are_refused_with_the_path_and_the_reason(string aspect, string json, string path, string reason)
    {
        var response = await _gms.EmitAsync(_model, aspect, JsonNode.Parse(json));

        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe(path);
        error["message"]!.GetValue<string>().ShouldContain(reason);
        error["message"]!.GetValue<string>().ShouldStartWith(path);
        await ShouldNotExistAsync(_model);
    }

    [Theory]
    [InlineData("urn:li:mlModel:(urn:li:dataPlatform:science,m)", "expected 3 key parts")]
    [InlineData("urn:li:mlModle:(urn:li:dataPlatform:science,m,PROD)", "unknown entity type 'mlModle'")]
    [InlineData("urn:li:mlModel:(urn:li:dataPlatform:science,m,prod)", "origin 'prod'")]
    [InlineData("li:mlModel:x", "urn:li:")]
    public async Task malformed_entity_urns_are_refused_with_what_is_wrong(string urn, string reason)
    {
        var proposal = DataHubWire.Proposal(urn, "mlModelProperties", new JsonObject());
        proposal["entityType"] = "mlModel";
        var error = await DataHubWire.ErrorAsync(await _gms.EmitAsync(proposal), HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe("proposal.entityUrn");
        error["message"]!.GetValue<string>().ShouldContain(reason);
    }

    [Fact]
    public async Task an_entity_type_that_does_not_match_the_urn_is_refused()
    {
        var proposal = DataHubWire.Proposal(_model, "mlModelProperties", new JsonObject());
        proposal["entityType"] = "mlModelGroup";
        var error = await DataHubWire.ErrorAsync(await _gms.EmitAsync(proposal), HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe("proposal.entityType");
    }

    [Fact]
    public async Task an_aspect_value_that_is_not_json_is_refused()
    {
        var proposal = DataHubWire.Proposal(_model, "mlModelProperties", new JsonObject());
        proposal["aspect"]!["value"] = "{\"description\": ";
        var error = await DataHubWire.ErrorAsync(await _gms.EmitAsync(proposal), HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe("proposal.aspect.value");
        error["message"]!.GetValue<string>().ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_a_400_with_a_json_error()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var response = await _gms.Http.PostAsync("/aspects?action=ingestProposal", content);
        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest);
        error["message"]!.GetValue<string>().ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task an_unknown_change_type_or_action_is_refused()
    {
        var proposal = DataHubWire.Proposal(_model, "mlModelProperties", new JsonObject(), changeType: "MERGE");
        (await DataHubWire.ErrorAsync(await _gms.EmitAsync(proposal), HttpStatusCode.BadRequest))["path"]!.GetValue<string>()
            .ShouldBe("proposal.changeType");
        var action = await _gms.Send(HttpMethod.Post, "/aspects?action=explode", new JsonObject());
        (await DataHubWire.ErrorAsync(action, HttpStatusCode.BadRequest))["path"]!.GetValue<string>().ShouldBe("action");
    }

    [Fact]
    public async Task a_batch_with_one_bad_proposal_writes_nothing_and_names_its_index()
    {
        var good = DataHubWire.Proposal(_model, "mlModelProperties", new JsonObject { ["description"] = "fine" });
        var alsoGood = DataHubWire.Proposal(_model, "globalTags", JsonNode.Parse("""{"tags": [{"tag": "urn:li:tag:x"}]}"""));
        var bad = DataHubWire.Proposal(_model, "ownership", JsonNode.Parse("""{"owners": [{"owner": "urn:li:tag:x", "type": "NONE"}]}"""));

        var error = await DataHubWire.ErrorAsync(await _gms.EmitBatchAsync(good, alsoGood, bad), HttpStatusCode.BadRequest);

        error["path"]!.GetValue<string>().ShouldBe("proposals[2].ownership.owners[0].owner");
        error["message"]!.GetValue<string>().ShouldContain("expected a corpuser or corpGroup urn");
        await ShouldNotExistAsync(_model);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task bad_input_to_an_entity_that_exists_leaves_its_aspects_and_versions_as_they_were(
        string aspect, string json, string path, string reason)
    {
        const string Properties = "com.linkedin.ml.metadata.MLModelProperties";
        await _gms.UpsertAsync(_model, "mlModelProperties", new JsonObject { ["description"] = "before" });
        var before = await _gms.GetAspectAsync(_model, "mlModelProperties", Properties);

        var error = await DataHubWire.ErrorAsync(await _gms.EmitAsync(_model, aspect, JsonNode.Parse(json)), HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe(path, reason);

        (await _gms.GetAspectAsync(_model, "mlModelProperties", Properties))!.ToJsonString().ShouldBe(before!.ToJsonString());
        (await _gms.GetAspectAsync(_model, "mlModelProperties", Properties, version: 1)).ShouldBeNull();
        var snapshot = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/entitiesV2/{DataHubWire.Quote(_model)}"));
        snapshot["aspects"]!.AsObject().Select(a => a.Key).Order().ShouldBe(["dataPlatformInstance", "mlModelKey", "mlModelProperties"]);
    }

    [Fact]
    public async Task a_batch_whose_third_proposal_creates_an_aspect_that_exists_writes_nothing_and_names_it()
    {
        await _gms.UpsertAsync(_model, "mlModelProperties", new JsonObject { ["description"] = "already here" });
        var other = _model.Replace("bad_", "other_", StringComparison.Ordinal);

        var response = await _gms.EmitBatchAsync(
            DataHubWire.Proposal(other, "mlModelProperties", new JsonObject { ["description"] = "new" }),
            DataHubWire.Proposal(_model, "globalTags", JsonNode.Parse("""{"tags": [{"tag": "urn:li:tag:x"}]}""")),
            DataHubWire.Proposal(_model, "mlModelProperties", new JsonObject { ["description"] = "again" }, changeType: "CREATE"));

        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.Conflict);
        error["path"]!.GetValue<string>().ShouldStartWith("proposals[2]");
        await ShouldNotExistAsync(other);
        (await _gms.GetAspectAsync(_model, "globalTags", "com.linkedin.common.GlobalTags")).ShouldBeNull();
        (await _gms.GetAspectAsync(_model, "mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties"))!["description"]!
            .GetValue<string>().ShouldBe("already here");
    }

    [Fact]
    public async Task a_good_batch_answers_the_urns_of_its_proposals_in_order()
    {
        var other = _model.Replace("bad_", "other_", StringComparison.Ordinal);
        var response = await _gms.EmitBatchAsync(
            DataHubWire.Proposal(_model, "mlModelProperties", new JsonObject { ["description"] = "one" }),
            DataHubWire.Proposal(other, "mlModelProperties", new JsonObject { ["description"] = "two" }),
            DataHubWire.Proposal(_model, "globalTags", JsonNode.Parse("""{"tags": []}""")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await DataHubWire.ReadObjectAsync(response);
        body["value"]!.AsArray().Select(u => u!.GetValue<string>()).ShouldBe([_model, other, _model]);
        var single = await DataHubWire.ReadObjectAsync(await _gms.EmitAsync(_model, "status", new JsonObject { ["removed"] = false }));
        single["value"]!.GetValue<string>().ShouldBe(_model);
    }

    [Fact]
    public async Task a_key_aspect_that_does_not_match_the_urn_is_refused_and_one_that_matches_is_accepted()
    {
        var key = JsonNode.Parse("""{"platform": "urn:li:dataPlatform:science", "name": "other", "origin": "PROD"}""");
        var error = await DataHubWire.ErrorAsync(await _gms.EmitAsync(_model, "mlModelKey", key), HttpStatusCode.BadRequest);
        error["message"]!.GetValue<string>().ShouldContain("does not match the urn");

        var urn = new Urns(_model);
        var matching = new JsonObject { ["platform"] = "urn:li:dataPlatform:science", ["name"] = urn.Name, ["origin"] = "PROD" };
        (await _gms.EmitAsync(_model, "mlModelKey", matching)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private sealed record Urns(string Model)
    {
        public string Name => Model.Split(',')[1];
    }

    private async Task ShouldNotExistAsync(string urn)
    {
        var response = await _gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(urn)}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_bad_input(SqliteApiFactory factory) : BadInputTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_bad_input(Neo4jApiFactory factory) : BadInputTests(factory);
