using Lineage.Cli;

// Ctrl+C cancels the command rather than killing the process, so an export removes its partial file and an import
// says where to resume.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await LineageCommandLine.RunAsync(args, CliEnvironment.FromProcess(), cancel.Token);
