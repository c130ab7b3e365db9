namespace Lineage.Graph.Storage;

/// <summary>Which store Lineage uses and where it keeps local data (configuration keys <c>Lineage:Store</c>, <c>Lineage:DataDirectory</c>).</summary>
public sealed class StoreOptions
{
    public const string Section = "Lineage";

    public const string Embedded = "embedded";
    public const string Neo4j = "neo4j";

    /// <summary><c>embedded</c> (SQLite in the data directory, the default) or <c>neo4j</c>.</summary>
    public string Store { get; set; } = Embedded;

    /// <summary>Folder for the embedded database (and the search index); created when missing.</summary>
    public string DataDirectory { get; set; } = "data";
}
