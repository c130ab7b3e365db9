using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Search.Querying;

namespace Lineage.Api.Discovery.Autocomplete;

/// <summary><c>GET /api/v1/autocomplete?q=&amp;types=&amp;limit=</c>: name suggestions as a person types.</summary>
internal sealed class AutocompleteEndpoint(AutocompleteService autocomplete) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/autocomplete");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        RestLi.OnlyParameters(HttpContext, "q", "types", "limit");
        var text = HttpContext.Request.Query["q"].ToString();
        var suggestions = autocomplete.Suggest(text, RestLi.List(HttpContext, "types"), RestLi.Int(HttpContext, "limit", 10, 1, 100));
        await Send.OkAsync(new { query = text, suggestions }, ct);
    }
}
