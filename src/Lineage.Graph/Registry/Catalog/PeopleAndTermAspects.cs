using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>
/// The aspects of the supporting entities: users and groups, tags, glossary terms and nodes, domains, containers,
/// data platforms and their instances, ownership types.
/// </summary>
/// <remarks>
/// The URN fields DataHub annotates are edges with its names (managerUrn ReportsTo, parentNode and parentDomain
/// IsPartOf, the deprecated CorpGroupInfo lists OwnedBy / IsPartOf, platforms IsUserOf, persona IsPersona); none is
/// lineage.
/// </remarks>
internal static class PeopleAndTermAspects
{
    private const string Identity = "com.linkedin.identity.";

    /// <summary>active is deprecated in favour of corpUserStatus but still required by the PDL.</summary>
    public static readonly AspectSpec CorpUserInfo = Aspect("corpUserInfo", Identity + "CorpUserInfo",
        Record("CorpUserInfo", [CustomProperties],
            Required("active", Bool),
            Optional("displayName", Text),
            Optional("email", Text),
            Optional("title", Text),
            Optional("managerUrn", EdgeTo("ReportsTo", LineageRole.None, "corpuser")),
            Optional("departmentId", Long),
            Optional("departmentName", Text),
            Optional("firstName", Text),
            Optional("lastName", Text),
            Optional("fullName", Text),
            Optional("countryCode", Text),
            Optional("system", Bool)));

    public static readonly AspectSpec CorpUserEditableInfo = Aspect("corpUserEditableInfo", Identity + "CorpUserEditableInfo",
        Record("CorpUserEditableInfo",
            Optional("aboutMe", Text),
            Optional("teams", ListOf(Text)),
            Optional("skills", ListOf(Text)),
            Optional("pictureLink", Text),
            Optional("displayName", Text),
            Optional("title", Text),
            Optional("platforms", ListOf(EdgeTo("IsUserOf", LineageRole.None, "dataPlatform"))),
            Optional("persona", EdgeTo("IsPersona", LineageRole.None, "dataHubPersona")),
            Optional("slack", Text),
            Optional("phone", Text),
            Optional("email", Text),
            Optional("informationSources", ListOf(UrnOf()))));

    public static readonly AspectSpec CorpUserStatus = Aspect("corpUserStatus", Identity + "CorpUserStatus",
        Record("CorpUserStatus",
            Required("status", Text),
            Required("lastModified", AuditStamp)));

    /// <summary>
    /// admins, members and groups are deprecated (replaced by ownership and groupMembership) but still required; their
    /// edges are the PDL's: the group is OwnedBy its admins and IsPartOf its members and sub-groups.
    /// </summary>
    public static readonly AspectSpec CorpGroupInfo = Aspect("corpGroupInfo", Identity + "CorpGroupInfo",
        Record("CorpGroupInfo",
            Optional("displayName", Text),
            Optional("email", Text),
            Required("admins", ListOf(EdgeTo("OwnedBy", LineageRole.None, "corpuser"))),
            Required("members", ListOf(EdgeTo("IsPartOf", LineageRole.None, "corpuser"))),
            Required("groups", ListOf(EdgeTo("IsPartOf", LineageRole.None, "corpGroup"))),
            Optional("description", Text),
            Optional("slack", Text),
            Optional("created", AuditStamp)));

    public static readonly AspectSpec CorpGroupEditableInfo = Aspect("corpGroupEditableInfo", Identity + "CorpGroupEditableInfo",
        Record("CorpGroupEditableInfo",
            Optional("description", Text),
            Optional("pictureLink", Text),
            Optional("slack", Text),
            Optional("email", Text)));

    public static readonly AspectSpec TagProperties = Aspect("tagProperties", "com.linkedin.tag.TagProperties",
        Record("TagProperties",
            Required("name", Text),
            Optional("description", Text),
            Optional("colorHex", Text)));

