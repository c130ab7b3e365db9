namespace Lineage.Api.Health;

/// <summary>
/// <c>Lineage.Api --healthcheck</c>: asks the running service's <c>/health</c> and exits 0 or 1, so container
/// images need no curl for their health check.
/// </summary>
internal static class HealthCheckCommand
{
    public static bool Requested(string[] args) => args.Contains("--healthcheck");

    public static async Task<int> RunAsync()
    {
        var port = Environment.GetEnvironmentVariable("LINEAGE_HEALTHCHECK_PORT") ?? "8080";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
