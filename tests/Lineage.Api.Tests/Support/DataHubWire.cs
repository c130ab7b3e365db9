using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// Sends what DataHub's Python client sends (shared/reference/clients.md): Rest.li headers, the aspect serialised
/// a second time as a JSON string, URNs quoted with nothing safe.
/// </summary>
public sealed class DataHubWire(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static string Quote(string urn) => Uri.EscapeDataString(urn);

    public static JsonObject Proposal(string urn, string aspectName, JsonNode? value, string changeType = "UPSERT",
        JsonObject? headers = null)
    {
        var proposal = new JsonObject
        {
            ["entityType"] = urn.Split(':')[2],
            ["entityUrn"] = urn,
            ["changeType"] = changeType,
            ["aspectName"] = aspectName,
            ["systemMetadata"] = new JsonObject
            {
                ["lastObserved"] = 1718000000000,
                ["runId"] = "no-run-id-provided",
                ["properties"] = new JsonObject { ["clientId"] = "acryl-datahub", ["clientVersion"] = "1.3.0" },
            },
        };
        if (value is not null)
        {
            proposal["aspect"] = new JsonObject
            {
                ["value"] = value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default }),
                ["contentType"] = changeType == "PATCH" ? "application/json-patch+json" : "application/json",
            };
        }
        if (headers is not null) proposal["headers"] = headers;
        return proposal;
    }

    public Task<HttpResponseMessage> EmitAsync(JsonObject proposal) =>
        Send(HttpMethod.Post, "/aspects?action=ingestProposal", new JsonObject { ["proposal"] = proposal, ["async"] = "false" });

    public Task<HttpResponseMessage> EmitAsync(string urn, string aspectName, JsonNode? value, string changeType = "UPSERT") =>
        EmitAsync(Proposal(urn, aspectName, value, changeType));

    public Task<HttpResponseMessage> EmitBatchAsync(params JsonObject[] proposals) =>
        Send(HttpMethod.Post, "/aspects?action=ingestProposalBatch",
            new JsonObject { ["proposals"] = new JsonArray([.. proposals]), ["async"] = "false" });

    /// <summary>Emits and fails the test unless the server answered 200.</summary>
    public async Task UpsertAsync(string urn, string aspectName, JsonNode value)
    {
        var response = await EmitAsync(urn, aspectName, value);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new Xunit.Sdk.XunitException($"UPSERT {aspectName} of {urn}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary><c>graph.get_aspect</c>: the aspect's value, or null on 404.</summary>
    public async Task<JsonObject?> GetAspectAsync(string urn, string aspectName, string schemaClass, int version = 0)
    {
        var response = await Send(HttpMethod.Get, $"/aspects/{Quote(urn)}?aspect={aspectName}&version={version}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        var body = await ReadObjectAsync(response);
        return body["aspect"]![schemaClass]!.AsObject();
    }

    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-RestLi-Protocol-Version", "2.0.0");
        request.Content = body is null
            ? new StringContent("", System.Text.Encoding.UTF8, "application/json")
            : JsonContent.Create(body);
        return await Http.SendAsync(request);
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new Xunit.Sdk.XunitException($"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The JSON error of a refused request: the status expected, a JSON body repeating it, no stack trace.</summary>
    public static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(text)!.AsObject();
        body["status"]!.GetValue<int>().ShouldBe((int)status);
        body.ContainsKey("stackTrace").ShouldBeFalse();
        return body;
    }
}
