using Lineage.Graph.Errors;

namespace Lineage.Graph.Storage;

/// <summary>
/// The data directory, claimed by this process before anything opens a file in it: created when missing, proven
/// writable, and locked, so that a second Lineage process on the same directory stops at once instead of sharing
/// the SQLite files and the search index with the first.
/// </summary>
public sealed class DataDirectory : IDisposable
{
    /// <summary>The file whose lock marks the directory as taken; it stays after the process ends, unlocked.</summary>
    public const string LockFileName = "lineage.lock";

    private readonly FileStream _lock;

    private DataDirectory(string path, FileStream @lock)
    {
        Path = path;
        _lock = @lock;
    }

    /// <summary>The directory's absolute path.</summary>
    public string Path { get; }

    /// <summary>Creates, checks and locks <paramref name="directory"/> (relative paths are taken from the working directory).</summary>
    public static DataDirectory Claim(string directory)
    {
        var path = System.IO.Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(path);
            // Only creating a file proves the directory writable: permission bits say nothing for root, and a
            // read-only mount or an immutable folder refuses root too. Without this, a read-only directory that
            // already holds a database opens read-only and fails later, at the first write.
            var probe = System.IO.Path.Combine(path, $".write-test-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataDirectoryException(path, FileInTheWay(path) ?? e.GetBaseException().Message, inUse: false, e);
        }

        // A service restarted in place may start while the one it replaces is still letting go: give it a moment.
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); ; Thread.Sleep(50))
        {
            try
            {
                // FileShare.None is an exclusive lock (flock on Unix) that the OS drops when the process ends, however
                // it ends. Lucene's own write lock does not keep a second process out on Linux (Lucene.Net takes it
                // shared there), so this is the lock that does.
                return new DataDirectory(path, new FileStream(System.IO.Path.Combine(path, LockFileName),
                    FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException e) when (e.GetType() == typeof(IOException))
            {
                // The directory was just written, so a plain IOException here is the lock held by someone else.
                if (clock.Elapsed >= ReleasePatience) throw new DataDirectoryException(path, $"its {LockFileName} is locked", inUse: true, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataDirectoryException(path, e.GetBaseException().Message, inUse: false, e);
            }
        }
    }

    private static readonly TimeSpan ReleasePatience = TimeSpan.FromSeconds(2);

    /// <summary>A file where the path needs a folder, which .NET reports only as "Could not find a part of the path".</summary>
    private static string? FileInTheWay(string path)
    {
        for (var folder = path; !string.IsNullOrEmpty(folder); folder = System.IO.Path.GetDirectoryName(folder))
            if (File.Exists(folder)) return $"{folder} is a file, not a folder";
        return null;
    }

    public void Dispose() => _lock.Dispose();
}
