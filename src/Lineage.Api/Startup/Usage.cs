namespace Lineage.Api.Startup;

/// <summary>What <c>--help</c> prints: the commands, the settings that matter, how to give them, where the data goes, the exit codes.</summary>
internal static class Usage
{
    public const string Text = """
        Lineage: a metadata and lineage service for machine-learning systems, speaking DataHub's wire format.

        Usage:
          dotnet Lineage.Api.dll [--reindex] [--<Setting>=<value> ...]    start the service
          dotnet Lineage.Api.dll --healthcheck                            ask the running service's /health; exit 0 or 1
          dotnet Lineage.Api.dll --help | -h                              print this and exit
          From a checkout: dotnet run --project src/Lineage.Api -- <the same arguments>

        Commands:
          --reindex       empty the search index and build it again from the store's change feed, then serve
          --healthcheck   for container health checks: GET http://127.0.0.1:<port>/health, the port from
                          LINEAGE_HEALTHCHECK_PORT (default 8080)
          --help, -h      this text; nothing is started

        Settings (default in brackets; the full list is in README.md, "Configuration"):
          Urls                      where to listen, ';' between several [http://localhost:8080]
          Lineage:Store             embedded (SQLite in the data directory) or neo4j [embedded]
          Lineage:DataDirectory     folder for the embedded store, the search index and the tokens [data]
          Lineage:Neo4j:Uri         Neo4j's HTTP address, when Lineage:Store is neo4j [http://localhost:7474]
          Lineage:Neo4j:User        Neo4j basic auth; leave empty when Neo4j has auth off []
          Lineage:Neo4j:Password    []
          Lineage:Auth:Enabled      require bearer tokens; false only for local experiments [true]

        Give a setting in any of three ways (a later one wins):
          appsettings.json next to the program     "Lineage": { "Store": "neo4j" }
          an environment variable, ':' as '__'     Lineage__Store=neo4j   Lineage__Neo4j__Uri=http://db:7474
          the command line                         --Lineage:Store=neo4j  --Urls=http://0.0.0.0:8080

        Files (a relative data directory is taken from the working directory; under dotnet run that is
        src/Lineage.Api, so the data goes to src/Lineage.Api/data):
          <DataDirectory>/lineage.db     the embedded store (SQLite, WAL mode)
          <DataDirectory>/admin.token    the admin token, written on the first start (readable by its owner only);
                                         on Neo4j, by the first instance to start on it only
          <DataDirectory>/auth.db        the tokens' hashes (embedded store; on Neo4j they are in Neo4j, shared)
          <DataDirectory>/search/        the search index
          <DataDirectory>/lineage.lock   held while a Lineage process uses the directory
        At start the service prints where it listens and where the admin token is.

        Exit codes:
          0  stopped normally, or --help
          1  an unexpected failure (the line names the exception)
          2  an unknown argument or a bad setting
          3  cannot listen where Urls says (the port is in use, or the address is not this machine's or not allowed)
          4  the data directory (Lineage:DataDirectory) or a file in it cannot be created or written
          5  another Lineage process is using the data directory
          6  Neo4j refused at start (Lineage:Neo4j:User, Lineage:Neo4j:Password); an unreachable Neo4j is not a
             failure: the service starts and answers 503 until Neo4j is back
        A failed start prints one line on stderr: what is wrong and which setting or command fixes it.
        """;

    /// <summary>Prints the text; asking for help is not a failure.</summary>
    public static int Print(TextWriter output)
    {
        output.WriteLine(Text);
        return (int)ExitCode.Ok;
    }
}
