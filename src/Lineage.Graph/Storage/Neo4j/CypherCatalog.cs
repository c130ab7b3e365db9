using System.Collections.Frozen;
using System.Reflection;

namespace Lineage.Graph.Storage.Neo4j;

/// <summary>
/// The Cypher statements in <c>cypher/</c>, embedded in this assembly and loaded once by name
/// (<c>write/lock-feed</c>). Asking for a name that is not there fails at start-up, not mid-request.
/// </summary>
public static class CypherCatalog
{
    private const string Prefix = "cypher/";

    private static readonly FrozenDictionary<string, string> Statements = Load();

    /// <summary>Every statement name, e.g. <c>read/entity</c> or <c>schema/3.x/entity-urn-unique</c>.</summary>
    public static IEnumerable<string> Names => Statements.Keys;

    /// <summary>The text of a statement.</summary>
    public static string Get(string name) =>
        Statements.TryGetValue(name, out var text)
            ? text
            : throw new InvalidOperationException($"No Cypher statement '{name}' in cypher/ (embedded: {string.Join(", ", Statements.Keys)})");

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".cypher", StringComparison.Ordinal))
            .ToFrozenDictionary(
                n => n[Prefix.Length..^".cypher".Length].Replace('\\', '/'),
                n =>
                {
                    using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                    return reader.ReadToEnd();
                },
                StringComparer.Ordinal);
    }
}
