using System.Net;
using System.Text.RegularExpressions;
using FastEndpoints;
using Lineage.Api.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace Lineage.Api.Tests.ApiDocs;

/// <summary>The OpenAPI document at /openapi/v1.json: public, valid OpenAPI 3, and a true list of the service's endpoints.</summary>
[Collection(SqliteApiCollection.Name)]
public sealed partial class ApiDocumentTests(SqliteApiFactory factory)
{
    [Fact]
    public async Task the_document_needs_no_token_and_reads_as_openapi_3_without_errors()
    {
        var response = await Anonymous().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");

        var document = new OpenApiStringReader().Read(await response.Content.ReadAsStringAsync(), out var diagnostic);
        diagnostic.Errors.ShouldBeEmpty(string.Join("\n", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        diagnostic.SpecificationVersion.ShouldBe(OpenApiSpecVersion.OpenApi3_0);
        document.Info.Title.ShouldBe("Lineage");
        document.Info.Description.ShouldNotBeNullOrWhiteSpace();
        document.Info.Version.ShouldNotBeNullOrWhiteSpace();

        // An endpoint that declares no response type still answers JSON, not FastEndpoints' guess of 204.
        document.Paths["/health"].Operations[OperationType.Get].Responses.Keys.ShouldBe(["200"]);

        var scheme = document.Components.SecuritySchemes["bearer"];
        scheme.Type.ShouldBe(SecuritySchemeType.Http);
        scheme.Scheme.ShouldBe("bearer");
    }

    [Fact]
    public async Task every_endpoint_is_in_the_document_and_each_that_refuses_a_request_without_a_token_says_it_needs_one()
    {
        var document = await DocumentAsync();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EndpointDefinition>() is not null)
            .SelectMany(e => e.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods.Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(20);

        foreach (var (method, route) in endpoints)
        {
            var path = "/" + RouteParameter().Replace(route, "{$1}").TrimStart('/');
            document.Paths.ShouldContainKey(path, $"{method} {route}");
            var operations = document.Paths[path].Operations;
            var type = Enum.Parse<OperationType>(method, ignoreCase: true);
            operations.ShouldContainKey(type, $"{method} {route}");

            // What the document says must be what the service does: ask it without a token.
            var refused = await Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), RouteParameter().Replace(route, "x")));
            var needsBearer = operations[type].Security.Any(r => r.Keys.Any(s => s.Reference.Id == "bearer"));
            needsBearer.ShouldBe(refused.StatusCode == HttpStatusCode.Unauthorized, $"{method} {route} answered {(int)refused.StatusCode} without a token");
        }
    }

    [Fact]
    public async Task operations_and_schemas_have_names_of_their_own_not_numbered_copies()
    {
        var document = await DocumentAsync();
        var operationIds = document.Paths.Values.SelectMany(p => p.Operations.Values).Select(o => o.OperationId).ToList();
        // The generator numbers a second "Request" or "Endpoint" (Request2): a generated client's names would say nothing.
        Numbered(operationIds).ShouldBeEmpty("operation ids");
        Numbered(document.Components.Schemas.Keys.ToList()).ShouldBeEmpty("schema names");
    }

    private static List<string> Numbered(IReadOnlyCollection<string> names) =>
        [.. names.Where(n => TrailingNumber().Match(n) is { Success: true } m && names.Contains(m.Groups[1].Value))];

    [Fact]
    public async Task the_page_and_every_file_it_loads_need_no_token()
    {
        var client = Anonymous();
        var page = await client.GetAsync("/docs/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var files = Source().Matches(await page.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        files.ShouldNotBeEmpty();
        foreach (var file in files)
            (await client.GetAsync(new Uri(new Uri("http://localhost/docs/"), file))).StatusCode.ShouldBe(HttpStatusCode.OK, file);

        (await client.GetAsync("/docs")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Only reading is open there.
        // Only reading the page is open: no endpoint takes a POST there.
        (await client.PostAsync("/docs/", new StringContent("{}"))).IsSuccessStatusCode.ShouldBeFalse();
    }

    private HttpClient Anonymous()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    private async Task<OpenApiDocument> DocumentAsync() =>
        new OpenApiStringReader().Read(await Anonymous().GetStringAsync("/openapi/v1.json"), out _);

    /// <summary>A route parameter with its catch-all stars and constraints, as in <c>{**urn}</c> or <c>{id:int}</c>.</summary>
    [GeneratedRegex(@"\{\**([^}:?=]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"^(.*\D)\d+$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex("""src="([^"]+)""")]
    private static partial Regex Source();
}
