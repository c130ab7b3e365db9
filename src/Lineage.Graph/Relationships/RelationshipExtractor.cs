using System.Text.Json.Nodes;
using Lineage.Graph.Registry;

namespace Lineage.Graph.Relationships;

/// <summary>
/// Derives the edges an aspect value produces: those its schema's annotations give, by walking the value alongside
/// it, and the column edges (<see cref="ColumnEdges"/>).
/// </summary>
public static class RelationshipExtractor
{
    /// <summary>The edges of an already validated aspect value; each (type, target) once.</summary>
    public static IReadOnlyList<Relationship> Extract(string sourceUrn, AspectSpec spec, JsonObject value)
    {
        var edges = new List<Relationship>();
        Walk(spec.Schema, value, (rel, target) => edges.Add(new Relationship(sourceUrn, rel.Name, target, spec.Name, rel.Lineage)));
        if (ColumnEdges.Derives(spec.Name)) edges.AddRange(ColumnEdges.Of(Urns.Urn.Parse(sourceUrn, "urn"), spec.Name, value));
        return edges.Distinct().ToList();
    }

    private static void Walk(FieldType type, JsonNode? node, Action<RelationshipSpec, string> emit)
    {
        switch (type, node)
        {
            case (UrnType { Relationship: { } rel }, JsonValue v):
                emit(rel, v.GetValue<string>());
                break;
            case (ArrayType a, JsonArray items):
                foreach (var item in items) Walk(a.Items, item, emit);
                break;
            case (MapType m, JsonObject map):
                foreach (var (_, item) in map) Walk(m.Values, item, emit);
                break;
            case (RecordType r, JsonObject record):
                foreach (var (name, item) in record)
                    if (r.Field(name) is { } field) Walk(field.Type, item, emit);
                break;
            case (UnionType u, JsonObject { Count: 1 } wrapper)
                when u.Members.FirstOrDefault(m => m.Key == wrapper.First().Key) is { } member:
                Walk(member.Type, wrapper.First().Value, emit);
                break;
            // A bare URN in a union (PDL's union[DatasetUrn], sent unwrapped) is an edge when a URN member says so.
            case (UnionType u, JsonValue v) when u.Members.Select(m => m.Type).OfType<UrnType>().FirstOrDefault(t => t.Relationship is not null) is { } urn:
                Walk(urn, v, emit);
                break;
        }
    }
}
