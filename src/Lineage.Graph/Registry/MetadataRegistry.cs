using Lineage.Graph.Registry.Catalog;
using Lineage.Graph.Urns;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry;

/// <summary>Every entity type and aspect Lineage knows, looked up by name; built once from the catalog.</summary>
public sealed class MetadataRegistry
{
    private readonly Dictionary<string, EntitySpec> _entities;
    private readonly Dictionary<string, AspectSpec> _aspects;
    private readonly Dictionary<string, AspectSpec> _aspectsByClass;
    private readonly Dictionary<string, EntitySpec> _entitiesBySnapshot;
    private readonly Dictionary<string, HashSet<string>> _accepted;

    /// <summary>The registry built from <see cref="Catalog"/>; immutable, shared by every request.</summary>
    public static MetadataRegistry Default { get; } = new(AspectCatalog.All, EntityCatalog.All);

    public MetadataRegistry(IEnumerable<AspectSpec> aspects, IEnumerable<EntitySpec> entities)
    {
        _entities = entities.ToDictionary(e => e.EntityType, StringComparer.Ordinal);
        var keyAspects = _entities.Values.Select(e => KeyAspectOf(e.Key));
        _aspects = aspects.Concat(keyAspects).ToDictionary(a => a.Name, StringComparer.Ordinal);
        _aspectsByClass = _aspects.Values.ToDictionary(a => a.SchemaClass, StringComparer.Ordinal);
        _entitiesBySnapshot = _entities.Values.Where(e => e.SnapshotClass is not null)
            .ToDictionary(e => e.SnapshotClass!, StringComparer.Ordinal);
        _accepted = _entities.Values.ToDictionary(
            e => e.EntityType,
            e => new HashSet<string>(e.AspectNames.Append(e.Key.KeyAspectName), StringComparer.Ordinal),
            StringComparer.Ordinal);

        foreach (var (type, names) in _accepted)
        {
            var missing = names.Where(n => !_aspects.ContainsKey(n)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"Entity {type} lists undeclared aspects: {string.Join(", ", missing)}");
        }
    }

    public IEnumerable<EntitySpec> Entities => _entities.Values;

    public IEnumerable<AspectSpec> Aspects => _aspects.Values;

    /// <summary>The entity type, or null when Lineage does not know it.</summary>
    public EntitySpec? Entity(string entityType) => _entities.GetValueOrDefault(entityType);

    /// <summary>The aspect of that name, or null.</summary>
    public AspectSpec? Aspect(string aspectName) => _aspects.GetValueOrDefault(aspectName);

    /// <summary>The aspect whose DataHub schema class is that (<c>com.linkedin.common.Ownership</c>), or null.</summary>
    public AspectSpec? AspectByClass(string schemaClass) => _aspectsByClass.GetValueOrDefault(schemaClass);

    /// <summary>The entity type whose snapshot class is that (<c>com.linkedin.metadata.snapshot.DatasetSnapshot</c>), or null.</summary>
    public EntitySpec? EntityBySnapshotClass(string snapshotClass) => _entitiesBySnapshot.GetValueOrDefault(snapshotClass);

    /// <summary>The aspect if that entity type accepts it, else null.</summary>
    public AspectSpec? AspectOf(string entityType, string aspectName) =>
        _accepted.TryGetValue(entityType, out var names) && names.Contains(aspectName) ? _aspects[aspectName] : null;

    /// <summary>The key aspect of an entity type (derived from the URN, never stored).</summary>
    public AspectSpec KeyAspect(string entityType) => _aspects[_entities[entityType].Key.KeyAspectName];

    /// <summary>Every relationship the catalog declares, each name once, with its lineage role.</summary>
    public IReadOnlyList<RelationshipSpec> Relationships() =>
        _aspects.Values.SelectMany(a => RelationshipsIn(a.Schema)).Distinct().ToList();

    private static IEnumerable<RelationshipSpec> RelationshipsIn(FieldType type) => type switch
    {
        UrnType { Relationship: { } r } => [r],
        ArrayType a => RelationshipsIn(a.Items),
        MapType m => RelationshipsIn(m.Values),
        RecordType r => r.Fields.SelectMany(f => RelationshipsIn(f.Type)),
        UnionType u => u.Members.SelectMany(m => RelationshipsIn(m.Type)),
        _ => [],
    };

    private static AspectSpec KeyAspectOf(EntityKeySpec key) =>
        new(key.KeyAspectName, key.KeyAspectClass, Record(
            key.KeyAspectClass[(key.KeyAspectClass.LastIndexOf('.') + 1)..],
            [.. key.Parts.Select(p => Required(p.Name, p.Kind switch
            {
                KeyPartKind.Urn => p.UrnEntityType is null ? UrnOf() : UrnOf(p.UrnEntityType),
                KeyPartKind.Fabric => Enum("FabricType", [.. FabricType.All]),
                _ => Text,
            }))]))
        { IsKey = true };
}
