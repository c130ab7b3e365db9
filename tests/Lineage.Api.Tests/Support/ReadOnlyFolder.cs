using System.Diagnostics;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// A folder, and everything in it, that the test's own user cannot write until disposed. The tests run as root, whom
/// permission bits do not stop, so for root the files are made immutable (<c>chattr +i</c>, which root obeys too);
/// for anyone else <c>chmod a-w</c> is enough.
/// </summary>
public sealed class ReadOnlyFolder : IDisposable
{
    private static readonly bool IsRoot = Environment.UserName == "root";
    private readonly string _path;

    private ReadOnlyFolder(string path) => _path = path;

    public static ReadOnlyFolder Make(string path)
    {
        var folder = new ReadOnlyFolder(path);
        if (IsRoot) Run("chattr", "-R", "+i", path);
        else Run("chmod", "-R", "a-w", path);
        // The tests need a folder that really refuses writes; say so plainly if this machine's can't be made one.
        var probe = Path.Combine(path, "probe");
        try
        {
            File.WriteAllText(probe, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return folder;
        }
        File.Delete(probe);
        folder.Dispose();
        throw new InvalidOperationException($"{path} is still writable after {(IsRoot ? "chattr -R +i" : "chmod -R a-w")}");
    }

    public void Dispose()
    {
        if (IsRoot) Run("chattr", "-R", "-i", _path);
        else Run("chmod", "-R", "u+w", _path);
    }

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {error}");
    }
}
