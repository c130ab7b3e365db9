using Lineage.Api.Auth;
using Lineage.Api.Auth.Persistence;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Tests.Neo4j;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Tests.Auth;

/// <summary>
/// Instances starting on one Neo4j at the same moment make one admin token between them, and only the one that made
/// it writes <c>admin.token</c>. The store is a bootstrap key of the test's own on the shared server.
/// </summary>
[Collection(Neo4jApiCollection.Name)]
public sealed class TokenBootstrapTests : IDisposable
{
    private readonly string _key = $"test-{Guid.NewGuid():N}";
    private readonly List<IDisposable> _owned = [];
    private readonly List<string> _directories = [];

    /// <summary>What an instance runs at start: its own client, token store and data directory.</summary>
    private (TokenBootstrap Bootstrap, TokenStore Tokens, string Directory) Instance()
    {
        var client = new CypherClient(Neo4jServer.Options());
        var directory = Path.Combine(Path.GetTempPath(), "lineage-bootstrap-" + Guid.NewGuid().ToString("N"));
        var dataDirectory = DataDirectory.Claim(directory);
        _owned.Add(client);
        _owned.Add(dataDirectory);
        _directories.Add(directory);
        var tokens = new TokenStore(new Neo4jTokenPersistence(client, _key), TimeProvider.System);
        return (new TokenBootstrap(tokens, Options.Create(new AuthOptions()), dataDirectory, NullLogger<TokenBootstrap>.Instance), tokens, directory);
    }

    [Fact]
    public async Task instances_starting_together_make_one_admin_token_and_only_its_maker_writes_it()
    {
        var instances = Enumerable.Range(0, 3).Select(_ => Instance()).ToList();

        await Task.WhenAll(instances.Select(i => i.Bootstrap.StartAsync(CancellationToken.None)));

        var written = instances.Where(i => File.Exists(Path.Combine(i.Directory, TokenBootstrap.FileName))).ToList();
        written.Count.ShouldBe(1);
        var text = (await File.ReadAllTextAsync(Path.Combine(written[0].Directory, TokenBootstrap.FileName))).Trim();
        foreach (var (_, tokens, _) in instances)
            (await tokens.AuthenticateAsync(text, CancellationToken.None))!.Scope.ShouldBe(TokenScope.Admin);
    }

    [Fact]
    public async Task an_instance_started_later_writes_no_admin_token()
    {
        var first = Instance();
        await first.Bootstrap.StartAsync(CancellationToken.None);
        File.Exists(Path.Combine(first.Directory, TokenBootstrap.FileName)).ShouldBeTrue();

        var later = Instance();
        await later.Bootstrap.StartAsync(CancellationToken.None);
        File.Exists(Path.Combine(later.Directory, TokenBootstrap.FileName)).ShouldBeFalse();
    }

    [Fact]
    public async Task an_instance_upgraded_from_tokens_of_its_own_keeps_them_in_the_shared_store()
    {
        var ct = CancellationToken.None;
        var upgraded = Instance();
        // Before tokens were shared, the instance kept them in auth.db in its data directory, and its first start wrote admin.token.
        var own = new TokenStore(new SqliteTokenPersistence(SqliteTokenPersistence.PathIn(upgraded.Directory)), TimeProvider.System);
        var (_, adminText) = (await own.CreateFirstAdminAsync("admin (generated on first start)", ct))!.Value;
        var adminFile = Path.Combine(upgraded.Directory, TokenBootstrap.FileName);
        await File.WriteAllTextAsync(adminFile, adminText, ct);
        var (_, writerText) = await own.CreateAsync("ci", TokenScope.Write, null, ct);
        var (leaked, leakedText) = await own.CreateAsync("leaked", TokenScope.Read, null, ct);
        await own.RevokeAsync(leaked.Id, ct);

        await upgraded.Bootstrap.StartAsync(ct);

        (await upgraded.Tokens.AuthenticateAsync(adminText, ct))!.Scope.ShouldBe(TokenScope.Admin);
        (await upgraded.Tokens.AuthenticateAsync(writerText, ct))!.Scope.ShouldBe(TokenScope.Write);
        (await upgraded.Tokens.AuthenticateAsync(leakedText, ct)).ShouldBeNull("a token revoked before the upgrade stays revoked");
        (await File.ReadAllTextAsync(adminFile, ct)).ShouldBe(adminText, "its admin token counts as the store's first: no other is made");
        File.Exists(SqliteTokenPersistence.PathIn(upgraded.Directory)).ShouldBeFalse();
        File.Exists(SqliteTokenPersistence.PathIn(upgraded.Directory) + ".imported").ShouldBeTrue();

        var other = Instance();
        await other.Bootstrap.StartAsync(ct);
        (await other.Tokens.AuthenticateAsync(writerText, ct))!.Scope.ShouldBe(TokenScope.Write, "every instance on the store has them");
        (await other.Tokens.AuthenticateAsync(leakedText, ct)).ShouldBeNull();
        File.Exists(Path.Combine(other.Directory, TokenBootstrap.FileName)).ShouldBeFalse();
    }

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
        foreach (var directory in _directories)
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
