using System.Text.Json.Nodes;
using Lineage.Graph.Storage.Neo4j;

namespace Lineage.Api.Auth.Persistence;

/// <summary>
/// The tokens as <c>:ApiToken</c> nodes in Neo4j, shared by every instance on the server, the secret's hash in base64.
/// Every statement is a file under <c>cypher/auth/</c>; values travel as parameters.
/// </summary>
internal sealed class Neo4jTokenPersistence(CypherClient client, string bootstrapKey) : ITokenPersistence
{
    /// <summary>The id of the store's one bootstrap node.</summary>
    public const string StoreBootstrap = "main";

    public Neo4jTokenPersistence(CypherClient client) : this(client, StoreBootstrap)
    {
    }

    public string Location => $"Neo4j at {client.Options.Uri}";

    public bool IsShared => true;

    public async Task InitializeAsync(CancellationToken ct)
    {
        var major = await client.MajorVersionAsync(ct);
        // A schema statement cannot share a transaction with anything else.
        foreach (var name in TokenCypher.Schema)
            await client.RunAsync([Statement(CypherCatalog.SchemaFor(name, major), [])], ct);
    }

    public async Task<IReadOnlyList<AccessToken>> LoadAllAsync(CancellationToken ct) =>
        [.. (await RunOneAsync(Statement(TokenCypher.Tokens, []), ct)).Rows.Select(Read)];

    public async Task<AccessToken?> FindAsync(string id, CancellationToken ct) =>
        (await RunOneAsync(Statement(TokenCypher.Token, new JsonObject { ["id"] = id }), ct)).Rows.Select(Read).SingleOrDefault();

    public Task CreateAsync(AccessToken token, CancellationToken ct) => RunOneAsync(Statement(TokenCypher.CreateToken, Parameters(token)), ct);

    public async Task<AccessToken?> RevokeAsync(string id, CancellationToken ct) =>
        (await RunOneAsync(Statement(TokenCypher.RevokeToken, new JsonObject { ["id"] = id }), ct)).Rows.Select(Read).SingleOrDefault();

    public async Task<bool> CreateFirstAdminAsync(AccessToken admin, CancellationToken ct)
    {
        var parameters = Parameters(admin);
        parameters["key"] = bootstrapKey;
        return (await RunOneAsync(Statement(TokenCypher.CreateFirstAdmin, parameters), ct)).Rows.Count == 1;
    }

    private static JsonObject Parameters(AccessToken token) => new()
    {
        ["id"] = token.Id,
        ["name"] = token.Name,
        ["scope"] = Scope.Name(token.Scope),
        ["createdAt"] = token.CreatedAt.ToUnixTimeMilliseconds(),
        ["expiresAt"] = token.ExpiresAt?.ToUnixTimeMilliseconds(),
        ["secretHash"] = Convert.ToBase64String(token.SecretHash),
    };

    /// <summary>A row of auth/tokens: id, name, scope, createdAt, expiresAt, revoked, secretHash.</summary>
    private static AccessToken Read(JsonArray row) => new(
        row[0]!.GetValue<string>(), row[1]!.GetValue<string>(), Enum.Parse<TokenScope>(row[2]!.GetValue<string>(), ignoreCase: true),
        DateTimeOffset.FromUnixTimeMilliseconds(row[3]!.GetValue<long>()),
        row[4] is { } expiry ? DateTimeOffset.FromUnixTimeMilliseconds(expiry.GetValue<long>()) : null,
        row[5]!.GetValue<bool>(), Convert.FromBase64String(row[6]!.GetValue<string>()));

    private async Task<CypherResult> RunOneAsync(CypherStatement statement, CancellationToken ct) => (await client.RunAsync([statement], ct))[0];

    private static CypherStatement Statement(string name, JsonObject parameters) => new(name, CypherCatalog.Get(name), parameters);
}
