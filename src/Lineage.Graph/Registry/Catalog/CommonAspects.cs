using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>Aspects that many entity types accept (com.linkedin.common.*, domains, container, structured properties, tests …).</summary>
internal static class CommonAspects
{
    private const string Ns = "com.linkedin.common.";

    private static readonly EnumType OwnershipType = Enum("OwnershipType",
        "CUSTOM", "TECHNICAL_OWNER", "BUSINESS_OWNER", "DATA_STEWARD", "NONE",
        "DEVELOPER", "DATAOWNER", "DELEGATE", "PRODUCER", "CONSUMER", "STAKEHOLDER");

    /// <summary>
    /// PDL makes <c>type</c> required (and deprecated in favour of typeUrn); model.md marks only <c>owner</c> as
    /// required, so an owner given by typeUrn alone is accepted.
    /// </summary>
    private static readonly RecordType Owner = Record("Owner",
        Required("owner", EdgeTo("OwnedBy", LineageRole.None, "corpuser", "corpGroup")),
        Optional("type", OwnershipType),
        Optional("typeUrn", EdgeTo("ownershipType", LineageRole.None, "ownershipType")),
        Optional("source", Record("OwnershipSource",
            Required("type", Enum("OwnershipSourceType",
                "AUDIT", "DATABASE", "FILE_SYSTEM", "ISSUE_TRACKING_SYSTEM", "MANUAL", "SERVICE", "SOURCE_CONTROL", "OTHER")),
            Optional("url", Text))),
        Optional("attribution", MetadataAttribution));

    public static readonly AspectSpec Ownership = Aspect("ownership", Ns + "Ownership",
        Record("Ownership",
            Required("owners", ListOf(Owner)),
            Optional("ownerTypes", MapOf(ListOf(UrnOf()))),
            Optional("lastModified", AuditStamp)));

    public static readonly AspectSpec GlobalTags = Aspect("globalTags", Ns + "GlobalTags",
        GlobalTagsOf(EdgeTo("TaggedWith", LineageRole.None, "tag")));

    public static readonly AspectSpec GlossaryTerms = Aspect("glossaryTerms", Ns + "GlossaryTerms",
        GlossaryTermsOf(EdgeTo("TermedWith", LineageRole.None, "glossaryTerm")));

    public static readonly AspectSpec Domains = Aspect("domains", "com.linkedin.domain.Domains",
        Record("Domains",
            Required("domains", ListOf(EdgeTo("AssociatedWith", LineageRole.None, "domain")))));

    public static readonly AspectSpec Applications = Aspect("applications", "com.linkedin.application.Applications",
        Record("Applications",
            Required("applications", ListOf(EdgeTo("AssociatedWith", LineageRole.None, "application")))));

    public static readonly AspectSpec Container = Aspect("container", "com.linkedin.container.Container",
        Record("Container",
            Required("container", EdgeTo("IsPartOf", LineageRole.None, "container"))));

    public static readonly AspectSpec Status = Aspect("status", Ns + "Status",
        Record("Status",
            Optional("removed", Bool)));

    /// <summary>replacement is in model.md and newer PDL versions.</summary>
    public static readonly AspectSpec Deprecation = Aspect("deprecation", Ns + "Deprecation",
        Record("Deprecation",
            Required("deprecated", Bool),
            Optional("decommissionTime", Long),
            Required("note", Text),
            Required("actor", UrnOf()),
            Optional("replacement", UrnOf())));

    public static readonly AspectSpec InstitutionalMemory = Aspect("institutionalMemory", Ns + "InstitutionalMemory",
        Record("InstitutionalMemory",
            Required("elements", ListOf(Record("InstitutionalMemoryMetadata",
                Required("url", Text),
                Required("description", Text),
                Required("createStamp", AuditStamp),
                Optional("updateStamp", AuditStamp),
                Optional("settings", Record("InstitutionalMemoryMetadataSettings",
                    Optional("showInAssetPreview", Bool))))))));

    public static readonly AspectSpec BrowsePaths = Aspect("browsePaths", Ns + "BrowsePaths",
        Record("BrowsePaths",
            Required("paths", ListOf(Text))));

    public static readonly AspectSpec BrowsePathsV2 = Aspect("browsePathsV2", Ns + "BrowsePathsV2",
        Record("BrowsePathsV2",
            Required("path", ListOf(Record("BrowsePathEntry",
                Required("id", Text),
                Optional("urn", UrnOf()))))));

