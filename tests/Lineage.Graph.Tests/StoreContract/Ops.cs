using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Storage;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>Store operations and reads written the short way, as the write path would hand them to a store.</summary>
internal static class Ops
{
    public const string Actor = "urn:li:corpuser:contract-tests";

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>An unconditional upsert of <paramref name="json"/> producing the given (type, target) edges.</summary>
    public static UpsertAspect Upsert(string urn, string aspect, string json, params (string Type, string Target)[] edges)
    {
        var value = Json(json);
        return new UpsertAspect(urn, EntityTypeOf(urn), aspect, value, CanonicalJson.Hash(value), null,
            [.. edges.Select(e => new Relationship(urn, e.Type, e.Target, aspect, LineageRole.None))],
            WriteCondition.None, null, Actor);
    }

    /// <summary>An unconditional upsert of <paramref name="json"/> producing the given (type, target, lineage role) edges.</summary>
    public static UpsertAspect UpsertLineage(string urn, string aspect, string json, params (string Type, string Target, LineageRole Role)[] edges) =>
        Upsert(urn, aspect, json) with { Edges = [.. edges.Select(e => new Relationship(urn, e.Type, e.Target, aspect, e.Role))] };

    /// <summary>The status aspect, recording the soft-delete flag as the write path does.</summary>
    public static UpsertAspect Status(string urn, bool removed) =>
        Upsert(urn, "status", $$"""{"removed": {{(removed ? "true" : "false")}}}""") with { Removed = removed };

    public static DeleteAspect Delete(string urn, string aspect) =>
        new(urn, EntityTypeOf(urn), aspect, WriteCondition.None, aspect == "status" ? false : null, Actor);

    public static DeleteEntity DeleteEntity(string urn) => new(urn, EntityTypeOf(urn), Actor);

    public static async Task<WriteOutcome> WriteOneAsync(this IGraphStore store, StoreOperation operation) =>
        (await store.WriteAsync([operation], CancellationToken.None)).Single();

    public static Task<IReadOnlyList<WriteOutcome>> WriteBatchAsync(this IGraphStore store, params StoreOperation[] operations) =>
        store.WriteAsync(operations, CancellationToken.None);

    public static async Task<IReadOnlyList<ChangeRecord>> ChangesForAsync(this IGraphStore store, params string[] urns)
    {
        var changes = new List<ChangeRecord>();
        for (long after = 0; ;)
        {
            var page = await store.ReadChangesAfterAsync(after, 500, CancellationToken.None);
            if (page.Count == 0) return changes;
            changes.AddRange(page.Where(c => urns.Contains(c.Urn)));
            after = page[^1].Sequence;
        }
    }

    public static Task<RelationshipPage> OutgoingAsync(this IGraphStore store, string urn, params string[] types) =>
        store.GetRelationshipsAsync(new RelationshipQuery(urn, RelationshipDirection.Outgoing, types, 0, 100), CancellationToken.None);

    public static Task<RelationshipPage> IncomingAsync(this IGraphStore store, string urn, params string[] types) =>
        store.GetRelationshipsAsync(new RelationshipQuery(urn, RelationshipDirection.Incoming, types, 0, 100), CancellationToken.None);

    public static string EntityTypeOf(string urn) => urn.Split(':')[2];
}
