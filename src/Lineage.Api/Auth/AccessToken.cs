namespace Lineage.Api.Auth;

/// <summary>What a token may do; each scope includes the ones below it.</summary>
public enum TokenScope
{
    /// <summary>Reads: entities, aspects, lineage, search, GraphQL.</summary>
    Read = 1,

    /// <summary>Reads and writes: ingest, patch, delete.</summary>
    Write = 2,

    /// <summary>Everything, including tokens and reindexing.</summary>
    Admin = 3,
}

/// <summary>An API token as stored: never its secret, only the secret's SHA-256.</summary>
public sealed record AccessToken(
    string Id,
    string Name,
    TokenScope Scope,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    bool Revoked,
    byte[] SecretHash)
{
    /// <summary>Usable now: not revoked and not expired.</summary>
    public bool IsActive(DateTimeOffset now) => !Revoked && (ExpiresAt is not { } expiry || expiry > now);
}
