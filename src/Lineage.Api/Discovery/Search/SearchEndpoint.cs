using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Search.Querying;

namespace Lineage.Api.Discovery.Search;

/// <summary>
/// <c>GET /api/v1/search?q=&amp;types=&amp;platform=&amp;origin=&amp;tag=&amp;term=&amp;domain=&amp;owner=&amp;deprecated=&amp;includeRemoved=&amp;start=&amp;count=</c>:
/// a page of entities matching every word, with facets over all hits.
/// </summary>
internal sealed class SearchEndpoint(SearchService search) : Endpoint<SearchEntitiesRequest, SearchResults>
{
    public override void Configure()
    {
        Get("/api/v1/search");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(SearchEntitiesRequest req, CancellationToken ct) =>
        await Send.OkAsync(search.Search(new SearchRequest(
            req.Q ?? "",
            RestLi.Expand(req.Types),
            RestLi.Expand(req.Platform),
            RestLi.Expand(req.Origin),
            RestLi.Expand(req.Tag),
            RestLi.Expand(req.Term),
            RestLi.Expand(req.Domain),
            RestLi.Expand(req.Owner),
            req.Deprecated,
            req.IncludeRemoved,
            req.Start,
            req.Count)), ct);
}
