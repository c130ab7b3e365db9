using System.Text.Json.Nodes;

namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// How DataHub's template for one aspect patches it: the arrays it keys, its own re-keying where plain keys are not
/// enough (fine-grained lineage, forms), and the value a patch starts from when nothing is stored (given the time
/// now, in epoch milliseconds). A null default means DataHub's template has none (versionProperties): such an
/// aspect must be stored before it is patched.
/// </summary>
public sealed record PatchTemplate(IReadOnlyList<KeyedArray> Arrays, Func<long, JsonObject>? Default, CustomKeying? Custom = null);

/// <summary>A template's own re-keying: arrays to maps before the operations run, maps back to arrays after.</summary>
public sealed record CustomKeying(Action<JsonObject> ToMaps, Action<JsonObject> ToArrays);
