using Lineage.Api.Persistence;
using Microsoft.Data.Sqlite;

namespace Lineage.Api.Auth.Persistence;

/// <summary>
/// The tokens in <c>&lt;dataDir&gt;/auth.db</c> (SQLite), for the embedded store: one process owns the data directory,
/// so no other instance writes them.
/// </summary>
internal sealed class SqliteTokenPersistence(string path) : ITokenPersistence
{
    private const string Columns = "id, name, scope, created_at, expires_at, revoked, secret_hash";

    private readonly SqliteSideFile _file = new(path);

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "auth.db");

    public string Location => path;

    public bool IsShared => false;

    public async Task InitializeAsync(CancellationToken ct)
    {
        await WriteAsync("""
            CREATE TABLE IF NOT EXISTS tokens (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, scope INTEGER NOT NULL, created_at INTEGER NOT NULL,
                expires_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0, secret_hash BLOB NOT NULL)
            """, ct);
    }

    public Task<IReadOnlyList<AccessToken>> LoadAllAsync(CancellationToken ct) => ReadAsync($"SELECT {Columns} FROM tokens", ct);

    public async Task<AccessToken?> FindAsync(string id, CancellationToken ct) =>
        (await ReadAsync($"SELECT {Columns} FROM tokens WHERE id = $id", ct, ("$id", id))).SingleOrDefault();

    public Task CreateAsync(AccessToken token, CancellationToken ct) =>
        WriteAsync($"INSERT INTO tokens ({Columns}) VALUES ($id, $name, $scope, $created, $expires, 0, $hash)", ct, Values(token));

    public async Task<AccessToken?> RevokeAsync(string id, CancellationToken ct) =>
        await WriteAsync("UPDATE tokens SET revoked = 1 WHERE id = $id", ct, ("$id", id)) == 0 ? null : await FindAsync(id, ct);

    /// <summary>The first admin token of an auth.db with no token at all, as before tokens could live elsewhere.</summary>
    public async Task<bool> CreateFirstAdminAsync(AccessToken admin, CancellationToken ct) =>
        await WriteAsync($"""
            INSERT INTO tokens ({Columns}) SELECT $id, $name, $scope, $created, $expires, 0, $hash
            WHERE NOT EXISTS (SELECT 1 FROM tokens)
            """, ct, Values(admin)) == 1;

    private static (string Name, object? Value)[] Values(AccessToken token) =>
    [
        ("$id", token.Id), ("$name", token.Name), ("$scope", (int)token.Scope), ("$created", token.CreatedAt.ToUnixTimeMilliseconds()),
        ("$expires", token.ExpiresAt?.ToUnixTimeMilliseconds()), ("$hash", token.SecretHash),
    ];

    /// <summary>A row of <see cref="Columns"/>.</summary>
    private static AccessToken Read(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), (TokenScope)reader.GetInt32(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        reader.GetInt64(5) != 0, (byte[])reader.GetValue(6));

    private Task<IReadOnlyList<AccessToken>> ReadAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        _file.ReadAsync(sql, Read, ct, parameters);

    private Task<int> WriteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        _file.WriteAsync(sql, ct, parameters);
}
