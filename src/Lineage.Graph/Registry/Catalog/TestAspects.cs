using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>The aspect of DataHub's metadata tests (com.linkedin.test.TestInfo); results live on the tested entity.</summary>
internal static class TestAspects
{
    private const string Ns = "com.linkedin.test.";

    public static readonly AspectSpec TestInfo = Aspect("testInfo", Ns + "TestInfo",
        Record("TestInfo",
            Required("name", Text),
            Required("category", Text),
            Optional("description", Text),
            Required("definition", Record("TestDefinition",
                Required("type", Enum("TestDefinitionType", "JSON")),
                Optional("json", Text),
                Optional("md5", Text))),
            Optional("lastUpdatedTimestamp", Long),
            Optional("created", AuditStamp),
            Optional("lastUpdated", AuditStamp),
            Optional("status", Record("TestStatus",
                Required("mode", Enum("TestMode", "ACTIVE", "INACTIVE")))),
            Optional("source", Record("TestSource",
                Required("type", Enum("TestSourceType", "FORMS", "BULK_FORM_SUBMISSION")),
                Optional("sourceEntity", UrnOf()))),
            Optional("schedule", Record("TestSchedule",
                Optional("interval", Enum("TestInterval", "DAILY", "NONE"))))));

    public static IEnumerable<AspectSpec> All => [TestInfo];
}
