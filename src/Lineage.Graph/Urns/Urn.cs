using System.Collections.ObjectModel;

namespace Lineage.Graph.Urns;

/// <summary>A validated DataHub URN, <c>urn:li:&lt;entityType&gt;:&lt;key&gt;</c>; equal when the texts are equal (URNs are case-sensitive).</summary>
/// <remarks>
/// Parsing is in <c>Urn.Parsing.cs</c>, the key aspect mapping in <c>Urn.KeyAspect.cs</c>.
/// The text is kept exactly as given, so <c>Parse(x).ToString() == x</c>; two spellings of the same
/// key (<c>a,b</c> and <c>a%2Cb</c> as a single-part key) are different URNs, as they are in DataHub.
/// </remarks>
public sealed partial class Urn : IEquatable<Urn>
{
    private readonly string text;
    private readonly ReadOnlyCollection<string> parts;
    private readonly Urn?[] nested;

    private Urn(string text, EntityKeySpec spec, string[] parts, Urn?[] nested)
    {
        this.text = text;
        Spec = spec;
        this.parts = Array.AsReadOnly(parts);
        this.nested = nested;
    }

    /// <summary>The entity type, e.g. <c>mlModel</c>.</summary>
    public string EntityType => Spec.EntityType;

    /// <summary>The key layout of <see cref="EntityType"/>.</summary>
    public EntityKeySpec Spec { get; }

    /// <summary>The key parts in order: text parts decoded (<c>%2C</c> <c>%28</c> <c>%29</c> → <c>,</c> <c>(</c> <c>)</c>), nested URNs as their text.</summary>
    public IReadOnlyList<string> Parts => parts;

    /// <summary>The dataPlatform URN of the key's <c>platform</c> part, or null when the type has none.</summary>
    public Urn? Platform => NestedUrn("platform");

    /// <summary>The platform's name (<c>feast</c>), or null when the type has no platform part.</summary>
    public string? PlatformName => Platform?.Parts[0];

    /// <summary>The part a person would call the name (<c>name</c>, <c>jobId</c>, <c>flowId</c>, <c>username</c>, <c>id</c>…), or null.</summary>
    public string? Name => Spec.NameField is { } nameField ? Part(nameField) : null;

    /// <summary>The FabricType of the key's <c>origin</c> part, or null when the type has none.</summary>
    public string? Origin => Part("origin");

    /// <summary>The <c>featureNamespace</c> of an mlFeature or mlPrimaryKey, or null.</summary>
    public string? Namespace => Part("featureNamespace");

    /// <summary>The dataFlow URN a dataJob belongs to, or null for other types.</summary>
    public Urn? Flow => NestedUrn("flow");

    /// <summary>A dataJob's <c>jobId</c>, or null for other types.</summary>
    public string? Job => Part("jobId");

    /// <summary>
    /// This URN when it is of <paramref name="entityType"/>, which <paramref name="namedBy"/> (a path, a snapshot
    /// class, a field) gave; otherwise a 400 at <paramref name="path"/>, not a write to the wrong place. The one check
    /// of entity type against urn, for every wire format.
    /// </summary>
    public Urn MustBeOf(string entityType, string path, string namedBy) =>
        EntityType == entityType ? this
        : throw new Errors.ValidationException(path, $"{namedBy} names entity type '{entityType}', which does not match the urn's entity type '{EntityType}'");

    /// <summary>The decoded value of a key field by its key aspect name, or null when the type has no such field.</summary>
    public string? Part(string keyFieldName)
    {
        var i = Spec.IndexOf(keyFieldName);
        return i < 0 ? null : parts[i];
    }

    /// <summary>The text exactly as it was parsed.</summary>
    public override string ToString() => text;

    /// <inheritdoc />
    public bool Equals(Urn? other) => other is not null && string.Equals(text, other.text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Urn);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(text);

    /// <summary>Text equality.</summary>
    public static bool operator ==(Urn? left, Urn? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Text inequality.</summary>
    public static bool operator !=(Urn? left, Urn? right) => !(left == right);

    private Urn? NestedUrn(string keyFieldName)
    {
        var i = Spec.IndexOf(keyFieldName);
        return i < 0 ? null : nested[i];
    }
}
