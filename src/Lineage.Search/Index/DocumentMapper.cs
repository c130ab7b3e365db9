using Lineage.Graph.Urns;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Lineage.Search.Index;

/// <summary>Turns an <see cref="EntityDocument"/> into Lucene fields and back (only what results show is stored).</summary>
internal static class DocumentMapper
{
    public static Document ToLucene(EntityDocument e)
    {
        var doc = new Document
        {
            new StringField(IndexFields.Urn, e.Urn, Field.Store.YES),
            new StringField(IndexFields.Type, e.EntityType.ToLowerInvariant(), Field.Store.NO),
            new TextField(IndexFields.Name, e.Name, Field.Store.NO),
            new StringField(IndexFields.NameExact, e.Name.ToLowerInvariant(), Field.Store.NO),
            new TextField(IndexFields.NamePrefix, e.Name, Field.Store.NO),
            new TextField(IndexFields.WordPrefix, e.Name, Field.Store.NO),
            new TextField(IndexFields.NameWord, e.Name, Field.Store.NO),
            new StoredField(IndexFields.StoredName, e.Name),
            new StringField(IndexFields.Deprecated, e.Deprecated ? "true" : "false", Field.Store.NO),
            new StringField(IndexFields.Removed, e.Removed ? "true" : "false", Field.Store.NO),
            new NumericDocValuesField(IndexFields.Connectivity, e.Connectivity),
            new SortedDocValuesField(IndexFields.SortName, new BytesRef(e.Name.ToLowerInvariant())),
        };
        foreach (var text in e.AllDescriptions) doc.Add(new TextField(IndexFields.Description, text, Field.Store.NO));
        if (e.Description is not null) doc.Add(new StoredField(IndexFields.StoredDescription, e.Description));
        if (e.Platform is not null) doc.Add(new StoredField(IndexFields.StoredPlatform, e.Platform));
        foreach (var target in e.Targets) doc.Add(new StoredField(IndexFields.StoredTarget, target));

        AddValues(doc, "entityType", IndexFields.Type, [e.EntityType], shortName: false, searchable: false);
        AddValues(doc, "platform", IndexFields.Platform, e.Platform is null ? [] : [e.Platform]);
        AddValues(doc, "origin", IndexFields.Origin, e.Origin is null ? [] : [e.Origin]);
        AddValues(doc, "tags", IndexFields.Tag, e.Tags);
        AddValues(doc, "glossaryTerms", IndexFields.Term, e.Terms);
        AddValues(doc, "domain", IndexFields.Domain, e.Domain is null ? [] : [e.Domain]);
        AddValues(doc, "owners", IndexFields.Owner, e.Owners);
        foreach (var property in e.CustomProperties)
            doc.Add(new StringField(IndexFields.CustomProperty, property.ToLowerInvariant(), Field.Store.NO));
        return doc;
    }

    /// <summary>
    /// A multi-valued exact field: each value searchable as written and, for URNs, by its short name
    /// (<c>tag:pii</c> finds <c>urn:li:tag:pii</c>), and counted for its facet as the full value.
    /// </summary>
    private static void AddValues(Document doc, string facet, string field, IEnumerable<string> values, bool shortName = true, bool searchable = true)
    {
        foreach (var value in values.Distinct())
        {
            if (searchable)
            {
                doc.Add(new StringField(field, value.ToLowerInvariant(), Field.Store.NO));
                if (shortName && Urn.TryParse(value, out var urn, out _) && urn!.Name is { } name && name != value)
                    doc.Add(new StringField(field, name.ToLowerInvariant(), Field.Store.NO));
            }
            doc.Add(new SortedSetDocValuesField(IndexFields.Facets[facet], new BytesRef(value)));
        }
    }
}
