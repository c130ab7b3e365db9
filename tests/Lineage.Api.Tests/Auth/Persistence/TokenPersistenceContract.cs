using Lineage.Api.Auth;
using Lineage.Api.Auth.Persistence;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Auth.Persistence;

/// <summary>What every place that keeps the API tokens does the same; each adapter enrols with an empty subclass.</summary>
public abstract class TokenPersistenceContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : TokenPersistenceFixture
{
    private static readonly DateTimeOffset Created = DateTimeOffset.FromUnixTimeMilliseconds(1_796_400_000_123);

    private static AccessToken NewToken(string name, TokenScope scope = TokenScope.Write, DateTimeOffset? expiresAt = null)
    {
        var (id, _, hash) = TokenSecret.New();
        return new AccessToken(id, name, scope, Created, expiresAt, false, hash);
    }

    private static void ShouldBeTheSame(AccessToken? actual, AccessToken expected)
    {
        actual.ShouldNotBeNull();
        (actual with { SecretHash = [] }).ShouldBe(expected with { SecretHash = [] });
        actual.SecretHash.ShouldBe(expected.SecretHash);
    }

    [Fact]
    public async Task a_created_token_reads_back_whole_by_its_id_and_in_the_full_load()
    {
        var store = await fx.OpenAsync();
        var token = NewToken("contract: whole", TokenScope.Read, Created.AddDays(90));
        await store.CreateAsync(token, CancellationToken.None);

        ShouldBeTheSame(await store.FindAsync(token.Id, CancellationToken.None), token);
        ShouldBeTheSame((await store.LoadAllAsync(CancellationToken.None)).SingleOrDefault(t => t.Id == token.Id), token);
    }

    [Theory]
    [InlineData(TokenScope.Read)]
    [InlineData(TokenScope.Write)]
    [InlineData(TokenScope.Admin)]
    public async Task every_scope_reads_back_as_made_and_no_expiry_stays_none(TokenScope scope)
    {
        var store = await fx.OpenAsync();
        var token = NewToken($"contract: {scope}", scope);
        await store.CreateAsync(token, CancellationToken.None);

        var read = await store.FindAsync(token.Id, CancellationToken.None);
        read!.Scope.ShouldBe(scope);
        read.ExpiresAt.ShouldBeNull();
        read.Revoked.ShouldBeFalse();
    }

    [Fact]
    public async Task the_hash_round_trips_so_the_secret_still_matches()
    {
        var store = await fx.OpenAsync();
        var (id, text, hash) = TokenSecret.New();
        await store.CreateAsync(new AccessToken(id, "contract: hash", TokenScope.Read, Created, null, false, hash), CancellationToken.None);

        var read = await store.FindAsync(id, CancellationToken.None);
        TokenSecret.Matches(TokenSecret.Parse(text)!.Value.Secret, read!.SecretHash).ShouldBeTrue();
        TokenSecret.Matches("not-the-secret", read.SecretHash).ShouldBeFalse();
    }

    [Fact]
    public async Task revoking_keeps_the_token_marked_revoked_and_revoking_twice_is_harmless()
    {
        var store = await fx.OpenAsync();
        var token = NewToken("contract: revoke", expiresAt: Created.AddDays(2));
        await store.CreateAsync(token, CancellationToken.None);

        ShouldBeTheSame(await store.RevokeAsync(token.Id, CancellationToken.None), token with { Revoked = true });
        ShouldBeTheSame(await store.RevokeAsync(token.Id, CancellationToken.None), token with { Revoked = true });
        ShouldBeTheSame(await store.FindAsync(token.Id, CancellationToken.None), token with { Revoked = true });
        ShouldBeTheSame((await store.LoadAllAsync(CancellationToken.None)).Single(t => t.Id == token.Id), token with { Revoked = true });
    }

    [Fact]
    public async Task an_unknown_id_is_found_nowhere_and_cannot_be_revoked()
    {
        var store = await fx.OpenAsync();
        var unknown = TokenSecret.New().Id;

        (await store.FindAsync(unknown, CancellationToken.None)).ShouldBeNull();
        (await store.RevokeAsync(unknown, CancellationToken.None)).ShouldBeNull();
        (await store.FindAsync(unknown, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task another_view_of_the_store_sees_what_the_first_made_and_revoked()
    {
        var (first, second) = (await fx.OpenAsync(), await fx.OpenAsync());
        var token = NewToken("contract: two views");
        await first.CreateAsync(token, CancellationToken.None);
        ShouldBeTheSame(await second.FindAsync(token.Id, CancellationToken.None), token);

        await first.RevokeAsync(token.Id, CancellationToken.None);
        (await second.FindAsync(token.Id, CancellationToken.None))!.Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task initialising_again_keeps_the_tokens()
    {
        var store = await fx.OpenAsync();
        var token = NewToken("contract: initialise twice");
        await store.CreateAsync(token, CancellationToken.None);

        await store.InitializeAsync(CancellationToken.None);
        ShouldBeTheSame(await store.FindAsync(token.Id, CancellationToken.None), token);
    }

    [Fact]
    public async Task the_first_admin_token_is_made_once_however_many_instances_try_at_the_same_moment()
    {
        var views = await fx.OpenUnbootstrappedAsync(4);
        var attempts = views.Select(_ => NewToken("contract: first admin", TokenScope.Admin)).ToList();

        var made = await Task.WhenAll(views.Select((view, i) => view.CreateFirstAdminAsync(attempts[i], CancellationToken.None)));

        made.Count(m => m).ShouldBe(1, $"answers: {string.Join(", ", made)}");
        var winner = attempts[Array.IndexOf(made, true)];
        foreach (var view in views)
        {
            ShouldBeTheSame(await view.FindAsync(winner.Id, CancellationToken.None), winner);
            foreach (var loser in attempts.Where(a => a != winner))
                (await view.FindAsync(loser.Id, CancellationToken.None)).ShouldBeNull("only the instance that made the first admin token stores one");
        }
    }

    [Fact]
    public async Task a_store_that_made_its_first_admin_token_makes_none_later()
    {
        var views = await fx.OpenUnbootstrappedAsync(1);
        (await views[0].CreateFirstAdminAsync(NewToken("contract: first", TokenScope.Admin), CancellationToken.None)).ShouldBeTrue();

        var later = NewToken("contract: later", TokenScope.Admin);
        (await views[0].CreateFirstAdminAsync(later, CancellationToken.None)).ShouldBeFalse();
        (await views[0].FindAsync(later.Id, CancellationToken.None)).ShouldBeNull();
    }
}

public sealed class sqlite_token_persistence(SqliteTokenPersistenceFixture fx) : TokenPersistenceContract<SqliteTokenPersistenceFixture>(fx);

// With the other Neo4j classes, one after another: some of them compare a dump of the whole server.
[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_token_persistence(Neo4jTokenPersistenceFixture fx) : TokenPersistenceContract<Neo4jTokenPersistenceFixture>(fx);
