namespace Lineage.Search.Indexing;

/// <summary>
/// The entities at the other end of edges that came or went, whose rank (connectivity) the index must refresh, and
/// when. They gather for <see cref="Delay"/> from the first of them, then that gathering is refreshed chunk by chunk
/// while the next one gathers: a hub that many writes point at is refreshed once per gathering, not after every write
/// (each refresh rewrites the rank of every document in the hub's segment; refreshing after every write of a bulk load
/// took a seventh of the index's time). Not thread-safe: the feeder calls it while it holds the index.
/// </summary>
internal sealed class StaleTargets(TimeSpan delay, int chunk, int most)
{
    private HashSet<string> _gathering = new(StringComparer.Ordinal);
    private HashSet<string> _refreshing = new(StringComparer.Ordinal);

    // The first change that made an entity of each set wait (a restart resumes from it), and when the gathering began.
    private long _gatheringSince, _refreshingSince, _gatheringAt;

    /// <summary>How long the first entity of a gathering waits for others before the gathering is refreshed.</summary>
    public TimeSpan Delay => delay;

    /// <summary>How many entities wait, in both sets.</summary>
    public int Count => _gathering.Count + _refreshing.Count;

    /// <summary>Notes entities made stale by the change numbered <paramref name="sequence"/>.</summary>
    public void Add(IEnumerable<string> urns, long sequence)
    {
        var before = _gathering.Count;
        _gathering.UnionWith(urns);
        if (before == 0 && _gathering.Count > 0) (_gatheringSince, _gatheringAt) = (sequence, Environment.TickCount64);
    }

    /// <summary>Forgets entities whose documents were just rebuilt whole, rank included.</summary>
    public void Remove(IReadOnlyCollection<string> urns)
    {
        _gathering.ExceptWith(urns);
        _refreshing.ExceptWith(urns);
    }

    /// <summary>
    /// The next entities to refresh, or an empty list when none is due: the rest of the gathering being refreshed;
    /// else the current gathering, once it has waited <see cref="Delay"/>, holds <c>most</c> entities, or
    /// <paramref name="now"/> is asked for (nothing else to do, or a caller wants everything applied).
    /// </summary>
    public List<string> Next(bool now)
    {
        if (_refreshing.Count == 0)
        {
            if (_gathering.Count == 0) return [];
            if (!now && _gathering.Count < most && Environment.TickCount64 - _gatheringAt < (long)delay.TotalMilliseconds) return [];
            (_refreshing, _gathering, _refreshingSince) = (_gathering, _refreshing, _gatheringSince);
        }
        var urns = _refreshing.Take(chunk).ToList();
        _refreshing.ExceptWith(urns);
        return urns;
    }

    /// <summary>Where a restart must resume so that the waiting entities are refreshed: before the first change that made one wait.</summary>
    public long ResumeAfter(long sequence)
    {
        if (_refreshing.Count > 0) sequence = Math.Min(sequence, _refreshingSince - 1);
        if (_gathering.Count > 0) sequence = Math.Min(sequence, _gatheringSince - 1);
        return sequence;
    }

    public void Clear()
    {
        _gathering.Clear();
        _refreshing.Clear();
    }
}
