namespace Lineage.Graph.Storage.Neo4j;

/// <summary>An open Neo4j transaction: statements run in it until it is committed or, on dispose, rolled back.</summary>
public sealed class CypherTransaction(CypherClient client, string transactionUrl) : IAsyncDisposable
{
    private string? _location;
    private bool _ended;

    /// <summary>Runs statements inside the transaction (opening it with the first call).</summary>
    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        var (location, results) = await client.PostAsync(_location ?? transactionUrl, statements, ct);
        _location ??= location ?? throw new InvalidOperationException("Neo4j opened a transaction without naming it");
        return results;
    }

    /// <summary>Runs the last statements and commits, in one request.</summary>
    public async Task<IReadOnlyList<CypherResult>> CommitAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        var url = _location is null ? $"{transactionUrl}/commit" : $"{_location}/commit";
        var (_, results) = await client.PostAsync(url, statements, ct);
        // Only now: if the commit's answer was lost, dispose still rolls back, which releases the transaction's locks
        // when the commit never arrived and is a harmless 404 when it did.
        _ended = true;
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ended && _location is not null) await client.DeleteAsync(_location);
    }
}