    public static readonly AspectSpec DataPlatformInstance = Aspect("dataPlatformInstance", Ns + "DataPlatformInstance",
        Record("DataPlatformInstance",
            Required("platform", UrnOf()),
            Optional("instance", UrnOf())));

    public static readonly AspectSpec SubTypes = Aspect("subTypes", Ns + "SubTypes",
        Record("SubTypes",
            Required("typeNames", ListOf(Text))));

    /// <summary>values is an array of union[string, double], so each value is wrapped (<c>{"double": 1.0}</c>).</summary>
    public static readonly AspectSpec StructuredProperties = Aspect("structuredProperties",
        "com.linkedin.structured.StructuredProperties",
        Record("StructuredProperties",
            Required("properties", ListOf(Record("StructuredPropertyValueAssignment",
                Required("propertyUrn", UrnOf()),
                Required("values", ListOf(Union(Member("string", Text), Member("double", Schema.Double)))),
                Optional("created", AuditStamp),
                Optional("lastModified", AuditStamp),
                Optional("attribution", MetadataAttribution))))));

    private static RecordType TestResult(string relationship) => Record("TestResult",
        Required("test", EdgeTo(relationship, LineageRole.None, "test")),
        Required("type", Enum("TestResultType", "SUCCESS", "FAILURE")),
        Optional("testDefinitionMd5", Text),
        Optional("lastComputed", AuditStamp));

    public static readonly AspectSpec TestResults = Aspect("testResults", "com.linkedin.test.TestResults",
        Record("TestResults",
            Required("failing", ListOf(TestResult("IsFailing"))),
            Required("passing", ListOf(TestResult("IsPassing")))));

    private static readonly RecordType FieldFormPromptAssociation = Record("FieldFormPromptAssociation",
        Required("fieldPath", Text),
        Required("lastModified", AuditStamp));

    private static readonly RecordType FormPromptAssociation = Record("FormPromptAssociation",
        Required("id", Text),
        Required("lastModified", AuditStamp),
        Optional("fieldAssociations", Record("FormPromptFieldAssociations",
            Optional("completedFieldPrompts", ListOf(FieldFormPromptAssociation)),
            Optional("incompleteFieldPrompts", ListOf(FieldFormPromptAssociation)))));

    private static readonly RecordType FormAssociation = Record("FormAssociation",
        Required("urn", UrnOf()),
        Optional("incompletePrompts", ListOf(FormPromptAssociation)),
        Optional("completedPrompts", ListOf(FormPromptAssociation)));

    public static readonly AspectSpec Forms = Aspect("forms", Ns + "Forms",
        Record("Forms",
            Required("incompleteForms", ListOf(FormAssociation)),
            Required("completedForms", ListOf(FormAssociation)),
            Optional("verifications", ListOf(Record("FormVerificationAssociation",
                Required("form", UrnOf()),
                Optional("lastModified", AuditStamp))))));

    /// <summary>
    /// How a job transforms its data: its SQL or other code (DataHub's OpenLineage mapping writes the sql and sourceCode
    /// facets here). QueryStatement's language is SQL in the PDL read; UNKNOWN is the newer mapping's for source code.
    /// </summary>
    public static readonly AspectSpec DataTransformLogic = Aspect("dataTransformLogic", Ns + "DataTransformLogic",
        Record("DataTransformLogic",
            Required("transforms", ListOf(Record("DataTransform",
                Optional("queryStatement", Record("QueryStatement",
                    Required("value", Text),
                    Optional("language", Enum("QueryLanguage", "SQL", "UNKNOWN")))))))));

    /// <summary>A column's documentation (schemaField's aspect), with where each text came from.</summary>
    public static readonly AspectSpec Documentation = Aspect("documentation", Ns + "Documentation",
        Record("Documentation",
            Required("documentations", ListOf(Record("DocumentationAssociation",
                Required("documentation", Text),
                Optional("attribution", MetadataAttribution))))));

    public static IEnumerable<AspectSpec> All =>
    [
        Ownership, GlobalTags, GlossaryTerms, Domains, Applications, Container, Status, Deprecation,
        InstitutionalMemory, BrowsePaths, BrowsePathsV2, DataPlatformInstance, SubTypes, StructuredProperties,
        TestResults, Forms, Documentation, DataTransformLogic,
    ];
}
