namespace Lineage.Graph.Storage;

/// <summary>Where and in what Lineage keeps its data (configuration section <c>Lineage:Store</c>).</summary>
public sealed class StoreOptions
{
    public const string Section = "Lineage:Store";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>neo4j</c>.</summary>
    public string Kind { get; set; } = "sqlite";

    /// <summary>Folder for the embedded database (and, later, the search index); created when missing.</summary>
    public string DataDirectory { get; set; } = "data";
}
