using Lineage.Graph.Storage;

namespace Lineage.Search.Tests.Support;

/// <summary>Reading where a store's change feed ends, without paging through it (the Neo4j test server keeps every run's changes).</summary>
internal static class Feed
{
    /// <summary>The sequence number of the store's last change (0 when it has none): a gallop and a bisection over "any change after x?".</summary>
    public static async Task<long> LastSequenceAsync(IGraphStore store)
    {
        async Task<bool> AnyAfter(long x) => (await store.ReadChangesAfterAsync(x, 1, CancellationToken.None)).Count > 0;

        if (!await AnyAfter(0)) return 0;
        long below = 0, atOrAbove = 1;
        while (await AnyAfter(atOrAbove)) (below, atOrAbove) = (atOrAbove, atOrAbove * 2);
        while (atOrAbove - below > 1)
        {
            var middle = below + (atOrAbove - below) / 2;
            if (await AnyAfter(middle)) below = middle;
            else atOrAbove = middle;
        }
        return atOrAbove;
    }
}
