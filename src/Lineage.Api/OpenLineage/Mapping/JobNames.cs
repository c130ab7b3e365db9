using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lineage.Graph.Urns;

namespace Lineage.Api.OpenLineage.Mapping;

/// <summary>
/// A job's dataFlow and dataJob urns, as DataHub's OpenLineageToDataHub (<c>getFlowUrn</c>, <c>convertJobToDataJob</c>)
/// builds them: <c>urn:li:dataFlow:(orchestrator, flow, namespace)</c>, where the flow is the job name up to its first
/// dot, and <c>urn:li:dataJob:(flow urn, job name)</c>. The orchestrator is the processing_engine run facet's name, else
/// read from the producer (OpenLineage's own integrations, Airflow, Trino, else the producer's last path segment).
/// </summary>
internal sealed partial record JobNames(Urn Flow, Urn Job, string Orchestrator, string FlowName, string DisplayName)
{
    public static JobNames Of(string jobNamespace, string jobName, string? producer, JsonObject runFacets)
    {
        var orchestrator = OrchestratorOf(runFacets, producer);
        var flowName = jobName.Split('.')[0];
        var flow = UrnBuilders.DataFlow(orchestrator, flowName, jobNamespace);
        var display = jobName.Contains('.') ? jobName[(jobName.IndexOf('.') + 1)..] : jobName;
        return new JobNames(flow, UrnBuilders.DataJob(flow, jobName), orchestrator, flowName, display);
    }

    private static string OrchestratorOf(JsonObject runFacets, string? producer)
    {
        if (runFacets["processing_engine"]?["name"] is JsonValue engine && engine.TryGetValue<string>(out var name) && name.Length > 0)
            return name.ToLowerInvariant();
        if (producer is null) return "openlineage";
        if (OpenLineageIntegration().Match(producer) is { Success: true } m) return m.Groups[1].Value;
        if (producer.StartsWith("https://github.com/apache/airflow/", StringComparison.Ordinal)) return "airflow";
        if (producer.StartsWith("https://github.com/trinodb/trino/", StringComparison.Ordinal)) return "trino";
        // DataHub's fallback for other producers: the last non-empty path segment (datahub#16961).
        return Uri.TryCreate(producer, UriKind.Absolute, out var uri)
               && uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [.., var last]
            ? last.ToLowerInvariant()
            : "openlineage";
    }

    [GeneratedRegex("^https://github.com/OpenLineage/OpenLineage/.*/(.*)$")]
    private static partial Regex OpenLineageIntegration();
}
