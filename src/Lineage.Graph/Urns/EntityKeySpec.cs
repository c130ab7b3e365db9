namespace Lineage.Graph.Urns;

/// <summary>How one entity type's URN key maps onto its key aspect.</summary>
/// <param name="EntityType">The URN's entity type, e.g. <c>mlModel</c>.</param>
/// <param name="KeyAspectName">The key aspect's name, e.g. <c>mlModelKey</c>.</param>
/// <param name="KeyAspectClass">The key aspect's schema class, e.g. <c>com.linkedin.metadata.key.MLModelKey</c>.</param>
/// <param name="Parts">The key fields in URN order.</param>
/// <param name="NameField">The key field a person would call the entity's name (<c>jobId</c> for dataJob), or null.</param>
public sealed record EntityKeySpec(
    string EntityType,
    string KeyAspectName,
    string KeyAspectClass,
    IReadOnlyList<KeyPart> Parts,
    string? NameField)
{
    /// <summary>The position of a key field in <see cref="Parts"/>, or -1.</summary>
    public int IndexOf(string keyFieldName)
    {
        for (var i = 0; i < Parts.Count; i++)
        {
            if (Parts[i].Name == keyFieldName)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The key field names joined for messages: <c>platform, name, origin</c>.</summary>
    public string FieldList => string.Join(", ", Parts.Select(p => p.Name));
}
