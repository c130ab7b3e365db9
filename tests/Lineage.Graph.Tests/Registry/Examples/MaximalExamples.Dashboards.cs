namespace Lineage.Graph.Tests.Registry.Examples;

// The aspects of charts, dashboards (DashboardAspects.cs) and metadata tests (TestAspects.cs). Titles, URNs and the
// Looker platform follow the charts and dashboard of DataHub's metadata-ingestion/examples/mce_files/bootstrap_mce.json.
internal static partial class MaximalExamples
{
    private static MaximalExample[] DashboardExamples =>
    [
        // inputs is array[ChartDataSourceType], a one-member union[DatasetUrn]: each item wrapped by "string".
        new("chartInfo", "chart", """
            {"customProperties": {"looker_explore": "users.deleted"}, "externalUrl": "https://looker.example.com/looks/baz1",
             "title": "Baz Chart 1", "description": "Users deleted per day, by reason",
             "lastModified": {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>},
             "chartUrl": "https://looker.example.com/embed/looks/baz1",
             "inputs": [{"string": "<<Dataset>>"}], "inputEdges": [<<ChartInputEdge>>],
             "type": "BAR", "access": "PUBLIC", "lastRefreshed": 1718000000000}
            """),
        new("chartQuery", "chart", """
            {"rawQuery": "SELECT deletion_reason, COUNT(*) AS users FROM fct_users_deleted GROUP BY deletion_reason",
             "type": "SQL"}
            """),
        new("editableChartProperties", "chart", """
            {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>, "description": "Edited in the UI"}
            """),
        new("dashboardInfo", "dashboard", """
            {"customProperties": {"prop1": "fakeprop", "prop2": "pikachu"}, "externalUrl": "https://looker.example.com/dashboards/baz",
             "title": "Baz Dashboard", "description": "Who leaves, and why",
             "charts": ["<<Chart>>", "urn:li:chart:(looker,example_chart2)"], "chartEdges": [<<DashboardChartEdge>>],
             "datasets": ["<<Dataset>>"], "datasetEdges": [<<DashboardDatasetEdge>>],
             "lastModified": {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>},
             "dashboardUrl": "https://looker.example.com/embed/dashboards/baz", "access": "PRIVATE",
             "lastRefreshed": 1718000000000}
            """),
        new("editableDashboardProperties", "dashboard", """
            {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>, "description": "Edited in the UI"}
            """),
        // The source is the form that generated the test, an entity type Lineage has no key spec for.
        new("testInfo", "test", """
            {"name": "Datasets have an owner", "category": "Governance",
             "description": "Every production dataset names at least one owner",
             "definition": {"type": "JSON",
                            "json": "{\"on\": {\"types\": [\"dataset\"]}, \"rules\": {\"and\": [{\"property\": \"ownership.owners.owner\", \"operator\": \"exists\"}]}}",
                            "md5": "3b5d5c3712955042212316173ccf37be"},
             "lastUpdatedTimestamp": 1718000000000, "created": <<Stamp>>, "lastUpdated": <<Stamp>>,
             "status": {"mode": "ACTIVE"}, "source": {"type": "FORMS", "sourceEntity": "urn:li:form:ml-governance"},
             "schedule": {"interval": "DAILY"}}
            """),
    ];
}
