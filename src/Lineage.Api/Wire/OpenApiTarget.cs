using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Urns;

namespace Lineage.Api.Wire;

/// <summary>What an OpenAPI v3 entity path names: <c>/openapi/v3/entity/{entityType}/{urn}[/{aspectName}]</c>.</summary>
internal sealed record OpenApiTarget(EntitySpec Entity, string Urn, AspectSpec? Aspect)
{
    public const string Prefix = "/openapi/v3/entity/";

    /// <summary>
    /// Reads the path. The URN may come encoded (<c>quote(urn, safe="")</c>) or raw, slashes and all, as DataHub's
    /// emitter sends it on DELETE: a last segment is the aspect only when it names one and the rest is a URN.
    /// </summary>
    public static OpenApiTarget From(HttpContext context, MetadataRegistry registry)
    {
        var segments = RestLi.PathSegmentsAfter(context, Prefix);
        var entity = EntityType(segments[0], registry);
        var rest = segments.Skip(1).ToList();
        AspectSpec? aspect = null;
        if (rest.Count > 1 && AspectName(rest[^1], entity, registry) is { } named
                           && Graph.Urns.Urn.TryParse(string.Join('/', rest[..^1]), out _, out _))
        {
            aspect = named;
            rest.RemoveAt(rest.Count - 1);
        }
        var urn = Graph.Urns.Urn.Parse(string.Join('/', rest), "urn").MustBeOf(entity.EntityType, "urn", PathNaming(entity));
        return new OpenApiTarget(entity, urn.ToString(), aspect);
    }

    /// <summary>The entity type named in the path; DataHub matches it regardless of case.</summary>
    public static EntitySpec EntityType(string name, MetadataRegistry registry) =>
        registry.Entity(name)
        ?? registry.Entities.FirstOrDefault(e => string.Equals(e.EntityType, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ValidationException("entityType", $"'{name}' is not an entity type Lineage knows");

    /// <summary>An aspect of the entity type by name, regardless of case as DataHub matches it, or null.</summary>
    public static AspectSpec? AspectName(string name, EntitySpec entity, MetadataRegistry registry) =>
        registry.AspectOf(entity.EntityType, name)
        ?? entity.AspectNames.Select(registry.Aspect).OfType<AspectSpec>()
            .FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? (string.Equals(registry.KeyAspect(entity.EntityType).Name, name, StringComparison.OrdinalIgnoreCase)
            ? registry.KeyAspect(entity.EntityType) : null);

    /// <summary>The aspects a query parameter names (<c>aspects=a,b</c>); one the entity type lacks is a 400.</summary>
    public List<AspectSpec> NamedAspects(HttpContext context, MetadataRegistry registry, params string[] parameters) =>
        parameters.SelectMany(p => RestLi.List(context, p))
            .Select(name => AspectName(name, Entity, registry)
                            ?? throw new ValidationException("aspects", $"'{name}' is not an aspect of {Entity.EntityType}"))
            .ToList();

    /// <summary>How an error says that the path named the entity type.</summary>
    public static string PathNaming(EntitySpec entity) => $"the path {Prefix}{entity.EntityType}";
}
