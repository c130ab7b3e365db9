namespace Lineage.Search.Index;

/// <summary>
/// The fields of an entity's Lucene document. The searchable ones carry the names people type in
/// <c>field:value</c> queries; facet_* fields hold doc values for facet counts, sort_* for ordering.
/// </summary>
internal static class IndexFields
{
    public const string Urn = "urn";
    public const string Type = "type";
    public const string Name = "name";
    public const string NameExact = "name_exact";
    public const string NamePrefix = "ac_name";
    public const string WordPrefix = "ac_word";
    public const string NameWord = "name_word";
    public const string Description = "description";

    /// <summary>
    /// Every word of the name and the descriptions, each analysed as its own field analyses it, in one field that is
    /// never scored: a word that is the same term in both lets a query walk one list of documents, not two.
    /// </summary>
    public const string AnyWord = "any_word";
    public const string Platform = "platform";
    public const string Origin = "origin";
    public const string Tag = "tag";
    public const string Term = "term";
    public const string Domain = "domain";
    public const string Owner = "owner";
    public const string CustomProperty = "customProperty";
    public const string Deprecated = "deprecated";
    public const string Removed = "removed";

    public const string StoredName = "stored_name";
    public const string StoredDescription = "stored_description";
    public const string StoredPlatform = "stored_platform";
    public const string StoredTarget = "stored_target";
    public const string Connectivity = "sort_connectivity";
    public const string SortName = "sort_name";

    /// <summary>Facet name (as the API shows it) → doc-values field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Facets = new Dictionary<string, string>
    {
        ["entityType"] = "facet_type",
        ["platform"] = "facet_platform",
        ["origin"] = "facet_origin",
        ["tags"] = "facet_tag",
        ["glossaryTerms"] = "facet_term",
        ["domain"] = "facet_domain",
        ["owners"] = "facet_owner",
    };

    /// <summary>Fields a query may name (<c>tag:pii</c>); others are refused with the list.</summary>
    public static readonly IReadOnlySet<string> Queryable = new HashSet<string>
    {
        Urn, Type, Name, Description, Platform, Origin, Tag, Term, Domain, Owner, CustomProperty, Deprecated,
    };
}
