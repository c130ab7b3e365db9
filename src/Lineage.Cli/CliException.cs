namespace Lineage.Cli;

/// <summary>A failure the command line reports as one line on stderr and its exit code, without a stack trace.</summary>
public sealed class CliException(int exitCode, string message, int? httpStatus = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The status the service answered with, when the failure is its answer.</summary>
    public int? HttpStatus { get; } = httpStatus;
}
