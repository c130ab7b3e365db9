using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.OpenLineage;

/// <summary>
/// OpenLineage events in, on both stores: the events OpenLineage, Marquez and DataHub record (Fixtures/SOURCES.md),
/// sent as the OpenLineage HTTP transport sends them. Each loads; a run's inputs are upstream of its outputs through the
/// job; column lineage is there; the run's state reads back; order and replay do not change the result; a bad event is
/// a 400 naming the field, and writes nothing.
/// </summary>
public abstract class OpenLineageEventTests(LineageApiFactory factory)
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "OpenLineage", "Fixtures");
    private readonly DataHubWire _gms = new(factory.CreateClient());

    public static TheoryData<string> Fixtures =>
    [
        .. Directory.GetFiles(FixtureRoot, "*.json").Select(Path.GetFileName).OfType<string>()
            .Where(f => f != NoEventType).Order(StringComparer.Ordinal),
    ];

    /// <summary>A run event without eventType, which the spec allows and Lineage refuses (issue 21 asks it).</summary>
    private const string NoEventType = "marquez-required-only-no-eventtype.json";

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task a_recorded_event_loads_and_its_inputs_are_upstream_of_its_outputs_through_the_job(string fixture)
    {
        var e = Fixture(fixture);

        var written = await SendOkAsync(e, "/api/v1/lineage");

        written.ShouldNotBeEmpty();
        if (e["job"] is null) return;
        var job = written.Single(u => u.StartsWith("urn:li:dataJob:", StringComparison.Ordinal));
        foreach (var output in Datasets(e, "outputs"))
        {
            var upstream = await Urns($"/api/v1/lineage?urn={Q(output)}&direction=upstream&maxHops=2&granularity=entity");
            upstream.ShouldContain(job);
            foreach (var input in Datasets(e, "inputs").Where(i => i != output)) upstream.ShouldContain(input);
        }
    }

    [Theory]
    [InlineData("dbt-postgres-customer-analytics-complete.json")]
    [InlineData("spark-bigquery-shakespeare-complete.json")]
    [InlineData("spark-hdfs-hive-symlink-sql-running.json")]
    [InlineData("airflow-bq-download-task-complete.json")]
    public async Task a_column_lineage_facet_gives_column_edges_from_each_field_to_the_input_fields_it_names(string fixture)
    {
        var e = Fixture(fixture);

        var written = await SendOkAsync(e, "/openapi/openlineage/api/v1/lineage");

        var stated = 0;
        foreach (var output in (e["outputs"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (output["facets"]?["columnLineage"]?["fields"] is not JsonObject fields) continue;
            var dataset = DatasetUrn(output);
            written.ShouldContain(dataset);
            foreach (var (field, lineage) in fields)
            {
                var upstream = await RelatedAsync($"urn:li:schemaField:({dataset},{field})", "DownstreamOf");
                foreach (var input in (lineage?["inputFields"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    upstream.ShouldContain(u => u.StartsWith("urn:li:schemaField:(", StringComparison.Ordinal)
                        && u.EndsWith($",{input["field"]!.GetValue<string>()})", StringComparison.Ordinal), $"{field} ← {input.ToJsonString()}");
                    stated++;
                }
            }
        }
        stated.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task a_runs_state_reads_back_with_its_start_end_and_duration_in_either_order_and_a_replay_changes_nothing()
    {
        var start = Fixture("dbt-postgres-customer-analytics-start.json");
        var complete = Fixture("dbt-postgres-customer-analytics-complete.json");
        var (inOrder, outOfOrder) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        foreach (var e in new[] { start, complete }) await SendOkAsync(WithRun(e, inOrder), "/api/v1/lineage");
        foreach (var e in new[] { complete, start }) await SendOkAsync(WithRun(e, outOfOrder), "/api/v1/lineage");

        var first = await RunAsync(inOrder);
        var second = await RunAsync(outOfOrder);
        second.ToJsonString().Replace(outOfOrder, "RUN").ShouldBe(first.ToJsonString().Replace(inOrder, "RUN"));
        var events = first["events"]!.AsArray();
        events.Select(v => v!["status"]!.GetValue<string>()).ShouldBe(["COMPLETE", "STARTED"]);
        events[0]!["result"]!["type"]!.GetValue<string>().ShouldBe("SUCCESS");
        var (began, ended) = (Millis(start["eventTime"]!), Millis(complete["eventTime"]!));
        events[0]!["durationMillis"]!.GetValue<long>().ShouldBe(ended - began);
        first["properties"]!["created"]!["time"]!.GetValue<long>().ShouldBe(began);

        var before = await VersionsAsync(outOfOrder);
        await SendOkAsync(WithRun(complete, outOfOrder), "/api/v1/lineage");
        await SendOkAsync(WithRun(start, outOfOrder), "/api/v1/lineage");
        (await VersionsAsync(outOfOrder)).ShouldBe(before);
        (await RunAsync(outOfOrder)).ToJsonString().ShouldBe(second.ToJsonString());
    }

    [Fact]
    public async Task a_failed_run_reads_back_as_a_failure_with_its_error_message()
    {
        var runId = Guid.NewGuid().ToString();
        await SendOkAsync(WithRun(Fixture("openlineage-dbt-failed-run-1-start.json"), runId), "/api/v1/lineage");
        await SendOkAsync(WithRun(Fixture("openlineage-dbt-failed-run-6-fail.json"), runId), "/api/v1/lineage");

        var run = await RunAsync(runId);

        run["events"]![0]!["result"]!.ToJsonString().ShouldBe("""{"type":"FAILURE","nativeResultType":"FAIL"}""");
        run["properties"]!["customProperties"]!["errorMessage"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("{not json", "body", "not valid JSON")]
    [InlineData("""{"eventTime": "2024-01-01T00:00:00Z", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}""", "eventType", "required field is missing")]
    [InlineData("""{"eventType": "START", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}""", "eventTime", "required field is missing")]
    [InlineData("""{"eventType": "START", "eventTime": "yesterday", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}""", "eventTime", "not an ISO 8601")]
    [InlineData("""{"eventType": "START", "eventTime": "2024-01-01T00:00:00Z", "run": {}, "job": {"namespace": "n", "name": "j"}}""", "run.runId", "required field is missing")]
    [InlineData("""{"eventType": "START", "eventTime": "2024-01-01T00:00:00Z", "run": {"runId": 7}, "job": {"namespace": "n", "name": "j"}}""", "run.runId", "expected a string")]
    [InlineData("""{"eventType": "START", "eventTime": "2024-01-01T00:00:00Z", "run": {"runId": "r"}}""", "job", "required field is missing")]
    [InlineData("""{"eventType": "BEGIN", "eventTime": "2024-01-01T00:00:00Z", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}}""", "eventType", "is not one of")]
    [InlineData("""{"eventType": "START", "eventTime": "2024-01-01T00:00:00Z", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}, "inputs": {}}""", "inputs", "expected an array")]
    [InlineData("""{"eventType": "START", "eventTime": "2024-01-01T00:00:00Z", "run": {"runId": "r"}, "job": {"namespace": "n", "name": "j"}, "outputs": [{"namespace": "s3://b"}]}""", "outputs[0].name", "required field is missing")]
    public async Task a_bad_event_is_a_400_naming_the_field_and_writes_nothing(string body, string path, string reason)
    {
        var marker = "badjob" + Guid.NewGuid().ToString("N")[..8];

        var response = await _gms.Http.PostAsync("/api/v1/lineage", new StringContent(body.Replace("\"j\"", $"\"{marker}\""), System.Text.Encoding.UTF8, "application/json"));

        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe(path);
        error["message"]!.GetValue<string>().ShouldContain(reason);
        var search = await DataHubWire.ReadObjectAsync(await _gms.Http.GetAsync($"/api/v1/search?q={marker}"));
        search["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task an_event_without_an_event_type_is_refused_though_the_spec_allows_it()
    {
        var response = await _gms.Http.PostAsJsonAsync("/api/v1/lineage", Fixture(NoEventType));

        (await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest))["path"]!.GetValue<string>().ShouldBe("eventType");
    }

    [Fact]
    public async Task an_event_needs_the_write_scope()
    {
        var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        var response = await anonymous.PostAsJsonAsync("/api/v1/lineage", Fixture("openlineage-python-run-event-start.json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>A fixture, with the placeholders some recorded events carry filled in.</summary>
    private static JsonObject Fixture(string name)
    {
        var text = File.ReadAllText(Path.Combine(FixtureRoot, name));
        if (text.Contains("${json-unit.any-string}", StringComparison.Ordinal))
        {
            var e = JsonNode.Parse(text)!.AsObject();
            e["eventTime"] = "2024-05-01T10:00:00Z";
            e["run"]!["runId"] = "0196a2c4-0000-7000-8000-000000000001";
            text = e.ToJsonString();
        }
        return JsonNode.Parse(text)!.AsObject();
    }

    private static JsonObject WithRun(JsonObject e, string runId)
    {
        var copy = e.DeepClone().AsObject();
        copy["run"]!["runId"] = runId;
        return copy;
    }

    private async Task<List<string>> SendOkAsync(JsonObject e, string path)
    {
        var response = await _gms.Http.PostAsJsonAsync(path, e);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await DataHubWire.ReadObjectAsync(response))["entities"]!.AsArray().Select(u => u!.GetValue<string>())];
    }

    /// <summary>The run's properties and its state events, newest first.</summary>
    private async Task<JsonObject> RunAsync(string runId)
    {
        var urn = $"urn:li:dataProcessInstance:{runId}";
        var properties = await _gms.GetAspectAsync(urn, "dataProcessInstanceProperties", "com.linkedin.dataprocess.DataProcessInstanceProperties");
        var values = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Post, "/aspects?action=getTimeseriesAspectValues",
            new JsonObject { ["urn"] = urn, ["entity"] = "dataProcessInstance", ["aspect"] = "dataProcessInstanceRunEvent" }));
        var events = values["value"]!["values"]!.AsArray()
            .Select(v => JsonNode.Parse(v!["aspect"]!["value"]!.GetValue<string>())).ToArray();
        return new JsonObject { ["properties"] = properties?.DeepClone(), ["events"] = new JsonArray(events) };
    }

    private async Task<string> VersionsAsync(string runId)
    {
        var history = await DataHubWire.ReadObjectAsync(await _gms.Http.GetAsync($"/api/v1/history?urn={Q($"urn:li:dataProcessInstance:{runId}")}"));
        return string.Join(",", history["aspects"]!.AsArray().Select(a => $"{a!["name"]}:{a["versions"]!.AsArray().Count}"));
    }

    private async Task<List<string>> Urns(string url)
    {
        var answer = await DataHubWire.ReadObjectAsync(await _gms.Http.GetAsync(url));
        return [.. answer["nodes"]!.AsArray().Select(n => n!["urn"]!.GetValue<string>())];
    }

    private async Task<List<string>> RelatedAsync(string urn, string type)
    {
        var answer = await DataHubWire.ReadObjectAsync(await _gms.Http.GetAsync($"/relationships?urn={Q(urn)}&types={type}&direction=OUTGOING"));
        return [.. answer["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>())];
    }

    /// <summary>The urns of the event's inputs or outputs, by the naming DatasetNamesTests pins.</summary>
    private static IEnumerable<string> Datasets(JsonObject e, string list) =>
        (e[list] as JsonArray ?? []).OfType<JsonObject>().Select(DatasetUrn).Distinct();

    private static string DatasetUrn(JsonObject dataset) =>
        Api.OpenLineage.Mapping.DatasetNames.UrnOf(dataset["namespace"]!.GetValue<string>(), dataset["name"]!.GetValue<string>()).ToString();

    private static long Millis(JsonNode time) => DateTimeOffset.Parse(time.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private static string Q(string urn) => DataHubWire.Quote(urn);
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_openlineage(SqliteApiFactory factory) : OpenLineageEventTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_openlineage(Neo4jApiFactory factory) : OpenLineageEventTests(factory);
