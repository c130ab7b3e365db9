namespace Lineage.Api.Startup;

/// <summary>The process's exit codes, listed in <c>--help</c> and the README, so scripts and supervisors can tell failures apart.</summary>
internal enum ExitCode
{
    /// <summary>Ran and stopped normally, or printed <c>--help</c>.</summary>
    Ok = 0,

    /// <summary>A failure Lineage does not recognise; the line names the exception.</summary>
    Unexpected = 1,

    /// <summary>An unknown argument or a bad setting.</summary>
    BadSetting = 2,

    /// <summary>The service cannot listen where <c>Urls</c> says: the port is in use, or the address is not this machine's or not allowed.</summary>
    CannotListen = 3,

    /// <summary>The data directory, or a file in it, cannot be created, written or read.</summary>
    DataDirectoryUnusable = 4,

    /// <summary>Another Lineage process is using the data directory.</summary>
    DataDirectoryInUse = 5,

    /// <summary>Neo4j refused at start (credentials, or an answer Lineage cannot use); an unreachable Neo4j is not this: the service starts and answers 503 until it is back.</summary>
    StoreRefused = 6,
}
