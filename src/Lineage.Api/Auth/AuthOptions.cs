namespace Lineage.Api.Auth;

/// <summary>Access control settings (configuration section <c>Lineage:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Lineage:Auth";

    /// <summary>Off only for local experiments: every start then logs a warning.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a token may make per second on average; 0 turns the limit off.</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>How many requests a token may make at once above the average.</summary>
    public int Burst { get; set; } = 400;

    /// <summary>
    /// Where the generated admin token is written; by default <c>admin.token</c> in the data directory. Replicas on one
    /// Neo4j point it at a volume they share, so that whichever of them made the token, every one shows where it is.
    /// </summary>
    public string? AdminTokenFile { get; set; }

    /// <summary>
    /// On Neo4j, whose tokens every instance on the server shares, how often this instance re-reads them: a token
    /// revoked on another instance stops working here within about this long. The embedded store's tokens are this
    /// process's alone and need no refresh.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
