using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lineage.Graph.Urns;

namespace Lineage.Api.OpenLineage.Mapping;

/// <summary>
/// A job's dataFlow and dataJob urns, as DataHub's OpenLineagePlatformResolver (<c>getFlowUrn</c>) builds them:
/// <c>urn:li:dataFlow:(orchestrator, flow, namespace)</c>, where the flow is the job name up to its first dot, and
/// <c>urn:li:dataJob:(flow urn, job name)</c>. The orchestrator is the jobType facet's integration, else the
/// processing_engine run facet's name, else read from the producer (Airflow, Trino, OpenLineage's own integrations),
/// else <c>unknown</c>; lower-cased. Unlike DataHub, any <c>integration/&lt;x&gt;</c> producer of OpenLineage's
/// repository names its integration (DataHub knows airflow, flink, spark and trino only), so dbt's events say dbt.
/// </summary>
internal sealed partial record JobNames(Urn Flow, Urn Job, string Orchestrator, string FlowName, string DisplayName)
{
    /// <param name="fallbackOrchestrator">The orchestrator when nothing names one: DataHub's <c>unknown</c>, or a child's for its parent.</param>
    public static JobNames Of(
        string jobNamespace, string jobName, string? producer, JsonObject jobFacets, JsonObject runFacets, string fallbackOrchestrator = "unknown")
    {
        var orchestrator = OrchestratorOf(jobFacets, runFacets, producer) ?? fallbackOrchestrator;
        var flowName = jobName.Split('.')[0];
        var flow = UrnBuilders.DataFlow(orchestrator, flowName, jobNamespace);
        var display = jobName.Contains('.') ? jobName[(jobName.IndexOf('.') + 1)..] : jobName;
        return new JobNames(flow, UrnBuilders.DataJob(flow, jobName), orchestrator, flowName, display);
    }

    private static string? OrchestratorOf(JsonObject jobFacets, JsonObject runFacets, string? producer)
    {
        var named = Facets.Text(jobFacets["jobType"]?["integration"]) is { Length: > 0 } integration ? integration
            : Facets.Text(runFacets["processing_engine"]?["name"]) is { Length: > 0 } engine ? engine
            : producer is null ? null
            : producer.StartsWith("https://github.com/apache/airflow", StringComparison.Ordinal) ? "airflow"
            : producer.StartsWith("https://github.com/trinodb/trino", StringComparison.Ordinal) ? "trino"
            : OpenLineageIntegration().Match(producer) is { Success: true } m ? m.Groups[1].Value
            : null;
        return named?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "awsathena" => "athena",
            "sqlserver" => "mssql",
            var name => name,
        };
    }

    [GeneratedRegex("^https://github.com/OpenLineage/OpenLineage/(?:(?:tree|blob)/[^/]+/)?integration/([^/]+)")]
    private static partial Regex OpenLineageIntegration();
}
