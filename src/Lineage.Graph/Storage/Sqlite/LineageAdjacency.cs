using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

/// <summary>
/// The embedded store's lineage edges and column parents, kept in memory by node id beside the file, so that a walk's
/// step is an array scan instead of B-tree seeks: from a hub, a level is tens of thousands of edges, and stepping them
/// in SQL was over half of a 3-hop impact answer. The file stays the truth. This copy is loaded when the store opens,
/// changed by the writer after each commit (<see cref="Apply"/>), and stamped with the change sequence it matches; a
/// read uses it only while that stamp is its own snapshot's and no change lands during the step
/// (<see cref="TryStep"/>), and otherwise steps in SQL.
/// </summary>
internal sealed class LineageAdjacency
{
    /// <summary>One lineage edge as seen from one of its ends: the other end, the relationship, the lineage role, and which end this is.</summary>
    public readonly record struct Link(int Node, ushort Type, byte Lineage, bool Outgoing);

    /// <summary>A row of a step: an edge from a frontier node, or from one of its columns (<see cref="Column"/>, else 0), to <see cref="Far"/>.</summary>
    public readonly record struct Step(int Source, int Target, ushort Type, byte Lineage, int Far, int Column);

    /// <summary>An edge row added or deleted by a commit.</summary>
    public readonly record struct EdgeRow(long Source, long Target, string Type, long Lineage);

    /// <summary>What one commit changed: edge rows deleted and added (in that order), and columns numbered with their parents.</summary>
    public sealed class Delta
    {
        public List<EdgeRow> Deleted { get; } = [];

        public List<EdgeRow> Added { get; } = [];

        public List<(long Column, long Parent)> Columns { get; } = [];

        /// <summary>Whether a lineage edge was added or deleted. Columns alone change no step: a new column has no edge yet.</summary>
        public bool ChangesLineage => Deleted.Concat(Added).Any(row => row.Lineage != 0);

        public void Add(Delta other)
        {
            Deleted.AddRange(other.Deleted);
            Added.AddRange(other.Added);
            Columns.AddRange(other.Columns);
        }
    }

    /// <summary>The sequence stamp of a copy that matches no snapshot: not loaded yet, or given up after a failure.</summary>
    private const long Unusable = -1;

    private static readonly Link[] NoLinks = [];
    private static readonly int[] NoColumns = [];

    // Each node's links and each parent's columns, by node id; an array is never changed once published, only replaced,
    // so a reader always sees whole lists. Only the writer (under the store's write lock) changes these fields.
    private Link[]?[] _links = [];
    private int[]?[] _columns = [];
    private string[] _types = [];
    private readonly Dictionary<string, ushort> _typeIds = new(StringComparer.Ordinal);

    // A sequence lock: odd while the writer changes the copy. A step that read an even version and finds it unchanged
    // afterwards saw one state of the copy, the one stamped _sequence.
    private long _version;
    private long _sequence = Unusable;
    // Set when the file holds what this copy cannot represent (an id past an int, too many relationship names): it
    // then stays unusable rather than reload on every write.
    private bool _unrepresentable;

