namespace Lineage.Graph.Urns;

/// <summary>What a key part holds, which decides how it is validated and encoded.</summary>
public enum KeyPartKind
{
    /// <summary>Free text; <c>,</c> <c>(</c> <c>)</c> are written <c>%2C</c> <c>%28</c> <c>%29</c>.</summary>
    Text,

    /// <summary>A nested URN, of <see cref="KeyPart.UrnEntityType"/> or of any known type when that is null.</summary>
    Urn,

    /// <summary>An origin: one of the <see cref="FabricType"/> values.</summary>
    Fabric,
}
