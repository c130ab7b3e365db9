using Lineage.Api.Auth;
using Lineage.Api.Auth.Persistence;

namespace Lineage.Api.Tests.Auth;

/// <summary>What checking a token costs the shared store: a token this instance has not seen is looked up once per refresh.</summary>
public sealed class TokenStoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task a_token_nobody_made_is_looked_up_once_until_the_next_refresh()
    {
        var shared = new CountingSharedPersistence();
        var tokens = new TokenStore(shared, TimeProvider.System);
        var (_, text, _) = TokenSecret.New();

        for (var i = 0; i < 5; i++) (await tokens.AuthenticateAsync(text, Ct)).ShouldBeNull();
        shared.Lookups.ShouldBe(1);

        await tokens.RefreshAsync(Ct);
        (await tokens.AuthenticateAsync(text, Ct)).ShouldBeNull();
        shared.Lookups.ShouldBe(2, "after a refresh the id is looked up again");
    }

    [Fact]
    public async Task a_token_made_on_another_instance_after_a_vain_lookup_works_after_the_next_refresh()
    {
        var shared = new CountingSharedPersistence();
        var here = new TokenStore(shared, TimeProvider.System);
        var (id, text, hash) = TokenSecret.New();
        (await here.AuthenticateAsync(text, Ct)).ShouldBeNull();

        // Another instance on the same store makes that token.
        await shared.CreateAsync(new AccessToken(id, "made elsewhere", TokenScope.Read, DateTimeOffset.UtcNow, null, false, hash), Ct);
        await here.RefreshAsync(Ct);

        (await here.AuthenticateAsync(text, Ct))!.Id.ShouldBe(id);
    }

    /// <summary>Tokens other instances share (as in Neo4j), in memory, counting the lookups of one id.</summary>
    private sealed class CountingSharedPersistence : ITokenPersistence
    {
        private readonly Dictionary<string, AccessToken> _tokens = [];

        public int Lookups { get; private set; }

        public string Location => "memory";

        public bool IsShared => true;

        public Task InitializeAsync(CancellationToken ct) => Task.CompletedTask;

        public Task<IReadOnlyList<AccessToken>> LoadAllAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<AccessToken>>([.. _tokens.Values]);

        public Task<AccessToken?> FindAsync(string id, CancellationToken ct)
        {
            Lookups++;
            return Task.FromResult(_tokens.GetValueOrDefault(id));
        }

        public Task CreateAsync(AccessToken token, CancellationToken ct)
        {
            _tokens.TryAdd(token.Id, token);
            return Task.CompletedTask;
        }

        public Task<AccessToken?> RevokeAsync(string id, CancellationToken ct) =>
            Task.FromResult(_tokens.TryGetValue(id, out var token) ? _tokens[id] = token with { Revoked = true } : null);

        public Task<bool> CreateFirstAdminAsync(AccessToken admin, CancellationToken ct) => Task.FromResult(false);
    }
}
