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
    IReadOnlyList<string> AutocompleteQueries);
