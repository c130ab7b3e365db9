namespace Lineage.Api.Auth.Persistence;

/// <summary>
/// Where the API tokens are kept, behind the in-memory mirror that <see cref="TokenStore"/> checks requests against:
/// <c>auth.db</c> beside the embedded store, or Neo4j, where every instance on the same server shares them.
/// </summary>
internal interface ITokenPersistence
{
    /// <summary>Where the tokens are, for log lines: a file path or a server address.</summary>
    string Location { get; }

    /// <summary>
    /// True when other instances write the same tokens, so that the mirror is refreshed from here and a token the
    /// mirror does not know is looked up before it is refused.
    /// </summary>
    bool IsShared { get; }

    /// <summary>Creates the table or the constraints the tokens need; repeating it is harmless.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>Every token, revoked and expired ones included.</summary>
    Task<IReadOnlyList<AccessToken>> LoadAllAsync(CancellationToken ct);

    /// <summary>The token with this id, or null.</summary>
    Task<AccessToken?> FindAsync(string id, CancellationToken ct);

    /// <summary>Stores a new token.</summary>
    Task CreateAsync(AccessToken token, CancellationToken ct);

    /// <summary>Revokes the token for good and returns it, or null when there is no such token; revoking twice is harmless.</summary>
    Task<AccessToken?> RevokeAsync(string id, CancellationToken ct);

    /// <summary>
    /// Stores <paramref name="admin"/> only if the store has never had its first admin token, atomically however many
    /// instances try at once; true when this call stored it.
    /// </summary>
    Task<bool> CreateFirstAdminAsync(AccessToken admin, CancellationToken ct);
}
