using Microsoft.Extensions.Options;

namespace Lineage.Api.Auth;

/// <summary>
/// On a store other instances share (Neo4j), re-reads the tokens every <see cref="AuthOptions.RefreshInterval"/>, so
/// that a token revoked on another instance stops working here within about that long. When the store cannot be
/// read, the last mirror stays in use and one warning says so, until a read succeeds again.
/// </summary>
internal sealed class TokenRefresh(TokenStore tokens, IOptions<AuthOptions> auth, ILogger<TokenRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!tokens.IsShared || !auth.Value.Enabled) return;
        var failing = false;
        // Real time, not the injected clock: tests move that one to expire tokens, not to drive this loop.
        using var timer = new PeriodicTimer(auth.Value.RefreshInterval);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await tokens.RefreshAsync(stoppingToken);
                if (failing) logger.LogInformation("The tokens in {Location} can be read again", tokens.Location);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever the failure, the process goes on with the tokens it has: an exception leaving this loop
                // would stop the host.
                if (!failing)
                    logger.LogWarning("The tokens in {Location} could not be refreshed ({Reason}); this instance keeps the ones it has until they can",
                        tokens.Location, e.Message);
                failing = true;
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
