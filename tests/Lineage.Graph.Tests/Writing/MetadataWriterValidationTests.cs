using Lineage.Graph.Errors;
using Lineage.Graph.Tests.Sqlite;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Writing;
using static Lineage.Graph.Tests.Writing.Proposals;

namespace Lineage.Graph.Tests.Writing;

/// <summary>
/// Invalid proposals: each is the second of a batch whose first is valid, fails with the full path of the bad
/// value, and nothing of the batch is written.
/// </summary>
public sealed class MetadataWriterValidationTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    private readonly MetadataWriter _writer = new(fx.Store, TestRegistry.Registry);

    [Fact]
    public async Task an_aspect_the_entity_type_does_not_accept_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Feature(), "mlModelProperties", """{"name": "m"}"""));

        error.Path.ShouldBe("proposals[1].aspectName");
        error.Reason.ShouldContain("mlFeature does not accept aspect 'mlModelProperties'");
    }

    [Fact]
    public async Task an_unknown_aspect_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "modelColour", """{"colour": "red"}"""));

        error.Path.ShouldBe("proposals[1].aspectName");
        error.Reason.ShouldContain("unknown aspect 'modelColour'");
    }

    [Fact]
    public async Task an_unknown_field_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties", """{"name": "m", "colour": "red"}"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties.colour");
        error.Reason.ShouldContain("unknown field 'colour'");
    }

    [Fact]
    public async Task a_value_of_the_wrong_type_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties", """{"name": 42}"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties.name");
        error.Reason.ShouldBe("expected a string, got the number 42");
    }

    [Fact]
    public async Task a_fractional_number_where_an_integer_belongs_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties", """{"date": 1.5}"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties.date");
    }

    [Fact]
    public async Task an_aspect_value_that_is_not_an_object_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties", """["m"]"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties");
    }

    [Fact]
    public async Task a_missing_required_field_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties",
            """{"hyperParams": [{"name": "lr", "value": "0.1"}, {"value": "3"}]}"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties.hyperParams[1].name");
        error.Reason.ShouldContain("required field 'name' is missing");
    }

    [Fact]
    public async Task a_symbol_outside_the_enum_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Feature(), "mlFeatureProperties", """{"dataType": "FLOATY"}"""));

        error.Path.ShouldBe("proposals[1].mlFeatureProperties.dataType");
        error.Reason.ShouldContain("'FLOATY' is not a MLFeatureDataType");
    }

    [Fact]
    public async Task a_symbol_outside_the_enum_in_a_list_of_records_is_rejected()
    {
        var owner = Mint.User();
        var error = await RejectedAsync(Upsert(Mint.Model(), "ownership",
            $$"""{"owners": [{"owner": "{{owner}}", "type": "NONE"}, {"owner": "{{owner}}", "type": "CHIEF"}]}"""));

        error.Path.ShouldBe("proposals[1].ownership.owners[1].type");
    }

    [Fact]
    public async Task a_malformed_entity_urn_is_rejected()
    {
        var error = await RejectedAsync(Upsert("mlModel:not-a-urn", "mlModelProperties", """{"name": "m"}"""));

        error.Path.ShouldBe("proposals[1].entityUrn");
    }

    [Fact]
    public async Task a_malformed_urn_in_a_field_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties",
            $$"""{"groups": ["{{Mint.Group()}}", "not-a-urn"]}"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties.groups[1]");
        error.Reason.ShouldContain("malformed urn 'not-a-urn'");
    }

    [Fact]
    public async Task a_referenced_urn_with_a_key_lineage_would_not_write_is_accepted()
    {
        var model = Mint.Model();
        // Not a FabricType: Lineage would refuse to write this group, but a reference to it is DataHub-valid.
        var group = $"urn:li:mlModelGroup:(urn:li:dataPlatform:sagemaker,g-{Guid.NewGuid():N},NOT_A_FABRIC)";

        await _writer.ApplyBatchAsync(Upsert(model, "mlModelProperties", $$"""{"groups": ["{{group}}"]}"""));

        (await fx.Store.GetEntityAsync(model, CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task the_entity_being_written_still_follows_its_key_rules()
    {
        var group = $"urn:li:mlModelGroup:(urn:li:dataPlatform:sagemaker,g-{Guid.NewGuid():N},NOT_A_FABRIC)";

        var error = await RejectedAsync(Upsert(group, "mlModelGroupProperties", """{"name": "g"}"""));

        error.Path.ShouldBe("proposals[1].entityUrn");
    }

    [Fact]
    public async Task a_relationship_target_of_the_wrong_entity_type_is_rejected()
    {
        var dataset = Mint.Dataset();
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties",
            $$"""{"groups": ["{{Mint.Group()}}", "{{dataset}}"]}"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties.groups[1]");
        error.Reason.ShouldEndWith($"mlModelGroup urn, got {dataset}");
    }

    [Fact]
    public async Task an_owner_of_the_wrong_entity_type_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "ownership",
            $$"""{"owners": [{"owner": "{{Mint.Group()}}", "type": "NONE"}]}"""));

        error.Path.ShouldBe("proposals[1].ownership.owners[0].owner");
    }

    [Fact]
    public async Task a_null_list_item_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties", """{"tags": ["a", null]}"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties.tags[1]");
    }

    [Fact]
    public async Task a_map_value_of_the_wrong_type_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties", """{"customProperties": {"team": 7}}"""));

        error.Path.ShouldBe("proposals[1].mlModelProperties.customProperties[\"team\"]");
    }

    [Fact]
    public async Task an_entity_type_that_does_not_match_the_urn_is_rejected()
    {
        var error = await RejectedAsync(Upsert(Mint.Model(), "mlModelProperties", """{"name": "m"}""") with { EntityType = "mlFeature" });

        error.Path.ShouldBe("proposals[1].entityType");
        error.Reason.ShouldContain("'mlFeature', which does not match the urn's entity type 'mlModel'");
    }

    [Fact]
    public async Task an_entity_type_the_registry_does_not_serve_is_rejected()
    {
        var error = await RejectedAsync(Upsert($"urn:li:dataPlatform:p-{Guid.NewGuid():N}", "status", """{"removed": false}"""));

        error.Path.ShouldBe("proposals[1].entityUrn");
    }

    [Fact]
    public async Task a_key_aspect_that_does_not_match_the_urn_is_rejected()
    {
        var model = Mint.Model();
        var error = await RejectedAsync(Upsert(model, "mlModelKey",
            """{"platform": "urn:li:dataPlatform:mlflow", "name": "someone-else", "origin": "PROD"}"""));

        error.Path.ShouldBe("proposals[1].mlModelKey");
    }

    [Fact]
    public async Task deleting_the_key_aspect_is_rejected()
    {
        var error = await RejectedAsync(Delete(Mint.Model(), "mlModelKey"));

        error.Path.ShouldBe("proposals[1].aspectName");
    }

    [Fact]
    public async Task an_invalid_proposal_first_in_a_batch_stops_the_valid_ones_after_it()
    {
        var (bad, good) = (Mint.Model(), Mint.Model());

        var error = await Should.ThrowAsync<ValidationException>(() => _writer.ApplyBatchAsync(
            Upsert(bad, "mlModelProperties", """{"name": false}"""),
            Upsert(good, "mlModelProperties", """{"name": "good"}""")));

        error.Path.ShouldBe("proposals[0].mlModelProperties.name");
        (await fx.Store.GetEntityAsync(good, CancellationToken.None)).ShouldBeNull();
        (await fx.Store.ChangesForAsync(bad, good)).ShouldBeEmpty();
    }

    /// <summary>Applies [a valid proposal, <paramref name="invalid"/>] and checks that neither wrote anything.</summary>
    private async Task<ValidationException> RejectedAsync(Proposal invalid)
    {
        var valid = Upsert(Mint.Model(), "mlModelProperties", """{"name": "valid"}""");

        var error = await Should.ThrowAsync<ValidationException>(() => _writer.ApplyBatchAsync(valid, invalid));

        foreach (var urn in new[] { valid.EntityUrn, invalid.EntityUrn })
        {
            (await fx.Store.GetEntityAsync(urn, CancellationToken.None)).ShouldBeNull();
            (await fx.Store.ChangesForAsync(urn)).ShouldBeEmpty();
        }
        return error;
    }
}
