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

    /// <summary>
    /// The name of a schema statement in the syntax of a server's major version: <c>schema/3.x/…</c> for Neo4j 3, whose
    /// constraints have no names and no <c>IF NOT EXISTS</c>, and <c>schema/5.x/…</c> from 4.4 on.
    /// </summary>
    public static string SchemaFor(string name, int majorVersion) => $"schema/{(majorVersion >= 4 ? "5.x" : "3.x")}/{name}";

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
