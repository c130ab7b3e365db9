using GraphQL;
using GraphQL.Resolvers;
using Lineage.Graph.Storage;

namespace Lineage.Api.GraphQL;

/// <summary>The few shapes every resolver takes: from the context, from an entity's URN, from its aspects, from a JSON part.</summary>
internal static class Resolve
{
    public static ResolverContext Context(IResolveFieldContext context) => (ResolverContext)context.UserContext;

    public static IFieldResolver With(Func<IResolveFieldContext, object?> resolve) => new FuncFieldResolver<object>(resolve);

    public static IFieldResolver WithAsync(Func<IResolveFieldContext, Task<object?>> resolve) =>
        new FuncFieldResolver<object>(context => new ValueTask<object?>(resolve(context)));

    /// <summary>A field answered from the entity's URN alone, without reading the store.</summary>
    public static IFieldResolver FromUrn(Func<EntityNode, object?> resolve) => With(context => resolve((EntityNode)context.Source!));

    /// <summary>A field answered from the entity as stored (null when it has no aspects), read in the level's batch.</summary>
    public static IFieldResolver FromEntity(Func<EntityNode, StoredEntity?, object?> resolve) => With(context =>
    {
        var node = (EntityNode)context.Source!;
        return Context(context).Loader.Load(node.Urn.ToString()).Then(entity => resolve(node, entity));
    });

    /// <summary>A field answered from one aspect; null when the entity does not have it.</summary>
    public static IFieldResolver FromAspect(string aspect, Func<JsonSource, EntityNode, object?> resolve) =>
        FromEntity((node, entity) => Aspect(entity, aspect) is { } value ? resolve(new JsonSource(value.Value, node.Urn.ToString()), node) : null);

    /// <summary>The aspect itself as the field's value (its members are read by name).</summary>
    public static IFieldResolver FromAspect(string aspect) => FromAspect(aspect, (json, _) => json);

    /// <summary>A field of a JSON part with a resolver of its own.</summary>
    public static IFieldResolver FromJson(Func<JsonSource, object?> resolve) => With(context => resolve((JsonSource)context.Source!));

    public static StoredAspect? Aspect(StoredEntity? entity, string name) => entity?.Aspects.FirstOrDefault(a => a.Name == name);

    /// <summary>Entity nodes for URNs, leaving out those GraphQL cannot show.</summary>
    public static List<EntityNode> Nodes(IEnumerable<string>? urns) => (urns ?? []).Select(EntityNode.From).OfType<EntityNode>().ToList();
}
