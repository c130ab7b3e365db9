namespace Lineage.Graph.Tests;

/// <summary>The checkout the tests run from: scripts, the README and the Neo4j test server's state live there.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>Lineage.slnx</c>, found from the test assembly's output folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lineage.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Lineage.slnx above {AppContext.BaseDirectory}");
    }
}
