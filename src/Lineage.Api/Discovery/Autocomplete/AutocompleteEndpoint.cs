using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Search.Querying;

namespace Lineage.Api.Discovery.Autocomplete;

/// <summary><c>GET /api/v1/autocomplete?q=&amp;types=&amp;limit=</c>: name suggestions as a person types.</summary>
internal sealed class AutocompleteEndpoint(AutocompleteService autocomplete) : Endpoint<AutocompleteRequest, AutocompleteResponse>
{
    public override void Configure()
    {
        Get("/api/v1/autocomplete");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(AutocompleteRequest req, CancellationToken ct)
    {
        var text = req.Q ?? "";
        await Send.OkAsync(new AutocompleteResponse(text, autocomplete.Suggest(text, RestLi.Expand(req.Types), req.Limit)), ct);
    }
}
