namespace Lineage.Cli;

/// <summary>A failure the command line reports as one line on stderr and its exit code, without a stack trace.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
