using Lineage.Cli;

return await LineageCommandLine.RunAsync(args, CliEnvironment.FromProcess());
