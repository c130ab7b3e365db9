namespace Lineage.Cli;

/// <summary>The exit codes of <c>lineage</c>; the README lists them.</summary>
public static class ExitCode
{
    public const int Ok = 0;

    /// <summary>An unexpected failure; the line names the exception.</summary>
    public const int Failed = 1;

    /// <summary>A bad argument, or a file that is not DataHub's metadata file format (the line and entry are named).</summary>
    public const int BadInput = 2;

    /// <summary>The server cannot be reached, or answered with an error that is not about the request.</summary>
    public const int Unreachable = 3;

    /// <summary>The server refused the token: missing, unknown or expired (401), or its scope too small (403).</summary>
    public const int Refused = 4;

    /// <summary>The command ran, but not everything went: entries were refused, or a migration's check found differences.</summary>
    public const int Incomplete = 5;

    /// <summary>What was asked for does not exist (404).</summary>
    public const int NotFound = 6;

    /// <summary>Interrupted (Ctrl+C), as shells number a SIGINT.</summary>
    public const int Cancelled = 130;
}
