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
    /// On Neo4j, whose tokens every instance on the server shares, how often this instance re-reads them: a token
    /// revoked on another instance stops working here within about this long. The embedded store's tokens are this
    /// process's alone and need no refresh.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
