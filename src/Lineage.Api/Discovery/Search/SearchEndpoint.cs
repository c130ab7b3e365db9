using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Search.Querying;

namespace Lineage.Api.Discovery.Search;

/// <summary>
/// <c>GET /api/v1/search?q=&amp;types=&amp;platform=&amp;origin=&amp;tag=&amp;term=&amp;domain=&amp;owner=&amp;deprecated=&amp;includeRemoved=&amp;start=&amp;count=</c>:
/// a page of entities matching every word, with facets over all hits.
/// </summary>
internal sealed class SearchEndpoint(SearchService search) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/search");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        RestLi.OnlyParameters(HttpContext, "q", "types", "platform", "origin", "tag", "term", "domain", "owner", "deprecated", "includeRemoved", "start", "count");
        var deprecated = HttpContext.Request.Query["deprecated"].ToString();
        var request = new SearchRequest(
            HttpContext.Request.Query["q"].ToString(),
            RestLi.List(HttpContext, "types"),
            RestLi.List(HttpContext, "platform"),
            RestLi.List(HttpContext, "origin"),
            RestLi.List(HttpContext, "tag"),
            RestLi.List(HttpContext, "term"),
            RestLi.List(HttpContext, "domain"),
            RestLi.List(HttpContext, "owner"),
            deprecated.Length == 0 ? null : RestLi.Bool(HttpContext, "deprecated", false),
            RestLi.Bool(HttpContext, "includeRemoved", false),
            RestLi.Int(HttpContext, "start", 0, 0, 10_000),
            RestLi.Int(HttpContext, "count", 10, 0, 1_000));
        await Send.OkAsync(search.Search(request), ct);
    }
}
