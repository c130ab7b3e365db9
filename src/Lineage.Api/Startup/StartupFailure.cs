using System.Net.Sockets;
using System.Reflection;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Startup;

/// <summary>A failed start as a person needs it: what is wrong and which setting fixes it, in one line, and the exit code.</summary>
internal sealed record StartupFailure(ExitCode Code, string Message)
{
    private const string OtherDirectory = "e.g. --Lineage:DataDirectory=/var/lib/lineage";

    /// <summary>The line for stderr; exception messages may hold line breaks, the line may not.</summary>
    public string Line => "Lineage did not start: " + Message.ReplaceLineEndings(" ");

    public static StartupFailure BadArgument(string problem) =>
        new(ExitCode.BadSetting, $"{problem}. See --help for the commands and settings");

    /// <summary>The first cause Lineage knows, looking through the exceptions the host and its services wrap around it.</summary>
    public static StartupFailure Of(Exception exception, IConfiguration? configuration)
    {
        foreach (var (cause, wrapper) in Causes(exception, null))
            if (Known(cause, wrapper, configuration) is { } failure) return failure;
        var shown = Causes(exception, null).Select(c => c.Cause).First(c => c is not (AggregateException or TargetInvocationException));
        return new(ExitCode.Unexpected, $"{shown.GetType().Name}: {shown.Message}");
    }

    private static StartupFailure? Known(Exception e, Exception? wrapper, IConfiguration? configuration) => e switch
    {
        DataDirectoryException { InUse: true } d => new(ExitCode.DataDirectoryInUse,
            $"another Lineage process is using the data directory {d.Directory} ({d.Reason}). Stop it, or give this one a " +
            $"directory of its own with Lineage:DataDirectory, {OtherDirectory}"),
        DataDirectoryException d => new(ExitCode.DataDirectoryUnusable,
            $"the data directory {d.Directory} cannot be written ({Clause(d.Reason)}). Make it writable, or choose another with " +
            $"Lineage:DataDirectory, {OtherDirectory}"),
        // Kestrel says which address in the exception around this one: "Failed to bind to address http://…: address already in use."
        AddressInUseException => new(ExitCode.CannotListen,
            $"{(wrapper is IOException ? Clause(wrapper.Message) : $"cannot listen on {Urls(configuration)}: address already in use")}. " +
            "Stop the process that has the port, or choose another address with Urls, e.g. --Urls=http://localhost:8081"),
        SocketException s => new(ExitCode.CannotListen,
            $"cannot listen on {Urls(configuration)}: {Clause(s.Message)}. Choose an address of this machine, and a port this user may " +
            "open, with Urls, e.g. --Urls=http://localhost:8080"),
        OptionsValidationException o => new(ExitCode.BadSetting, $"{Clause(o.Message)}. See --help for how to give settings"),
        // Kestrel's reading of Urls, e.g. "localhost:8080" without its scheme.
        FormatException when e.Source == "Microsoft.AspNetCore.Http" => new(ExitCode.BadSetting,
            $"{Clause(e.Message)}. Give Urls as scheme://host:port, ';' between several, e.g. --Urls=http://localhost:8080"),
        // A value that does not convert to its setting's type, e.g. Lineage:Auth:Enabled=yes.
        InvalidOperationException when e.Source == "Microsoft.Extensions.Configuration.Binder" => new(ExitCode.BadSetting,
            $"{Clause(e.Message)}: {Clause(e.InnerException?.Message)}. See --help for how to give settings"),
        // appsettings.json that is not JSON.
        InvalidDataException => new(ExitCode.BadSetting,
            $"{Clause(e.Message)}: {Clause(e.GetBaseException().Message)}. Correct the file, or give the setting another way (see --help)"),
        // The embedded store's file and auth.db are both in the data directory: a broken or unwritable one is the directory's problem.
        StoreUnavailableException { InnerException: SqliteException } or SqliteException => new(ExitCode.DataDirectoryUnusable,
            $"a file in the data directory {DataDirectoryOf(configuration)} cannot be used ({Clause(e.Message)}). Make the directory and " +
            $"its files writable (or move a broken file aside), or choose another with Lineage:DataDirectory, {OtherDirectory}"),
        StoreUnavailableException s => new(ExitCode.StoreRefused,
            $"{Clause(s.Message)}. Check Lineage:Neo4j:Uri, Lineage:Neo4j:User and Lineage:Neo4j:Password"),
        // Ctrl+C or SIGTERM while starting: the host cancels its start, which is a stop, not a failure.
        OperationCanceledException => new(ExitCode.Ok, "it was asked to stop while starting"),
        UnauthorizedAccessException => new(ExitCode.DataDirectoryUnusable,
            $"{Clause(e.Message)}. Give this user access, or choose another data directory with Lineage:DataDirectory, {OtherDirectory}"),
        _ => null,
    };

    /// <summary>Each exception with the one that wraps it, outermost first; an AggregateException's every inner one.</summary>
    private static IEnumerable<(Exception Cause, Exception? Wrapper)> Causes(Exception e, Exception? wrapper)
    {
        yield return (e, wrapper);
        IEnumerable<Exception> inner = e is AggregateException all ? all.InnerExceptions : e.InnerException is { } one ? [one] : [];
        foreach (var child in inner)
            foreach (var cause in Causes(child, e))
                yield return cause;
    }

    /// <summary>A message without its closing full stop, to go inside a sentence.</summary>
    private static string Clause(string? message) => (message ?? "").Trim().TrimEnd('.');

    private static string Urls(IConfiguration? configuration) => configuration?["Urls"] ?? "the configured address";

    private static string DataDirectoryOf(IConfiguration? configuration) =>
        Path.GetFullPath(configuration?[$"{StoreOptions.Section}:{nameof(StoreOptions.DataDirectory)}"] ?? "data");
}
