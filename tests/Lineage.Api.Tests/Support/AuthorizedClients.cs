using System.Net.Http.Headers;
using Lineage.Graph.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Tests.Support;

/// <summary>Clients that carry the admin token a host generated on its first start, as an operator would use it.</summary>
public static class AuthorizedClients
{
    /// <summary>The text of the admin token in the host's data directory.</summary>
    public static string AdminToken(IServiceProvider services)
    {
        var directory = services.GetRequiredService<IOptions<StoreOptions>>().Value.DataDirectory;
        return File.ReadAllText(Path.Combine(directory, "admin.token")).Trim();
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
