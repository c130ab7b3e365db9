using Lineage.Api.Auth.Persistence;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Auth;

/// <summary>
/// Loads the tokens at start and makes the store's first admin token: once per store, so on Neo4j only the instance
/// that made it writes it to <c>&lt;dataDir&gt;/admin.token</c> (mode 0600), logging where, never what. When Neo4j
/// is not reachable at start, it tries again in the background until it is.
/// </summary>
internal sealed class TokenBootstrap(
    TokenStore tokens, IOptions<AuthOptions> auth, DataDirectory dataDirectory, ILogger<TokenBootstrap> logger) : IHostedService
{
    public const string FileName = "admin.token";

    private const string AdminName = "admin (generated on first start)";

    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    /// <summary>Where the generated admin token is written: <see cref="AuthOptions.AdminTokenFile"/>, else the data directory.</summary>
    public static string PathOf(AuthOptions auth, DataDirectory dataDirectory) =>
        string.IsNullOrWhiteSpace(auth.AdminTokenFile) ? Path.Combine(dataDirectory.Path, FileName) : Path.GetFullPath(auth.AdminTokenFile);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!auth.Value.Enabled)
            logger.LogWarning("Authentication is OFF (Lineage:Auth:Enabled=false): anyone who can reach this service can read and change all of its metadata");
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (StoreUnavailableException e) when (e.IsRetriable)
        {
            logger.LogWarning("The tokens in {Location} are not reachable yet ({Reason}); requests with a token this instance has not loaded answer 503 until they are.",
                tokens.Location, e.Message);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        await tokens.InitializeAsync(ct);
        if (tokens.IsShared) await ImportOwnTokensAsync(ct);
        if (!auth.Value.Enabled) return;
        if (await tokens.CreateFirstAdminAsync(AdminName, ct) is not var (_, text))
        {
            logger.LogInformation("The tokens in {Location} were there before this start, so this instance made no admin token and wrote none", tokens.Location);
            return;
        }
        var path = PathOf(auth.Value, dataDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options)) await file.WriteAsync(text);
        logger.LogWarning("No API token existed in {Location}, so an admin token was generated and written to {Path} (readable by this user only)",
            tokens.Location, path);
    }

    private async Task RetryAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                await RunAsync(ct);
                logger.LogInformation("The tokens in {Location} are reachable again", tokens.Location);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException e) when (e.IsRetriable)
            {
                logger.LogDebug("The tokens in {Location} are still not reachable: {Reason}", tokens.Location, e.Message);
            }
            catch (Exception e)
            {
                // Trying again will not fix it (say, refused credentials), and a background task must not stop the host.
                logger.LogError(e, "The tokens in {Location} could not be loaded", tokens.Location);
                return;
            }
        }
    }

    /// <summary>
    /// An instance upgraded to tokens shared in Neo4j from tokens of its own (<c>auth.db</c> in its data directory, as
    /// every instance kept them before) keeps them: they are imported once, and the file renamed so that they are not
    /// imported again, nor revived after a revocation.
    /// </summary>
    private async Task ImportOwnTokensAsync(CancellationToken ct)
    {
        var path = SqliteTokenPersistence.PathIn(dataDirectory.Path);
        if (!File.Exists(path)) return;
        var own = new SqliteTokenPersistence(path);
        await own.InitializeAsync(ct);
        var count = await tokens.ImportAsync(await own.LoadAllAsync(ct), ct);
        var kept = path + ".imported";
        File.Move(path, kept, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Move(path + suffix, kept + suffix, overwrite: true);
        logger.LogWarning("Imported the {Count} tokens of {Path} into {Location}, where every instance shares them; the file is kept as {Kept}",
            count, path, tokens.Location, kept);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying;
    }
}
