using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Tests.Support;
using Lineage.Api.Wire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lineage.Api.Tests.Auth;

/// <summary>
/// Every endpoint the host registers declares who may call it, and the declaration is the one below: an endpoint
/// added, removed or re-scoped without this table changing fails here.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class EndpointScopeTests(SqliteApiFactory host)
{
    private const string Public = "anonymous";

    /// <summary>"VERB route[?action=name]" → the scope it declares (the least a token needs), or anonymous.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["GET /health"] = Public,
        ["GET /config"] = Public,

        ["POST /aspects?action=ingestProposal"] = Scope.Write,
        ["POST /aspects?action=ingestProposalBatch"] = Scope.Write,
        ["POST /aspects?action=getTimeseriesAspectValues"] = Scope.Read,
        ["POST /entities?action=ingest"] = Scope.Write,
        ["POST /entities?action=batchIngest"] = Scope.Write,
        ["POST /entities?action=delete"] = Scope.Write,
        ["GET /aspects/{**urn}"] = Scope.Read,
        ["GET /entities/{**urn}"] = Scope.Read,
        ["GET /entitiesV2/{**urn}"] = Scope.Read,
        ["GET /relationships"] = Scope.Read,

        ["POST /openapi/v3/entity/{entityType}"] = Scope.Write,
        ["PATCH /openapi/v3/entity/{entityType}"] = Scope.Write,
        ["POST /openapi/v3/entity/{entityType}/{**urn}"] = Scope.Write,
        ["GET /openapi/v3/entity/{entityType}/{**urn}"] = Scope.Read,
        ["HEAD /openapi/v3/entity/{entityType}/{**urn}"] = Scope.Read,
        ["DELETE /openapi/v3/entity/{entityType}/{**urn}"] = Scope.Write,

        ["GET /api/v1/lineage"] = Scope.Read,
        ["GET /api/v1/lineage/path"] = Scope.Read,
        ["GET /api/v1/impact"] = Scope.Read,
        ["GET /api/v1/search"] = Scope.Read,
        ["GET /api/v1/autocomplete"] = Scope.Read,
        ["GET /api/v1/history"] = Scope.Read,
        ["GET /api/v1/export"] = Scope.Read,
        ["GET /api/v1/changes"] = Scope.Read,
        ["GET /api/v1/changes/stream"] = Scope.Read,
        ["POST /api/v1/import"] = Scope.Write,
        ["GET /api/graphql"] = Scope.Read,
        ["POST /api/graphql"] = Scope.Read,

        ["POST /api/v1/admin/tokens"] = Scope.Admin,
        ["POST /api/v1/lineage"] = Scope.Write,
        ["POST /openapi/openlineage/api/v1/lineage"] = Scope.Write,
        ["GET /api/v1/admin/tokens"] = Scope.Admin,
        ["DELETE /api/v1/admin/tokens/{id}"] = Scope.Admin,
        ["POST /api/v1/admin/webhooks"] = Scope.Admin,
        ["GET /api/v1/admin/webhooks"] = Scope.Admin,
        ["GET /api/v1/admin/webhooks/{id}"] = Scope.Admin,
        ["DELETE /api/v1/admin/webhooks/{id}"] = Scope.Admin,
        ["POST /api/v1/admin/webhooks/{id}/enable"] = Scope.Admin,
        ["GET /api/v1/admin/webhooks/{id}/deliveries"] = Scope.Admin,
        ["POST /api/v1/admin/reindex"] = Scope.Admin,
    };

    [Fact]
    public void every_registered_endpoint_declares_the_scope_the_table_gives()
    {
        var declared = new Dictionary<string, string>();
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<EndpointDefinition>() is not { } definition) continue;
            var action = endpoint.Metadata.GetMetadata<RestLiAction>() is { } a ? $"?action={a.Name}" : "";
            foreach (var verb in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var scope = definition.AnonymousVerbs?.Contains(verb) == true ? Public : string.Join(",", definition.AllowedScopes ?? []);
                declared.Add($"{verb} /{endpoint.RoutePattern.RawText!.TrimStart('/')}{action}", scope);
            }
        }

        declared.OrderBy(e => e.Key).ShouldBe(Expected.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task a_path_no_endpoint_serves_is_a_json_404_with_or_without_a_token()
    {
        var anonymous = host.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        foreach (var client in new[] { host.CreateClient(), anonymous })
        {
            var response = await client.GetAsync("/api/v1/lineagee?urn=x");
            (await DataHubWire.ErrorAsync(response, System.Net.HttpStatusCode.NotFound))["message"]!.GetValue<string>()
                .ShouldContain("GET /api/v1/lineagee");
        }
    }

    [Fact]
    public void an_endpoint_that_declares_no_scope_or_both_stops_start_up_naming_itself()
    {
        var silent = new EndpointDefinition(typeof(EndpointScopeTests), typeof(EmptyRequest), typeof(object));
        Should.Throw<InvalidOperationException>(() => DeclaredAccess.Require(silent)).Message.ShouldContain(nameof(EndpointScopeTests));

        var both = new EndpointDefinition(typeof(EndpointScopeTests), typeof(EmptyRequest), typeof(object));
        both.Scopes(Scope.Read);
        both.AllowAnonymous();
        Should.Throw<InvalidOperationException>(() => DeclaredAccess.Require(both)).Message.ShouldContain("not both");

        var scoped = new EndpointDefinition(typeof(EndpointScopeTests), typeof(EmptyRequest), typeof(object));
        scoped.Scopes(Scope.Write);
        DeclaredAccess.Require(scoped);
    }
}