    public static readonly AspectSpec GlossaryTermInfo = Aspect("glossaryTermInfo", "com.linkedin.glossary.GlossaryTermInfo",
        Record("GlossaryTermInfo", [CustomProperties],
            Optional("id", Text),
            Optional("name", Text),
            Required("definition", Text),
            Optional("parentNode", EdgeTo("IsPartOf", LineageRole.None, "glossaryNode")),
            Required("termSource", Text),
            Optional("sourceRef", Text),
            Optional("sourceUrl", Text),
            Optional("rawSchema", Text)));

    public static readonly AspectSpec GlossaryNodeInfo = Aspect("glossaryNodeInfo", "com.linkedin.glossary.GlossaryNodeInfo",
        Record("GlossaryNodeInfo", [CustomProperties],
            Required("definition", Text),
            Optional("parentNode", EdgeTo("IsPartOf", LineageRole.None, "glossaryNode")),
            Optional("name", Text),
            Optional("id", Text)));

    public static readonly AspectSpec DomainProperties = Aspect("domainProperties", "com.linkedin.domain.DomainProperties",
        Record("DomainProperties", [CustomProperties],
            Required("name", Text),
            Optional("description", Text),
            Optional("created", AuditStamp),
            Optional("parentDomain", EdgeTo("IsPartOf", LineageRole.None, "domain"))));

    public static readonly AspectSpec ContainerProperties = Aspect("containerProperties",
        "com.linkedin.container.ContainerProperties",
        Record("ContainerProperties", [CustomProperties, ExternalReference],
            Required("name", Text),
            Optional("qualifiedName", Text),
            Optional("description", Text),
            Optional("created", TimeStamp),
            Optional("lastModified", TimeStamp),
            Optional("env", Fabric)));

    public static readonly AspectSpec EditableContainerProperties = Aspect("editableContainerProperties",
        "com.linkedin.container.EditableContainerProperties",
        Record("EditableContainerProperties",
            Optional("description", Text)));

    /// <summary>displayName is from newer PDL versions than the one in the audit (docs/registry-audit.md).</summary>
    public static readonly AspectSpec DataPlatformInfo = Aspect("dataPlatformInfo",
        "com.linkedin.dataplatform.DataPlatformInfo",
        Record("DataPlatformInfo",
            Required("name", Text),
            Optional("displayName", Text),
            Required("type", Enum("PlatformType",
                "FILE_SYSTEM", "KEY_VALUE_STORE", "MESSAGE_BROKER", "OBJECT_STORE", "OLAP_DATASTORE", "OTHERS",
                "QUERY_ENGINE", "RELATIONAL_DB", "SEARCH_ENGINE")),
            Required("datasetNameDelimiter", Text),
            Optional("logoUrl", Text)));

    public static readonly AspectSpec DataPlatformInstanceProperties = Aspect("dataPlatformInstanceProperties",
        "com.linkedin.dataplatforminstance.DataPlatformInstanceProperties",
        Record("DataPlatformInstanceProperties", [CustomProperties, ExternalReference],
            Optional("name", Text),
            Optional("description", Text)));

    public static readonly AspectSpec OwnershipTypeInfo = Aspect("ownershipTypeInfo",
        "com.linkedin.ownership.OwnershipTypeInfo",
        Record("OwnershipTypeInfo",
            Required("name", Text),
            Optional("description", Text),
            Required("created", AuditStamp),
            Required("lastModified", AuditStamp)));

    public static IEnumerable<AspectSpec> All =>
    [
        CorpUserInfo, CorpUserEditableInfo, CorpUserStatus, CorpGroupInfo, CorpGroupEditableInfo, TagProperties,
        GlossaryTermInfo, GlossaryNodeInfo, DomainProperties, ContainerProperties, EditableContainerProperties,
        DataPlatformInfo, DataPlatformInstanceProperties, OwnershipTypeInfo,
    ];
}
