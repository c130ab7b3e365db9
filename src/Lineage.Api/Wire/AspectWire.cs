using System.Text.Json.Nodes;
using Lineage.Graph.Reading;

namespace Lineage.Api.Wire;

/// <summary>DataHub's JSON shapes for aspects: the class-keyed union of Rest.li and the by-name map of entitiesV2.</summary>
internal static class AspectWire
{
    /// <summary><c>{"com.linkedin.ml.metadata.MLFeatureProperties": {…}}</c>.</summary>
    public static JsonObject Union(AspectView aspect) => new() { [aspect.Spec.SchemaClass] = aspect.Stored.Value.DeepClone() };

    /// <summary>The system metadata as stored, plus the aspect's version as DataHub reports it.</summary>
    public static JsonObject SystemMetadata(AspectView aspect)
    {
        var metadata = aspect.Stored.SystemMetadata?.DeepClone().AsObject() ?? [];
        metadata["version"] = aspect.Stored.Revision.ToString();
        return metadata;
    }

    /// <summary>An entry of <c>/entitiesV2</c>'s <c>aspects</c> map.</summary>
    public static JsonObject EnvelopedAspect(AspectView aspect) => new()
    {
        ["name"] = aspect.Spec.Name,
        ["type"] = aspect.Spec.IsTimeseries ? "TIMESERIES" : "VERSIONED",
        ["version"] = aspect.Stored.Version,
        ["value"] = aspect.Stored.Value.DeepClone(),
        ["created"] = new JsonObject
        {
            ["time"] = aspect.Stored.CreatedAt.ToUnixTimeMilliseconds(),
            ["actor"] = aspect.Stored.CreatedBy,
        },
        ["systemMetadata"] = SystemMetadata(aspect),
    };
}
