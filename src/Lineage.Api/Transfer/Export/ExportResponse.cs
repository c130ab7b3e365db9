using System.Text.Json.Nodes;

namespace Lineage.Api.Transfer.Export;

/// <summary>
/// One page of an export: the entries (DataHub's file format), how many entities they cover, where the next page
/// starts (null after the last), and the search index's count of entities, for a progress bar's total.
/// </summary>
internal sealed record ExportResponse(IReadOnlyList<JsonObject> Entries, int Entities, string? Next, int EstimatedTotal);
