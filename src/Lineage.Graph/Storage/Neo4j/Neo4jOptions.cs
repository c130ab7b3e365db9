namespace Lineage.Graph.Storage.Neo4j;

/// <summary>How to reach Neo4j (configuration section <c>Lineage:Neo4j</c>); used when <c>Lineage:Store</c> is <c>neo4j</c>.</summary>
public sealed class Neo4jOptions
{
    public const string Section = "Lineage:Neo4j";

    /// <summary>The server's HTTP address, e.g. <c>http://localhost:7474</c>.</summary>
    public string Uri { get; set; } = "http://localhost:7474";

    /// <summary>User for basic auth; empty when the server has auth off.</summary>
    public string User { get; set; } = "";

    /// <summary>Password for basic auth.</summary>
    public string Password { get; set; } = "";

    /// <summary>Database name (Neo4j 4 and later); 3.x has one database and ignores it.</summary>
    public string Database { get; set; } = "neo4j";

    /// <summary>Longest a single HTTP request to Neo4j may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Total time spent retrying transient errors and unreachable-server failures before giving up with a 503.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest a request waits for the requests queued before it (writes take turns); past it, a retriable 503. In an
    /// outage each turn spends its retry budget finding Neo4j gone, so without a bound the tenth writer would wait ten.
    /// </summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
