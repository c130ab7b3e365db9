using Lineage.Graph.Urns;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Lineage.Search.Index;

/// <summary>Turns an <see cref="EntityDocument"/> into Lucene fields and back (only what results show is stored).</summary>
internal static class DocumentMapper
{
    /// <summary>
    /// An exact term, as a <see cref="StringField"/> indexes it (one term, no norms, no frequencies), but made by the
    /// field's analyzer: Lucene.Net gives every <see cref="StringField"/> instance a token stream of its own, building
    /// its attributes behind a process-wide lock, while analyzers reuse theirs. With two dozen exact fields a document,
    /// that halved the time to add one (174 → 72 ms for 950 documents). The analyzer of these fields (the default
    /// keyword one) lower-cases, as every value here already is.
    /// </summary>
    private static readonly FieldType ExactType = ExactTerm(stored: false);

    /// <summary>The urn, kept as written (its analyzer does not lower-case) and stored for results.</summary>
    private static readonly FieldType UrnType = ExactTerm(stored: true);

    private static FieldType ExactTerm(bool stored)
    {
        var type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED)
        {
            OmitNorms = true,
            IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY,
        };
        type.Freeze();
        return type;
    }

    /// <summary>
    /// The autocomplete fields (name prefixes, word prefixes, whole words): analyzed into many terms, but only ever
    /// looked up term by term and sorted by doc values, never scored, so they keep no frequencies, positions or norms —
    /// a name's seventy-odd prefix terms were most of what a document wrote and what merges copied. That is the exact
    /// terms' type; each field's analyzer makes its terms.
    /// </summary>
    private static readonly FieldType LookupType = ExactType;

    private static Field Exact(string name, string value) => new(name, value, ExactType);

    /// <summary>A value of <see cref="IndexFields.AnyWord"/>, analysed as <paramref name="field"/>'s text: only whether a document has a word counts.</summary>
    private static Field AnyWord(string value, string field) => new AnalyzedAs(IndexFields.AnyWord, value, ExactType, field);

    public static Document ToLucene(EntityDocument e)
    {
        var doc = new Document
        {
            new Field(IndexFields.Urn, e.Urn, UrnType),
            Exact(IndexFields.Type, e.EntityType.ToLowerInvariant()),
            new TextField(IndexFields.Name, e.Name, Field.Store.NO),
            AnyWord(e.Name, IndexFields.Name),
            Exact(IndexFields.NameExact, e.Name.ToLowerInvariant()),
            new Field(IndexFields.NamePrefix, e.Name, LookupType),
            new Field(IndexFields.WordPrefix, e.Name, LookupType),
            new Field(IndexFields.NameWord, e.Name, LookupType),
            new StoredField(IndexFields.StoredName, e.Name),
            Exact(IndexFields.Deprecated, e.Deprecated ? "true" : "false"),
            Exact(IndexFields.Removed, e.Removed ? "true" : "false"),
            new NumericDocValuesField(IndexFields.Connectivity, e.Connectivity),
            new SortedDocValuesField(IndexFields.SortName, new BytesRef(e.Name.ToLowerInvariant())),
        };
        foreach (var text in e.AllDescriptions)
        {
            doc.Add(new TextField(IndexFields.Description, text, Field.Store.NO));
            doc.Add(AnyWord(text, IndexFields.Description));
        }
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
            doc.Add(Exact(IndexFields.CustomProperty, property.ToLowerInvariant()));
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
                doc.Add(Exact(field, value.ToLowerInvariant()));
                if (shortName && Urn.TryParse(value, out var urn, out _) && urn!.Name is { } name && name != value)
                    doc.Add(Exact(field, name.ToLowerInvariant()));
            }
            doc.Add(new SortedSetDocValuesField(IndexFields.Facets[facet], new BytesRef(value)));
        }
    }

    /// <summary>
    /// A field whose text is analysed as another field's. The stream is asked for when the writer inverts the field,
    /// one field after another, so it can share the analyzer's reused stream with that other field.
    /// </summary>
    private sealed class AnalyzedAs(string name, string value, FieldType type, string field) : Field(name, value, type)
    {
        public override Lucene.Net.Analysis.TokenStream GetTokenStream(Lucene.Net.Analysis.Analyzer analyzer) =>
            Analysis.SearchAnalyzers.PerField.GetTokenStream(field, GetStringValue());
    }
}
