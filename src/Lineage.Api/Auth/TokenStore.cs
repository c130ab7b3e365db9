using System.Collections.Concurrent;
using Lineage.Graph.Errors;
using Microsoft.Data.Sqlite;

namespace Lineage.Api.Auth;

/// <summary>
/// API tokens in <c>&lt;dataDir&gt;/auth.db</c> (SQLite, whichever graph store is in use: tokens belong to this service,
/// not to the metadata), mirrored in memory so that checking a request costs no I/O.
/// </summary>
public sealed class TokenStore(string path, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, AccessToken> _byId = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "auth.db");

    /// <summary>Creates the table when missing and loads every token.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var connection = await OpenAsync(ct);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS tokens (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, scope INTEGER NOT NULL, created_at INTEGER NOT NULL,
                    expires_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0, secret_hash BLOB NOT NULL)
                """;
            await create.ExecuteNonQueryAsync(ct);
        }
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, name, scope, created_at, expires_at, revoked, secret_hash FROM tokens";
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var token = new AccessToken(reader.GetString(0), reader.GetString(1), (TokenScope)reader.GetInt32(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetInt64(5) != 0, (byte[])reader.GetValue(6));
            _byId[token.Id] = token;
        }
    }

    public bool IsEmpty => _byId.IsEmpty;

    /// <summary>Every token, newest first; secrets are not kept, so none is shown.</summary>
    public IReadOnlyList<AccessToken> All() => _byId.Values.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).ToList();

    /// <summary>The active token a request's bearer text names, or null.</summary>
    public AccessToken? Authenticate(string bearer)
    {
        if (TokenSecret.Parse(bearer) is not var (id, secret)) return null;
        return _byId.TryGetValue(id, out var token) && TokenSecret.Matches(secret, token.SecretHash) && token.IsActive(clock.GetUtcNow())
            ? token : null;
    }

    /// <summary>A new token and its text, which is never stored and so can be shown only now.</summary>
    public async Task<(AccessToken Token, string Text)> CreateAsync(string name, TokenScope scope, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var (id, text, hash) = TokenSecret.New();
        var now = clock.GetUtcNow();
        var token = new AccessToken(id, name, scope, DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), expiresAt, false, hash);
        await WriteAsync("""
            INSERT INTO tokens (id, name, scope, created_at, expires_at, revoked, secret_hash)
            VALUES ($id, $name, $scope, $created, $expires, 0, $hash)
            """, ct, ("$id", id), ("$name", name), ("$scope", (int)scope), ("$created", now.ToUnixTimeMilliseconds()),
            ("$expires", expiresAt?.ToUnixTimeMilliseconds()), ("$hash", hash));
        _byId[id] = token;
        return (token, text);
    }

    /// <summary>Revokes a token for good; revoking twice is harmless.</summary>
    public async Task<AccessToken> RevokeAsync(string id, CancellationToken ct)
    {
        if (!_byId.TryGetValue(id, out var token)) throw new NotFoundException($"token {id} not found");
        await WriteAsync("UPDATE tokens SET revoked = 1 WHERE id = $id", ct, ("$id", id));
        return _byId[id] = token with { Revoked = true };
    }

    private async Task WriteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
