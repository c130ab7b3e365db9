using System.Net.Http.Headers;
using Lineage.Api.Auth;
using Lineage.Api.Auth.Persistence;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Tests.Neo4j;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Tests.Support;

/// <summary>Clients that carry the admin token a host generated on its first start, as an operator would use it.</summary>
public static class AuthorizedClients
{
    private static readonly Lock Minting = new();

    /// <summary>
    /// The text of the admin token in the host's data directory. The shared Neo4j test server has its admin token from
    /// the first host that ever started on it, so a later host writes none: it gets one made with its own token store,
    /// as an operator would make one for a new instance, written where its own would be so that every call agrees.
    /// </summary>
    public static string AdminToken(IServiceProvider services)
    {
        var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        var path = Path.Combine(store.DataDirectory, "admin.token");
        lock (Minting)
        {
            // An embedded store always has its own: a missing file there is a failure to see.
            if (File.Exists(path) || store.Store != StoreOptions.Neo4j) return File.ReadAllText(path).Trim();
            var tokens = services.GetRequiredService<TokenStore>();
            var (_, text) = Task.Run(() => tokens.CreateAsync("test admin", TokenScope.Admin, null, CancellationToken.None)).GetAwaiter().GetResult();
            File.WriteAllText(path, text);
            return text;
        }
    }

    /// <summary>
    /// Makes an admin token in the shared Neo4j test server and writes it to <c>admin.token</c> in
    /// <paramref name="dataDirectory"/>, for a service process about to start there on that server (see
    /// <see cref="AdminToken"/>); a server with no admin token yet gets its own from the process, which replaces it.
    /// </summary>
    public static async Task WriteSharedNeo4jAdminTokenAsync(string dataDirectory)
    {
        using var client = new CypherClient(Neo4jServer.Options());
        var (_, text) = await new TokenStore(new Neo4jTokenPersistence(client), TimeProvider.System)
            .CreateAsync("test admin", TokenScope.Admin, null, CancellationToken.None);
        Directory.CreateDirectory(dataDirectory);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "admin.token"), text);
    }

    public static void Authorize(HttpClient client, string token) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>A client of the host with its admin token.</summary>
    public static HttpClient CreateAuthorizedClient(this WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        Authorize(client, AdminToken(factory.Services));
        return client;
    }
}
