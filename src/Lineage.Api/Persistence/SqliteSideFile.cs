using Microsoft.Data.Sqlite;

namespace Lineage.Api.Persistence;

/// <summary>
/// A small SQLite file the API keeps beside the embedded store (<c>auth.db</c>, <c>webhooks.db</c>). One process owns
/// the data directory, so its writes are taken one at a time here rather than left to SQLite's busy handler.
/// </summary>
internal sealed class SqliteSideFile(string path)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public string Path => path;

    /// <summary>Runs <paramref name="sql"/> (one or more statements) as a write; how many rows it changed.</summary>
    public async Task<int> WriteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            // The first write makes the file, and its folder when the data directory is new.
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            await using var connection = await OpenAsync(ct);
            await using var command = Command(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The rows of a query, each made by <paramref name="row"/>.</summary>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<SqliteDataReader, T> row, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var select = Command(connection, sql, parameters);
        await using var reader = await select.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(row(reader));
        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
