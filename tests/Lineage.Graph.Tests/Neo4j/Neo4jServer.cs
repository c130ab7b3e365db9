using Lineage.Graph.Storage.Neo4j;

namespace Lineage.Graph.Tests.Neo4j;

/// <summary>
/// Where the Neo4j test server is: <c>NEO4J_URI</c> (set by scripts/test.sh, which starts the server), else the
/// server <c>scripts/neo4j-test-server.sh start</c> recorded in <c>.neo4j/current.env</c>. No server is a failure:
/// the Neo4j suites never skip.
/// </summary>
public static class Neo4jServer
{
    public static Neo4jOptions Options()
    {
        var uri = Environment.GetEnvironmentVariable("NEO4J_URI");
        if (string.IsNullOrEmpty(uri) && FindCurrentEnv() is { } env)
        {
            uri = File.ReadAllLines(env)
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2 && p[0] == "NEO4J_URI")
                .Select(p => p[1].Trim('"', '\''))
                .FirstOrDefault();
        }
        if (string.IsNullOrEmpty(uri))
            throw new InvalidOperationException(
                "No Neo4j test server: set NEO4J_URI or run scripts/neo4j-test-server.sh start (scripts/test.sh does both).");
        return new Neo4jOptions
        {
            Uri = uri,
            User = Environment.GetEnvironmentVariable("NEO4J_USER") ?? "",
            Password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? "",
            RetryBudget = TimeSpan.FromSeconds(10),
        };
    }

    private static string? FindCurrentEnv()
    {
        var candidate = Path.Combine(Repository.Root, ".neo4j", "current.env");
        return File.Exists(candidate) ? candidate : null;
    }
}
