using FastEndpoints;

namespace Lineage.Api.Config;

/// <summary>
/// <c>GET /config</c>, as DataHub's clients check it on connecting: <c>noCode</c> must be the string "true" and
/// <c>versions["acryldata/datahub"].version</c> parseable.
/// </summary>
internal sealed class ConfigEndpoint(IConfiguration configuration) : EndpointWithoutRequest
{
    /// <summary>Where the DataHub version Lineage reports can be changed.</summary>
    public const string ReportedVersionKey = "Lineage:DataHub:ReportedVersion";

    /// <summary>
    /// From 1.0.1 on, DataHub's SDK (<c>DataHubClient</c>) writes through OpenAPI v3; below it, through Rest.li. Lineage
    /// serves both, so either answer works; reporting v0.15.0 keeps a client on Rest.li.
    /// </summary>
    public const string DefaultReportedVersion = "v1.1.0";

    public override void Configure()
    {
        Get("/config");
        // Public: probes, and clients that call it before they send a token.
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(new
    {
        noCode = "true",
        statefulIngestionCapable = true,
        retention = "true",
        // DataHub's keyed-array PATCH is applied as its server does (Lineage.Graph.Writing.Patch), so the SDK may send it.
        patchCapable = true,
        versions = new Dictionary<string, object>
        {
            ["acryldata/datahub"] = new { version = configuration[ReportedVersionKey] ?? DefaultReportedVersion, commit = "lineage" },
            ["lineage"] = new { version = typeof(ConfigEndpoint).Assembly.GetName().Version?.ToString() ?? "0.0.0" },
        },
        datahub = new { serverType = "prod", serverEnv = "core" },
    }, ct);
}
