using System.Reflection;
using Lineage.Api.Auth;
using Lineage.Graph.Storage;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Startup;

/// <summary>
/// What a person starting the service sees: where it listens and where the admin token is once it runs, or one line
/// on stderr and an exit code when it cannot start, without the host's own crash log and its stack trace. Only when
/// this process is Lineage itself: a test host or a build tool that runs Program gets the exception, as before.
/// </summary>
internal sealed class StartupConsole(TextWriter output, TextWriter error)
{
    // The host reports a failed start itself, with the exception and its stack trace, in these categories.
    private static readonly string[] HostCategories = ["Microsoft.Extensions.Hosting.Internal.Host", "Microsoft.AspNetCore.Hosting.Diagnostics"];

    private volatile bool _starting = true;
    private IConfiguration? _configuration;

    /// <summary>False under a WebApplicationFactory or a build-time document generator, whose entry assembly is their own.</summary>
    public bool Active { get; } = Assembly.GetEntryAssembly() == typeof(StartupConsole).Assembly;

    /// <summary>Keeps the host's errors in <see cref="HostCategories"/> out of the logs until the service has started.</summary>
    public void Watch(WebApplicationBuilder builder)
    {
        _configuration = builder.Configuration;
        if (!Active) return;
        foreach (var category in HostCategories)
        {
            // A rule for a category replaces the configured level for it, so it applies that level itself.
            var minimum = ConfiguredLevel(builder.Configuration, category);
            builder.Logging.AddFilter(category, level => level >= minimum && !(_starting && level >= LogLevel.Error));
        }
    }

    /// <summary>Prints where the service listens and where its admin token is, as plain lines before the logs go on.</summary>
    public void Started(WebApplication app)
    {
        _starting = false;
        if (!Active) return;
        foreach (var address in app.Urls) output.WriteLine($"Lineage listening on {address}");
        var dataDirectory = app.Services.GetRequiredService<DataDirectory>();
        var store = app.Services.GetRequiredService<IOptions<StoreOptions>>().Value.Store;
        output.WriteLine($"Data directory: {dataDirectory.Path} (store: {store})");
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var token = TokenBootstrap.PathOf(auth, dataDirectory);
        output.WriteLine(!auth.Enabled
            ? "Access control is off (Lineage:Auth:Enabled=false): no token is needed, and anyone who can reach the service can change its metadata"
            : File.Exists(token)
                ? $"Admin token: {token}"
                : store == StoreOptions.Neo4j
                    ? $"Admin token: none at {token}: the tokens are in Neo4j, shared by every instance on it, and the admin token is where the instance that started on it first wrote it (Lineage:Auth:AdminTokenFile)"
                    : $"Admin token: none at {token} (it was moved or deleted; the tokens made with it still work)");
    }

    /// <summary>Stops what did start, prints the one line and returns the exit code.</summary>
    public async Task<int> FailAsync(Exception exception, WebApplication? app)
    {
        var failure = StartupFailure.Of(exception, _configuration);
        if (app is not null)
        {
            if (failure.Code == ExitCode.Unexpected)
            {
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupConsole).Namespace!)
                    .LogDebug(exception, "The service did not start");
                failure = failure with { Message = $"{failure.Message} (unexpected: --Logging:LogLevel:{typeof(StartupConsole).Namespace}=Debug logs where it happened)" };
            }
            // Stopped before it is disposed: the search feeder may be running, and must not find its store gone.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await app.StopAsync(patience.Token);
                await app.DisposeAsync();
            }
            catch (Exception)
            {
                // Half-started services may fail to stop; the process ends either way, with the line below.
            }
        }
        error.WriteLine(failure.Line);
        return (int)failure.Code;
    }

    /// <summary>A bad command line, found before anything is built.</summary>
    public int Fail(StartupFailure failure)
    {
        error.WriteLine(failure.Line);
        return (int)failure.Code;
    }

    /// <summary>The level <c>Logging:LogLevel</c> gives a category: its own, its longest configured prefix's, or Default's.</summary>
    private static LogLevel ConfiguredLevel(IConfiguration configuration, string category)
    {
        for (var name = category; ; name = name[..name.LastIndexOf('.')])
        {
            if (Enum.TryParse<LogLevel>(configuration[$"Logging:LogLevel:{name}"], ignoreCase: true, out var level)) return level;
            if (!name.Contains('.', StringComparison.Ordinal)) break;
        }
        return Enum.TryParse<LogLevel>(configuration["Logging:LogLevel:Default"], ignoreCase: true, out var fallback) ? fallback : LogLevel.Information;
    }
}
