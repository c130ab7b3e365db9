using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;

namespace Lineage.Api.Auth.Tokens;

/// <summary>
/// <c>POST /api/v1/admin/tokens</c> with <c>{"name", "scope": "read"|"write"|"admin", "expiresInDays"?}</c> → 201 with
/// the token's text, shown this once.
/// </summary>
internal sealed class CreateTokenEndpoint(TokenStore tokens, TimeProvider clock) : EndpointWithoutRequest
{
    private const int MaxDays = 3650;

    public override void Configure()
    {
        Post("/api/v1/admin/tokens");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(HttpContext.Request, ct);
        var name = JsonBody.RequiredString(body, "name", "name").Trim();
        if (name.Length is 0 or > 200) throw new ValidationException("name", "must be 1 to 200 characters");
        var scopeText = JsonBody.RequiredString(body, "scope", "scope");
        var scope = Enum.TryParse<TokenScope>(scopeText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(scopeText, out _)
            ? parsed : throw new ValidationException("scope", $"'{scopeText}' is not read, write or admin");
        DateTimeOffset? expiresAt = body["expiresInDays"] switch
        {
            null => null,
            System.Text.Json.Nodes.JsonValue v when v.TryGetValue<int>(out var days) && days is > 0 and <= MaxDays => clock.GetUtcNow().AddDays(days),
            _ => throw new ValidationException("expiresInDays", $"expected a whole number of days from 1 to {MaxDays}"),
        };

        var (token, text) = await tokens.CreateAsync(name, scope, expiresAt, ct);
        var answer = TokenWire.Of(token, clock.GetUtcNow());
        answer["token"] = text;
        await Send.ResponseAsync(answer, 201, ct);
    }
}
