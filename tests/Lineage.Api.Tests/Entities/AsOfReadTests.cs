using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Entities;

/// <summary>
/// Entity and aspect reads as of a moment (<c>asOf</c>), on both stores: rebuilt from the kept versions, a deleted
/// aspect gone from the moment of its deletion. The history is written at known times by restoring versions.
/// </summary>
public abstract class AsOfReadTests(LineageApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();
    private readonly string _urn = $"urn:li:dataset:(urn:li:dataPlatform:hive,as_of_{Guid.NewGuid():N},PROD)";

    private async Task WriteHistoryAsync()
    {
        JsonObject Entry(string aspect, string changeType, JsonObject? value, int version, long time)
        {
            var entry = new JsonObject
            {
                ["entityUrn"] = _urn, ["changeType"] = changeType, ["aspectName"] = aspect,
                ["systemMetadata"] = new JsonObject
                {
                    ["version"] = $"{version}", ["aspectModified"] = new JsonObject { ["time"] = time, ["actor"] = "urn:li:corpuser:alice" },
                },
            };
            if (value is not null) entry["aspect"] = new JsonObject { ["json"] = value };
            return entry;
        }
        var response = await _http.PostAsJsonAsync("/api/v1/import", new JsonObject
        {
            ["entries"] = new JsonArray(
                Entry("datasetProperties", "UPSERT", new JsonObject { ["description"] = "one" }, 1, 1000),
                Entry("datasetProperties", "UPSERT", new JsonObject { ["description"] = "two" }, 2, 2000),
                Entry("globalTags", "UPSERT", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = "urn:li:tag:t" }) }, 1, 1500),
                Entry("globalTags", "DELETE", null, 1, 2500)),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["written"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task an_entity_as_of_a_moment_has_the_versions_current_then_and_not_the_aspects_deleted_by_then()
    {
        await WriteHistoryAsync();

        (await AspectsAsOf("500")).ShouldBeNull();
        (await AspectsAsOf("1200"))!.ShouldBe(["datasetKey: ", "datasetProperties: one"]);
        (await AspectsAsOf("1600"))!.ShouldBe(["datasetKey: ", "datasetProperties: one", "globalTags: "]);
        (await AspectsAsOf("1970-01-01T00:00:02.2Z"))!.ShouldBe(["datasetKey: ", "datasetProperties: two", "globalTags: "]);
        (await AspectsAsOf("2600"))!.ShouldBe(["datasetKey: ", "datasetProperties: two"]);
        (await AspectsAsOf(null))!.ShouldBe(["datasetKey: ", "datasetProperties: two"]);
    }

    [Fact]
    public async Task every_entity_read_takes_as_of()
    {
        await WriteHistoryAsync();
        var urn = Uri.EscapeDataString(_urn);

        var snapshot = await _http.GetFromJsonAsync<JsonObject>($"/entities/{urn}?asOf=1600");
        snapshot!["value"]!["com.linkedin.metadata.snapshot.DatasetSnapshot"]!["aspects"]!.AsArray()
            .Select(a => a!.AsObject().Single().Key).ShouldContain("com.linkedin.common.GlobalTags");
        var aspect = await _http.GetFromJsonAsync<JsonObject>($"/aspects/{urn}?aspect=datasetProperties&asOf=1200");
        aspect!["aspect"]!["com.linkedin.dataset.DatasetProperties"]!["description"]!.GetValue<string>().ShouldBe("one");
        aspect["version"]!.GetValue<long>().ShouldBe(1);
        var openApi = await _http.GetFromJsonAsync<JsonObject>($"/openapi/v3/entity/dataset/{urn}/datasetProperties?asOf=1200");
        openApi!["value"]!["description"]!.GetValue<string>().ShouldBe("one");
        (await _http.GetAsync($"/aspects/{urn}?aspect=globalTags&asOf=2600")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var gone = await _http.GetAsync($"/entitiesV2/{urn}?asOf=500");
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gone.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().ShouldContain("had no aspects at 1970-01-01T00:00:00.500Z");
    }

    [Theory]
    [InlineData("?aspect=datasetProperties&asOf=yesterday", "asOf")]
    [InlineData("?aspect=datasetProperties&asOf=1200&version=1", "asOf")]
    public async Task a_bad_moment_is_a_400_naming_as_of(string query, string field)
    {
        var response = await _http.GetAsync($"/aspects/{Uri.EscapeDataString(_urn)}{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().ShouldStartWith(field);
    }

    /// <summary>"name: description" of each aspect of the entity as of the moment, or null for a 404.</summary>
    private async Task<List<string>?> AspectsAsOf(string? moment)
    {
        var response = await _http.GetAsync($"/entitiesV2/{Uri.EscapeDataString(_urn)}{(moment is null ? "" : $"?asOf={moment}")}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var aspects = (await response.Content.ReadFromJsonAsync<JsonObject>())!["aspects"]!.AsObject();
        return [.. aspects.Where(a => a.Key != "dataPlatformInstance")
            .Select(a => $"{a.Key}: {a.Value!["value"]!["description"]?.GetValue<string>()}").Order(StringComparer.Ordinal)];
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_as_of_reads(SqliteApiFactory factory) : AsOfReadTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_as_of_reads(Neo4jApiFactory factory) : AsOfReadTests(factory);
