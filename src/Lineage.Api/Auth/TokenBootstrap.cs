using Lineage.Graph.Storage;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Auth;

/// <summary>
/// Loads the tokens at start; on the first start with none, generates an admin token and writes it to
/// <c>&lt;dataDir&gt;/admin.token</c> (mode 0600), logging where, never what.
/// </summary>
internal sealed class TokenBootstrap(
    TokenStore tokens, IOptions<AuthOptions> auth, DataDirectory dataDirectory, ILogger<TokenBootstrap> logger) : IHostedService
{
    public const string FileName = "admin.token";

    /// <summary>Where the generated admin token is written.</summary>
    public static string PathIn(DataDirectory dataDirectory) => Path.Combine(dataDirectory.Path, FileName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tokens.InitializeAsync(cancellationToken);
        if (!auth.Value.Enabled)
        {
            logger.LogWarning("Authentication is OFF (Lineage:Auth:Enabled=false): anyone who can reach this service can read and change all of its metadata");
            return;
        }
        if (!tokens.IsEmpty) return;

        var (_, text) = await tokens.CreateAsync("admin (generated on first start)", TokenScope.Admin, null, cancellationToken);
        var path = PathIn(dataDirectory);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options)) await file.WriteAsync(text);
        logger.LogWarning("No API token existed, so an admin token was generated and written to {Path} (readable by this user only)", path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
