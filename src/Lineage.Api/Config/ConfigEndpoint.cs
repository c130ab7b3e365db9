using FastEndpoints;

namespace Lineage.Api.Config;

/// <summary>
/// <c>GET /config</c>, as DataHub's clients check it on connecting: <c>noCode</c> must be the string "true" and
/// <c>versions["acryldata/datahub"].version</c> parseable.
/// </summary>
internal sealed class ConfigEndpoint : EndpointWithoutRequest
{
    /// <summary>
    /// Below 1.0.1 the new SDK writes through Rest.li, which Lineage serves; OpenAPI v3 writes come with the clients issue.
    /// </summary>
    public const string ReportedDataHubVersion = "v0.15.0";

    public override void Configure()
    {
        Get("/config");
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(new
    {
        noCode = "true",
        statefulIngestionCapable = true,
        retention = "true",
        versions = new Dictionary<string, object>
        {
            ["acryldata/datahub"] = new { version = ReportedDataHubVersion, commit = "lineage" },
            ["lineage"] = new { version = typeof(ConfigEndpoint).Assembly.GetName().Version?.ToString() ?? "0.0.0" },
        },
        datahub = new { serverType = "prod", serverEnv = "core" },
    }, ct);
}
