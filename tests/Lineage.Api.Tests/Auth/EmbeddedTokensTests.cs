using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Auth;
using Lineage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Lineage.Api.Tests.Auth;

/// <summary>On the embedded store the tokens stay in <c>&lt;dataDir&gt;/auth.db</c>, and an auth.db from before reads as it did.</summary>
public sealed class EmbeddedTokensTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-embedded-tokens-" + Guid.NewGuid().ToString("N"));

    private WebApplicationFactory<Program> Host() => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        b.UseSetting("Lineage:Store", "embedded").UseSetting("Lineage:DataDirectory", _dataDirectory));

    private string AuthDb => Path.Combine(_dataDirectory, "auth.db");

    private List<(string Id, bool Revoked)> Rows()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = AuthDb, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, revoked FROM tokens";
        using var reader = select.ExecuteReader();
        var rows = new List<(string, bool)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt64(1) != 0));
        return rows;
    }

    [Fact]
    public async Task tokens_made_and_revoked_on_the_embedded_store_are_rows_of_auth_db()
    {
        using var host = Host();
        var response = await host.CreateAuthorizedClient().PostAsJsonAsync("/api/v1/admin/tokens", new JsonObject { ["name"] = "embedded", ["scope"] = "read" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        (await host.CreateAuthorizedClient().DeleteAsync($"/api/v1/admin/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rows = Rows();
        rows.Count.ShouldBe(2, "the admin token made on the first start, and this one");
        rows.ShouldContain((id, true));
    }

    [Fact]
    public async Task an_auth_db_written_before_tokens_could_live_in_neo4j_keeps_working_and_no_admin_token_is_made()
    {
        // The table and a row as the service wrote them before: scope as a number, times in Unix ms, the hash as a blob.
        Directory.CreateDirectory(_dataDirectory);
        var (id, text, hash) = TokenSecret.New();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = AuthDb, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE tokens (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, scope INTEGER NOT NULL, created_at INTEGER NOT NULL,
                    expires_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0, secret_hash BLOB NOT NULL);
                INSERT INTO tokens (id, name, scope, created_at, expires_at, revoked, secret_hash)
                VALUES ($id, 'from before', 2, 1796409142344, NULL, 0, $hash);
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$hash", hash);
            command.ExecuteNonQuery();
        }

        using var host = Host();
        var client = host.CreateClient();
        AuthorizedClients.Authorize(client, text);
        var listed = await client.GetAsync("/api/v1/admin/tokens");
        listed.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a write token from before is known, with its scope");
        File.Exists(Path.Combine(_dataDirectory, TokenBootstrap.FileName)).ShouldBeFalse();
        Rows().ShouldBe([(id, false)]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
