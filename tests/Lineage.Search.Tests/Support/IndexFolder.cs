using Lineage.Search.Index;
using Lineage.Search.Querying;

namespace Lineage.Search.Tests.Support;

/// <summary>
/// A search index in a temp folder of its own, shared by the tests of one class and deleted after them. Tests add
/// documents named with their own <see cref="Words.New"/> words, so they never see each other's.
/// </summary>
public sealed class IndexFolder : IDisposable
{
    private long _sequence;

    public IndexFolder()
    {
        Index = new SearchIndex(Path);
        Search = new SearchService(Index);
        Autocomplete = new AutocompleteService(Index);
    }

    /// <summary>The folder: a fresh temp directory under <c>lineage-search-tests</c>.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lineage-search-tests", Guid.NewGuid().ToString("N"));

    public SearchIndex Index { get; }

    public SearchService Search { get; }

    public AutocompleteService Autocomplete { get; }

    /// <summary>Adds (or replaces) documents in one commit, as the feeder would.</summary>
    public void Add(params EntityDocument[] documents) => Index.Apply(documents, [], Interlocked.Increment(ref _sequence));

    public void Delete(params string[] urns) => Index.Apply([], urns, Interlocked.Increment(ref _sequence));

    public void Dispose()
    {
        Index.Dispose();
        Delete(Path);
    }

    /// <summary>Deletes an index folder, tolerating files a crashed writer may still hold.</summary>
    public static void Delete(string path)
    {
        try { System.IO.Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
