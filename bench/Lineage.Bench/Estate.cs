using System.Text.Json.Nodes;

namespace Lineage.Bench;

/// <summary>A generated ML estate: the proposals to ingest and the roots and words the measurements use.</summary>
internal sealed record Estate(
    int Entities,
    IReadOnlyList<JsonObject> Proposals,
    IReadOnlyList<string> HubRoots,
    IReadOnlyList<string> LeafRoots,
    IReadOnlyList<string> ModelRoots,
    IReadOnlyList<string> SearchQueries,
    IReadOnlyList<string> AutocompleteQueries)
{
    /// <summary>Columns (schemaField entities) per dataset; 0 when the estate has none.</summary>
    public int ColumnsPerDataset { get; init; }

    /// <summary>What the column option added; null without columns.</summary>
    public ColumnFacts? Columns { get; init; }
}

/// <summary>
/// The columns of an estate generated with <c>--columns</c>, and the column roots: one column of each hub dataset and
/// one of each leaf dataset (<see cref="Estate.HubRoots"/> and <see cref="Estate.LeafRoots"/> are those datasets).
/// </summary>
/// <param name="Columns">schemaField entities, datasets × columns per dataset (one HasSchemaField edge each).</param>
/// <param name="ColumnEdges">Column-to-column DownstreamOf edges the fine-grained lineage states.</param>
/// <param name="FineGrainedEntries">fineGrainedLineages entries, one per mapped downstream column.</param>
/// <param name="ManyToOneEntries">Of those, the entries with more than one upstream column.</param>
/// <param name="ColumnSourcedFeatures">Features with at least one column among their sources.</param>
internal sealed record ColumnFacts(
    long Columns,
    long ColumnEdges,
    long FineGrainedEntries,
    long ManyToOneEntries,
    int ColumnSourcedFeatures,
    IReadOnlyList<string> HubColumnRoots,
    IReadOnlyList<string> LeafColumnRoots);
