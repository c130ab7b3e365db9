using System.Collections.Concurrent;
using Lineage.Api.Auth.Persistence;
using Lineage.Graph.Errors;

namespace Lineage.Api.Auth;

/// <summary>
/// The API tokens, mirrored in memory so that checking a request costs no I/O, over where they are kept:
/// <c>&lt;dataDir&gt;/auth.db</c> with the embedded store, Neo4j (shared by every instance) with Neo4j.
/// </summary>
internal sealed class TokenStore(ITokenPersistence persistence, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, AccessToken> _byId = new();

    // Ids looked up in the shared store in vain since the last refresh: a client sending a token that does not exist,
    // request after request, costs one lookup per refresh interval rather than one per request. Bounded, so that
    // made-up ids cannot grow it without end.
    private readonly ConcurrentDictionary<string, byte> _unknown = new(StringComparer.Ordinal);
    private const int MaxUnknown = 10_000;
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private volatile bool _ready;

    /// <summary>Where the tokens are kept, for log lines.</summary>
    public string Location => persistence.Location;

    /// <summary>True when other instances write the same tokens, so that <see cref="RefreshAsync"/> is worth running.</summary>
    public bool IsShared => persistence.IsShared;

    /// <summary>
    /// Creates the table or constraints and loads every token. Every other call also makes sure of it first, so an
    /// instance started while Neo4j was down answers 503 to tokens it cannot check until Neo4j is back.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (_ready) return;
        await _initializing.WaitAsync(ct);
        try
        {
            if (_ready) return;
            await persistence.InitializeAsync(ct);
            foreach (var token in await persistence.LoadAllAsync(ct)) Remember(token);
            _ready = true;
        }
        finally
        {
            _initializing.Release();
        }
    }

    /// <summary>
    /// Brings the mirror in step with the store: tokens other instances made or revoked, and none that is gone from it.
    /// </summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await InitializeAsync(ct);
        // A token made elsewhere since an id was looked up in vain is in this read.
        _unknown.Clear();
        // Only what was here before the read can be judged gone: a token made meanwhile may be missing from it.
        var before = _byId.Keys.ToHashSet(StringComparer.Ordinal);
        var stored = await persistence.LoadAllAsync(ct);
        foreach (var token in stored) Remember(token);
        before.ExceptWith(stored.Select(t => t.Id));
        foreach (var gone in before) _byId.TryRemove(gone, out _);
    }

    /// <summary>Every token, newest first; secrets are not kept, so none is shown.</summary>
    public async Task<IReadOnlyList<AccessToken>> AllAsync(CancellationToken ct)
    {
        // Listing is rare and should show what another instance made a moment ago.
        if (persistence.IsShared) await RefreshAsync(ct);
        return [.. _byId.Values.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id)];
    }

    /// <summary>
    /// The active token a request's bearer text names, or null. A token this instance has not seen is looked up in a
    /// shared store before it is refused, once until the next refresh: another instance may have made it since the
    /// last one.
    /// </summary>
    public async ValueTask<AccessToken?> AuthenticateAsync(string bearer, CancellationToken ct)
    {
        if (TokenSecret.Parse(bearer) is not var (id, secret)) return null;
        if (!_byId.TryGetValue(id, out var token))
        {
            if (!persistence.IsShared || _unknown.ContainsKey(id)) return null;
            await InitializeAsync(ct);
            if (await persistence.FindAsync(id, ct) is not { } stored)
            {
                if (_unknown.Count < MaxUnknown) _unknown.TryAdd(id, 0);
                return null;
            }
            token = Remember(stored);
        }
        return TokenSecret.Matches(secret, token.SecretHash) && token.IsActive(clock.GetUtcNow()) ? token : null;
    }

    /// <summary>A new token and its text, which is never stored and so can be shown only now.</summary>
    public async Task<(AccessToken Token, string Text)> CreateAsync(string name, TokenScope scope, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var (token, text) = New(name, scope, expiresAt);
        await persistence.CreateAsync(token, ct);
        return (Remember(token), text);
    }

    /// <summary>Revokes a token for good, wherever it was made; revoking twice is harmless.</summary>
    public async Task<AccessToken> RevokeAsync(string id, CancellationToken ct)
    {
        await InitializeAsync(ct);
        return Remember(await persistence.RevokeAsync(id, ct) ?? throw new NotFoundException($"token {id} not found"));
    }

    /// <summary>
    /// The store's first admin token and its text, when the store has never had one; null when it has, made by this
    /// instance on an earlier start or by another instance on the same store.
    /// </summary>
    public async Task<(AccessToken Token, string Text)?> CreateFirstAdminAsync(string name, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var (token, text) = New(name, TokenScope.Admin, null);
        return await persistence.CreateFirstAdminAsync(token, ct) ? (Remember(token), text) : null;
    }

    /// <summary>
    /// Carries tokens kept elsewhere (an instance's own <c>auth.db</c> from before tokens were shared) into the store,
    /// with their ids, secret hashes, scopes, expiry and revocation; a token the store has already is left as it is.
    /// The earliest admin among them counts as the store's first admin token when the store has none yet, so that no
    /// new one is made. Answers how many were carried.
    /// </summary>
    public async Task<int> ImportAsync(IReadOnlyList<AccessToken> imported, CancellationToken ct)
    {
        await InitializeAsync(ct);
        if (imported.Where(t => t.Scope == TokenScope.Admin).OrderBy(t => t.CreatedAt).FirstOrDefault() is { } first)
            await persistence.CreateFirstAdminAsync(first, ct);
        foreach (var token in imported)
        {
            // Stored active, as every new token is; a revocation follows.
            await persistence.CreateAsync(token, ct);
            if (token.Revoked) await persistence.RevokeAsync(token.Id, ct);
            Remember(token);
        }
        return imported.Count;
    }

    private (AccessToken Token, string Text) New(string name, TokenScope scope, DateTimeOffset? expiresAt)
    {
        var (id, text, hash) = TokenSecret.New();
        return (new AccessToken(id, name, scope, WholeMilliseconds(clock.GetUtcNow()), expiresAt is { } e ? WholeMilliseconds(e) : null, false, hash), text);
    }

    /// <summary>Times as the stores keep them, so that a token read back equals the one returned when it was made.</summary>
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>
    /// Puts a token in the mirror. Revocation is for good, so a read that began before a revocation here cannot bring
    /// the token back to life.
    /// </summary>
    private AccessToken Remember(AccessToken token) =>
        _byId.AddOrUpdate(token.Id, token, (_, known) => known.Revoked && !token.Revoked ? token with { Revoked = true } : token);
}
