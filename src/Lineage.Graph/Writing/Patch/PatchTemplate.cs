using System.Text.Json.Nodes;

namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// How DataHub's template for one aspect patches it: the arrays it keys, whether it re-keys fine-grained lineage,
/// and the value a patch starts from when nothing is stored (given the time now, in epoch milliseconds). A null
/// default means DataHub's template has none (versionProperties): such an aspect must be stored before it is patched.
/// </summary>
public sealed record PatchTemplate(IReadOnlyList<KeyedArray> Arrays, Func<long, JsonObject>? Default, bool FineGrainedLineages = false);