    /// <summary>Loads every lineage edge and column parent, with the change sequence they match; on the write connection, before any write.</summary>
    public async Task LoadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        Interlocked.Increment(ref _version);
        try
        {
            _sequence = Unusable;
            var sequence = await SequenceAsync(connection, transaction, ct);
            // Rows first, then each list allocated at its size: a list grown link by link would hold the estate twice over.
            var rows = new List<(int Source, int Target, ushort Type, byte Lineage)>();
            var degree = new List<int>();
            void Count(int node)
            {
                while (degree.Count <= node) degree.Add(0);
                degree[node]++;
            }
            await using (var edges = Command(connection, transaction, "SELECT source, target, type, lineage FROM edges WHERE lineage <> 0"))
            await using (var reader = await edges.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    if (!Ends(new EdgeRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3)),
                            out var source, out var target, out var type)) return;
                    rows.Add((source, target, type, (byte)reader.GetInt64(3)));
                    Count(source);
                    Count(target);
                }
            }
            var links = new Link[]?[degree.Count];
            var filled = new int[degree.Count];
            foreach (var (source, target, type, lineage) in rows)
            {
                (links[source] ??= new Link[degree[source]])[filled[source]++] = new Link(target, type, lineage, true);
                (links[target] ??= new Link[degree[target]])[filled[target]++] = new Link(source, type, lineage, false);
            }

            var children = new Dictionary<int, List<int>>();
            await using (var parents = Command(connection, transaction, "SELECT id, parent FROM nodes WHERE parent IS NOT NULL"))
            await using (var reader = await parents.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var (column, parent) = (reader.GetInt64(0), reader.GetInt64(1));
                    _unrepresentable |= column > int.MaxValue || parent > int.MaxValue;
                    if (_unrepresentable) return;
                    if (!children.TryGetValue((int)parent, out var list)) children[(int)parent] = list = [];
                    list.Add((int)column);
                }
            }
            var columns = new int[]?[children.Count == 0 ? 0 : children.Keys.Max() + 1];
            foreach (var (parent, list) in children) columns[parent] = [.. list];
            (_links, _columns, _sequence) = (links, columns, sequence);
        }
        finally
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>
    /// Applies what a commit changed and stamps the copy with the commit's last change sequence; with no sequence (a
    /// commit that recorded no change), the stamp stays. A delta the copy cannot follow (an edge it does not hold, an id
    /// past an int) leaves it unusable: every read then steps in SQL.
    /// </summary>
    public void Apply(Delta delta, long? sequence)
    {
        if (Volatile.Read(ref _sequence) == Unusable) return;
        Interlocked.Increment(ref _version);
        try
        {
            var followed = Change(delta);
            // Edges changed without a change sequence would leave a snapshot and this copy disagreeing under one stamp.
            _sequence = !followed || (sequence is null && delta.ChangesLineage) ? Unusable : sequence ?? _sequence;
        }
        catch
        {
            _sequence = Unusable;
            throw;
        }
        finally
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Gives the copy up: after a commit whose outcome is unknown, reads step in SQL until the next write reloads it.</summary>
    public void Abandon() => Volatile.Write(ref _sequence, Unusable);

    /// <summary>
    /// At the start of a write transaction: reloads the copy when the file holds changes it has not followed (another
    /// store wrote to the same file, or a commit was abandoned), so that the writer's delta applies to the file's state.
    /// </summary>
    public async Task CatchUpAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        if (_unrepresentable) return;
        var sequence = Volatile.Read(ref _sequence);
        if (sequence != Unusable && await SequenceAsync(connection, transaction, ct) == sequence) return;
        await LoadAsync(connection, transaction, ct);
    }

    /// <summary>
    /// One level of a walk from <paramref name="frontier"/> if the copy matches the snapshot <paramref name="sequence"/>
    /// for the whole step: the edges that lead away along <paramref name="forward"/> edges from a node (or, with
    /// <paramref name="withColumns"/>, from its columns) and along <paramref name="backward"/> edges into it, of the
    /// relationship types named (all when null). False when the caller must step in SQL instead.
    /// </summary>
    public bool TryStep(long sequence, IReadOnlyList<long> frontier, byte forward, byte backward, IReadOnlyCollection<string>? types,
        bool withColumns, List<Step> steps)
    {
        var version = Volatile.Read(ref _version);
        if ((version & 1) != 0 || Volatile.Read(ref _sequence) != sequence) return false;
        var (links, columns, names) = (_links, _columns, _types);
        var wanted = types is null ? null : new HashSet<ushort>(Enumerable.Range(0, names.Length)
            .Where(i => types.Contains(names[i])).Select(i => (ushort)i));
        foreach (var node in frontier)
        {
            if (node > int.MaxValue) return false;
            var id = (int)node;
            StepFrom(id, id, 0);
            if (!withColumns) continue;
            foreach (var column in id < columns.Length ? columns[id] ?? NoColumns : NoColumns) StepFrom(column, id, column);
        }
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _version) == version) return true;
        steps.Clear();
        return false;

        void StepFrom(int near, int frontierNode, int column)
        {
            foreach (var link in near < links.Length ? links[near] ?? NoLinks : NoLinks)
            {
                if (link.Lineage != (link.Outgoing ? forward : backward) || (wanted is not null && !wanted.Contains(link.Type))) continue;
                steps.Add(link.Outgoing
                    ? new Step(near, link.Node, link.Type, link.Lineage, link.Node, column)
                    : new Step(link.Node, near, link.Type, link.Lineage, link.Node, column));
            }
        }
    }

    /// <summary>The relationship name of a step's type number.</summary>
    public string TypeName(ushort type) => Volatile.Read(ref _types)[type];

    /// <summary>The change sequence a snapshot has seen: the last one committed before it began.</summary>
    public static async Task<long> SequenceAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, SequenceSql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The snapshot's last change sequence (AUTOINCREMENT's high-water mark, which never goes back), 0 when none.</summary>
    public const string SequenceSql = "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0)";

    /// <summary>
    /// Replaces the lists of every node the delta touches; false when it cannot follow the delta. A commit's batches
    /// may add an edge and delete it again, so each node's links are counted up and down first and its list rebuilt
    /// once, in one pass however long a hub's list is.
    /// </summary>
    private bool Change(Delta delta)
    {
        var counts = new Dictionary<int, Dictionary<Link, int>>();
        bool Count(EdgeRow row, int by)
        {
            if (row.Lineage == 0) return true;
            if (!Ends(row, out var source, out var target, out var type)) return false;
            Add(source, new Link(target, type, (byte)row.Lineage, true), by);
            Add(target, new Link(source, type, (byte)row.Lineage, false), by);
            return true;
        }
        void Add(int node, Link link, int by)
        {
            if (!counts.TryGetValue(node, out var links)) counts[node] = links = [];
            links[link] = links.GetValueOrDefault(link) + by;
        }

        foreach (var row in delta.Deleted)
            if (!Count(row, -1)) return false;
        foreach (var row in delta.Added)
            if (!Count(row, +1)) return false;

        var rebuilt = new Dictionary<int, Link[]?>(counts.Count);
        foreach (var (node, net) in counts)
        {
            var list = new List<Link>();
            foreach (var link in node < _links.Length ? _links[node] ?? NoLinks : NoLinks)
            {
                if (net.TryGetValue(link, out var by) && by < 0) net[link] = by + 1;
                else list.Add(link);
            }
            foreach (var (link, by) in net)
            {
                if (by < 0) return false; // deleted more often than held
                for (var i = 0; i < by; i++) list.Add(link);
            }
            rebuilt[node] = list.Count == 0 ? null : [.. list];
        }

        var columns = new Dictionary<int, HashSet<int>>();
        foreach (var (column, parent) in delta.Columns)
        {
            _unrepresentable |= column > int.MaxValue || parent > int.MaxValue;
            if (_unrepresentable) return false;
            if (!columns.TryGetValue((int)parent, out var set))
                columns[(int)parent] = set = [.. (int)parent < _columns.Length ? _columns[(int)parent] ?? NoColumns : NoColumns];
            set.Add((int)column);
        }

        var (links, parents) = (Grown(_links, rebuilt.Keys), Grown(_columns, columns.Keys));
        foreach (var (node, list) in rebuilt) links[node] = list;
        foreach (var (parent, list) in columns) parents[parent] = [.. list];
        (_links, _columns) = (links, parents);
        return true;
    }

    /// <summary>The row's ends as ints and its type's number, numbering a type not met before.</summary>
    private bool Ends(EdgeRow row, out int source, out int target, out ushort type)
    {
        (source, target, type) = (0, 0, 0);
        _unrepresentable |= row.Source > int.MaxValue || row.Target > int.MaxValue || row.Lineage > byte.MaxValue
            || (_typeIds.Count == ushort.MaxValue && !_typeIds.ContainsKey(row.Type));
        if (_unrepresentable) return false;
        (source, target) = ((int)row.Source, (int)row.Target);
        if (!_typeIds.TryGetValue(row.Type, out type))
        {
            _typeIds[row.Type] = type = (ushort)_typeIds.Count;
            _types = [.. _types, row.Type];
        }
        return true;
    }

    /// <summary>
    /// The array itself when it already holds every id, else a larger copy: readers keep the array they began with,
    /// and a change made while they read is caught by the version.
    /// </summary>
    private static T[] Grown<T>(T[] array, IEnumerable<int> ids)
    {
        var needed = ids.DefaultIfEmpty(-1).Max() + 1;
        if (needed <= array.Length) return array;
        var grown = new T[Math.Max(needed, array.Length * 2)];
        Array.Copy(array, grown, array.Length);
        return grown;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
