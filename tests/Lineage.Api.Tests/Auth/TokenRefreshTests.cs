using Lineage.Api.Auth;
using Lineage.Api.Auth.Persistence;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Tests.Neo4j;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Tests.Auth;

/// <summary>An instance whose Neo4j goes away keeps checking the tokens it has, and catches up once Neo4j is back.</summary>
[Collection(Neo4jApiCollection.Name)]
public sealed class TokenRefreshTests : IAsyncLifetime
{
    private readonly CuttableProxy _proxy = new(new Uri(Neo4jServer.Options().Uri));
    private readonly CapturingLoggerProvider _logs = new();
    private CypherClient _cut = null!;
    private CypherClient _direct = null!;

    public Task InitializeAsync()
    {
        var options = Neo4jServer.Options();
        _direct = new CypherClient(options);
        _cut = new CypherClient(new Neo4jOptions { Uri = _proxy.Uri, User = options.User, Password = options.Password, RetryBudget = TimeSpan.FromMilliseconds(300) });
        return Task.CompletedTask;
    }

    /// <summary>This instance's tokens, through the proxy the test cuts.</summary>
    private TokenStore Behind() => new(new Neo4jTokenPersistence(_cut), TimeProvider.System);

    /// <summary>Another instance's, straight to Neo4j.</summary>
    private TokenStore Elsewhere() => new(new Neo4jTokenPersistence(_direct), TimeProvider.System);

    [Fact]
    public async Task a_refresh_that_cannot_reach_neo4j_fails_and_keeps_the_tokens_it_has()
    {
        var tokens = Behind();
        var (_, text) = await tokens.CreateAsync("refresh: kept", TokenScope.Read, null, CancellationToken.None);

        _proxy.Down = true;
        await Should.ThrowAsync<StoreUnavailableException>(() => tokens.RefreshAsync(CancellationToken.None));
        (await tokens.AuthenticateAsync(text, CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task a_token_nobody_here_has_seen_cannot_be_checked_while_neo4j_is_gone()
    {
        var tokens = Behind();
        await tokens.InitializeAsync(CancellationToken.None);
        var (_, text) = await Elsewhere().CreateAsync("refresh: unseen", TokenScope.Read, null, CancellationToken.None);

        _proxy.Down = true;
        await Should.ThrowAsync<StoreUnavailableException>(async () => await tokens.AuthenticateAsync(text, CancellationToken.None));
        _proxy.Down = false;
        (await tokens.AuthenticateAsync(text, CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task the_refresh_loop_outlives_an_outage_with_one_warning_and_then_catches_up_with_a_revocation()
    {
        var tokens = Behind();
        var elsewhere = Elsewhere();
        var (made, text) = await elsewhere.CreateAsync("refresh: revoked during the outage", TokenScope.Read, null, CancellationToken.None);
        (await tokens.AuthenticateAsync(text, CancellationToken.None)).ShouldNotBeNull();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        var refresh = new TokenRefresh(tokens, Options.Create(new AuthOptions { RefreshInterval = TimeSpan.FromMilliseconds(100) }), loggers.CreateLogger<TokenRefresh>());
        await refresh.StartAsync(CancellationToken.None);
        try
        {
            _proxy.Down = true;
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await elsewhere.RevokeAsync(made.Id, CancellationToken.None);
            (await tokens.AuthenticateAsync(text, CancellationToken.None)).ShouldNotBeNull("with Neo4j gone, the last tokens read stay in use");
            refresh.ExecuteTask!.IsCompleted.ShouldBeFalse();
            _logs.Lines.Count(l => l.Level == LogLevel.Warning).ShouldBe(1);

            _proxy.Down = false;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (await tokens.AuthenticateAsync(text, CancellationToken.None) is not null && clock.Elapsed < TimeSpan.FromSeconds(5))
                await Task.Delay(20);
            (await tokens.AuthenticateAsync(text, CancellationToken.None)).ShouldBeNull("the revocation made during the outage reaches this instance once Neo4j is back");
        }
        finally
        {
            await refresh.StopAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        _cut.Dispose();
        _direct.Dispose();
        await _proxy.DisposeAsync();
    }
}
