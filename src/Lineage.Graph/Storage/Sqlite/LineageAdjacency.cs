using System.Text;
using System.Text.Json;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

/// <summary>
/// The embedded store's lineage graph kept in memory beside the file, by node id: each node's lineage edges, urn,
/// facts (soft-deleted, an entity, deprecated, owners) and edge count, and each parent's columns. A walk's step is then
/// an array scan and its facts a lookup: from a hub a level is tens of thousands of edges into as many nodes, and
/// seeking them, their urns and facts in SQLite was most of a 3-hop impact answer. The file stays the truth. The copy is loaded when the store opens, changed by the writer after each commit
/// (<see cref="Apply"/>) and stamped with the change sequence it matches; a read uses it only while that stamp is its
/// own snapshot's and no change lands during the step (<see cref="TryStep"/>), and otherwise steps in SQL.
/// </summary>
internal sealed class LineageAdjacency
{
    /// <summary>
    /// One lineage edge as seen from one of its ends: the other end, the relationship, the lineage role, which end this
    /// is, and whether the edge carries a column mapping (kept only in the file).
    /// </summary>
    public readonly record struct Link(int Node, ushort Type, byte Lineage, bool Outgoing, bool Mapped);

    /// <summary>A row of a step: an edge leading away from a frontier node or one of its columns, as stored.</summary>
    public readonly record struct Step(int Source, int Target, ushort Type, byte Lineage);

    /// <summary>An edge row added or deleted by a commit, and whether it has a column mapping.</summary>
    public readonly record struct EdgeRow(long Source, long Target, string Type, long Lineage, bool Mapped);

    /// <summary>A node's facts as a statement that changed them returned them: its row's removed, entity, deprecated and owners columns.</summary>
    public readonly record struct FactsRow(long Id, bool Removed, bool Exists, bool Deprecated, string? Owners);

    /// <summary>
    /// What one commit changed, in its order: the nodes it numbered, edge rows deleted and added, columns with their
    /// parents, and node facts rewritten.
    /// </summary>
    public sealed class Delta
    {
        public List<(long Id, string Urn)> Nodes { get; } = [];

        public List<EdgeRow> Deleted { get; } = [];

        public List<EdgeRow> Added { get; } = [];

        public List<(long Column, long Parent)> Columns { get; } = [];

        public List<FactsRow> Facts { get; } = [];

        /// <summary>
        /// Whether an answer could now differ: a lineage edge added or deleted, or a node's facts rewritten. New nodes
        /// and columns alone change none, having no edge yet.
        /// </summary>
        public bool ChangesAnswers => Facts.Count > 0 || Deleted.Concat(Added).Any(row => row.Lineage != 0);

        public void Add(Delta other)
        {
            Nodes.AddRange(other.Nodes);
            Deleted.AddRange(other.Deleted);
            Added.AddRange(other.Added);
            Columns.AddRange(other.Columns);
            Facts.AddRange(other.Facts);
        }
    }

    /// <summary>
    /// The copy's arrays, all indexed by node id up to one capacity, and the urns' UTF-8 bytes end to end. The writer
    /// sets elements in place (a node's links, columns or facts are replaced whole, never changed) and makes a larger
    /// graph when one must grow; an urn's bytes, once written, never move or change, so a reader may decode them after
    /// its step. A node without facts is only named by edges: not removed, not an entity, not deprecated, no owners.
    /// </summary>
    public sealed class Graph(
        Link[]?[] links, int[]?[] columns, int[] urnStart, int[] urnLength, NodeFacts?[] facts, int[] degrees, byte[] urns, string[] types)
    {
        public Link[]?[] Links => links;
        public int[]?[] Columns => columns;
        public int[] UrnStart => urnStart;
        public int[] UrnLength => urnLength;
        public NodeFacts?[] Facts => facts;
        /// <summary>How many edges of any kind, lineage or not, each node is an end of (a self-loop twice).</summary>
        public int[] Degrees => degrees;
        public byte[] Urns => urns;
        public string[] Types => types;
        public int Capacity => links.Length;

        /// <summary>The urn of a node the copy holds, else null.</summary>
        public string? UrnOf(int id) =>
            id < urnLength.Length && urnLength[id] > 0 ? Encoding.UTF8.GetString(urns, urnStart[id], urnLength[id]) : null;

        public static readonly Graph Empty = new([], [], [], [], [], [], [], []);
    }

    /// <summary>The sequence stamp of a copy that matches no snapshot: not loaded yet, or given up after a failure.</summary>
    private const long Unusable = -1;

    private const int LoadSlice = 50_000;

    private static readonly Link[] NoLinks = [];
    private static readonly int[] NoColumns = [];

    // Only the writer, under the store's write lock, changes these; readers read _graph once per step.
    private volatile Graph _graph = Graph.Empty;
    private int _urnBytes;
    private readonly Dictionary<string, ushort> _typeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(bool, bool, bool, string?), NodeFacts> _facts = [];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    // A sequence lock: odd while the writer changes the copy. A step that read an even version and finds it unchanged
    // afterwards saw one state of the copy, the one stamped _sequence.
    private long _version;
    private long _sequence = Unusable;
    // Set when the file holds what this copy cannot represent (an id past an int, more urn bytes than an array holds):
    // it then stays unusable rather than reload on every write.
    private bool _unrepresentable;

    /// <summary>Loads the whole lineage graph with the change sequence it matches; under the write lock, inside a transaction.</summary>
    public async Task LoadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        Interlocked.Increment(ref _version);
        try
        {
            _sequence = Unusable;
            (_graph, _urnBytes) = (Graph.Empty, 0);
            var sequence = await SequenceAsync(connection, transaction, ct);
            // Sized for the whole file first: grown slice by slice, the arrays were copied at every growth, and the
            // copies left behind raised the service's peak at start at L (a million entities) from 728 to 902 MB.
            await using (var size = Command(connection, transaction, "SELECT coalesce(max(id), 0), coalesce(sum(length(CAST(urn AS BLOB))), 0) FROM nodes"))
            await using (var reader = await size.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct) && reader.GetInt64(0) < int.MaxValue)
                    _graph = Grown(Graph.Empty, (int)reader.GetInt64(0) + 1, reader.GetInt64(1)) ?? Graph.Empty;
            }
            // In slices, so that loading a large estate never holds all its rows at once beside the copy.
            var delta = new Delta();
            var followed = true;
            void Flush()
            {
                followed = followed && Change(delta);
                delta = new Delta();
            }
            await using (var nodes = Command(connection, transaction, $"SELECT {FactsColumns}, urn, parent FROM nodes"))
            await using (var reader = await nodes.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var id = reader.GetInt64(0);
                    delta.Nodes.Add((id, reader.GetString(5)));
                    delta.Facts.Add(ReadFacts(reader));
                    if (!reader.IsDBNull(6)) delta.Columns.Add((id, reader.GetInt64(6)));
                    if (delta.Nodes.Count == LoadSlice) Flush();
                }
            }
            await using (var edges = Command(connection, transaction, $"SELECT {EdgeColumns} FROM edges"))
            await using (var reader = await edges.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    delta.Added.Add(ReadEdge(reader));
                    if (delta.Added.Count == LoadSlice) Flush();
                }
            }
            Flush();
            if (followed) _sequence = sequence;
        }
        catch (Exception e) when (e is not (SqliteException or OperationCanceledException or OutOfMemoryException))
        {
            // A file this copy cannot follow must not stop the store from opening or writing: reads step in SQL.
            _unrepresentable = true;
        }
        finally
        {
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>
    /// Applies what a commit changed and stamps the copy with the commit's last change sequence; with no sequence (a
    /// commit that recorded no change), the stamp stays. A delta the copy cannot follow (an edge it does not hold, an id
    /// past an int) leaves it unusable, and reads step in SQL until the next write reloads it.
    /// </summary>
    public void Apply(Delta delta, long? sequence)
    {
        if (Volatile.Read(ref _sequence) == Unusable) return;
        Interlocked.Increment(ref _version);
        try
        {
            var followed = Change(delta);
            // Steps changed without a change sequence would leave a snapshot and this copy disagreeing under one stamp.
            _sequence = !followed || (sequence is null && delta.ChangesAnswers) ? Unusable : sequence ?? _sequence;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The commit stands whatever happens here: a copy that failed to follow it is dropped, and reloaded by the
            // next write.
            _sequence = Unusable;
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
    /// One level of a walk from <paramref name="frontier"/>, if the copy matches the snapshot <paramref name="sequence"/>
    /// for the whole step: the edges that lead away along <paramref name="forward"/> edges from a node (or, with
    /// <paramref name="withColumns"/>, from its columns) and along <paramref name="backward"/> edges into it, of the
    /// relationship types named (all when null), to far ends not soft-deleted unless <paramref name="includeRemoved"/>.
    /// Null when the caller must step in SQL instead; else the graph to read the steps' urns from.
    /// </summary>
    public Graph? TryStep(long sequence, IReadOnlyList<long> frontier, byte forward, byte backward, IReadOnlyCollection<string>? types,
        bool withColumns, bool includeRemoved, List<Step> steps)
    {
        if (!Matches(sequence, out var version)) return null;
        var graph = _graph;
        var names = graph.Types;
        var wanted = types is null ? null : new HashSet<ushort>(Enumerable.Range(0, names.Length)
            .Where(i => types.Contains(names[i])).Select(i => (ushort)i));
        var consistent = true;
        foreach (var node in frontier)
        {
            // A node past the copy has no edge yet (numbered by a commit that recorded no change).
            if (node >= graph.Capacity) continue;
            var id = (int)node;
            StepFrom(id);
            if (withColumns)
                foreach (var column in graph.Columns[id] ?? NoColumns) StepFrom(column);
        }
        if (consistent && Unchanged(version)) return graph;
        steps.Clear();
        return null;

        void StepFrom(int near)
        {
            foreach (var link in near < graph.Capacity ? graph.Links[near] ?? NoLinks : NoLinks)
            {
                if (link.Lineage != (link.Outgoing ? forward : backward) || (wanted is not null && !wanted.Contains(link.Type))) continue;
                // Seen mid-change: a link to a node or type this graph does not hold yet. The version check fails too.
                if (link.Node >= graph.Capacity || link.Type >= names.Length)
                {
                    consistent = false;
                    continue;
                }
                if (!includeRemoved && graph.Facts[link.Node] is { Removed: true }) continue;
                steps.Add(link.Outgoing ? new Step(near, link.Node, link.Type, link.Lineage) : new Step(link.Node, near, link.Type, link.Lineage));
            }
        }
    }

    /// <summary>
    /// The facts of <paramref name="ids"/> into <paramref name="facts"/> (null for a node only named by edges), if the
    /// copy matches the snapshot <paramref name="sequence"/> throughout; false when the caller must read them in SQL.
    /// </summary>
    public bool TryFacts(long sequence, IReadOnlyList<long> ids, NodeFacts?[] facts)
    {
        if (!Matches(sequence, out var version)) return false;
        var graph = _graph;
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] >= graph.Capacity || graph.UrnLength[ids[i]] == 0) return false;
            facts[i] = graph.Facts[ids[i]];
        }
        return Unchanged(version);
    }

    /// <summary>
    /// The lineage edges among <paramref name="kept"/> (and, with <paramref name="withColumns"/>, their columns), of the
    /// types named (all when null), into <paramref name="edges"/>, if the copy matches the snapshot
    /// <paramref name="sequence"/> throughout and none of them carries a column mapping, which only the file holds. Null
    /// when the caller must read them in SQL; else the graph to read their urns from.
    /// </summary>
    public Graph? TryEdgesAmong(long sequence, IReadOnlyList<long> kept, IReadOnlyCollection<string>? types, bool withColumns, List<Step> edges)
    {
        if (!Matches(sequence, out var version)) return null;
        var graph = _graph;
        var names = graph.Types;
        var ends = new HashSet<int>(kept.Count);
        foreach (var node in kept)
        {
            if (node >= graph.Capacity) continue;
            ends.Add((int)node);
            if (withColumns) ends.UnionWith(graph.Columns[node] ?? NoColumns);
        }
        var complete = true;
        foreach (var source in ends)
        {
            foreach (var link in graph.Links[source] ?? NoLinks)
            {
                if (!link.Outgoing || !ends.Contains(link.Node)) continue;
                // Seen mid-change (a type with no name yet), or a mapping to read from the file.
                if (link.Type >= names.Length || link.Mapped)
                {
                    complete = false;
                    break;
                }
                if (types is null || types.Contains(names[link.Type])) edges.Add(new Step(source, link.Node, link.Type, link.Lineage));
            }
        }
        if (complete && Unchanged(version)) return graph;
        edges.Clear();
        return null;
    }

    /// <summary>
    /// How many edges each node is an end of, into <paramref name="degrees"/>, if the copy follows the file as of
    /// <paramref name="sequence"/> (the file's latest); false when the caller must count them in SQL. A count read just
    /// as a commit lands may miss it; whoever follows the change feed meets that commit next and asks again.
    /// </summary>
    public bool TryDegrees(long sequence, IReadOnlyList<long> ids, long[] degrees)
    {
        if (!Matches(sequence, out var version)) return false;
        var graph = _graph;
        for (var i = 0; i < ids.Count; i++) degrees[i] = ids[i] < graph.Capacity ? graph.Degrees[ids[i]] : 0;
        return Unchanged(version);
    }

    /// <summary>Whether the copy is at rest and stamped <paramref name="sequence"/>; a read then checks <see cref="Unchanged"/> after it.</summary>
    private bool Matches(long sequence, out long version)
    {
        version = Volatile.Read(ref _version);
        return (version & 1) == 0 && Volatile.Read(ref _sequence) == sequence;
    }

    /// <summary>Whether no change began since <see cref="Matches"/> gave <paramref name="version"/>: what was read is one state.</summary>
    private bool Unchanged(long version)
    {
        Interlocked.MemoryBarrier();
        return Volatile.Read(ref _version) == version;
    }

    /// <summary>The columns of an edge row, as <see cref="ReadEdge"/> reads them.</summary>
    public const string EdgeColumns = "source, target, type, lineage, mapping IS NOT NULL";

    /// <summary>An edge from a row whose first columns are <see cref="EdgeColumns"/>.</summary>
    public static EdgeRow ReadEdge(SqliteDataReader row) =>
        new(row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetInt64(3), row.GetInt64(4) != 0);

    /// <summary>The columns of a node row that make its facts, as <see cref="ReadFacts"/> reads them: id first.</summary>
    public const string FactsColumns = "id, removed, created_at IS NOT NULL, deprecated, owners";

    /// <summary>A node's facts from a row whose first columns are <see cref="FactsColumns"/>.</summary>
    public static FactsRow ReadFacts(SqliteDataReader row) =>
        new(row.GetInt64(0), row.GetInt64(1) != 0, row.GetInt64(2) != 0, row.GetInt64(3) != 0, row.IsDBNull(4) ? null : row.GetString(4));

    /// <summary>The change sequence a snapshot has seen: the last one committed before it began.</summary>
    public static async Task<long> SequenceAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, SequenceSql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The snapshot's last change sequence (AUTOINCREMENT's high-water mark, which never goes back), 0 when none.</summary>
    public const string SequenceSql = "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0)";

    /// <summary>
    /// Changes the copy as the delta says; false when it cannot follow it. A commit's batches may add an edge and
    /// delete it again, so each node's links are counted up and down first and its list rebuilt once, in one pass
    /// however long a hub's list is.
    /// </summary>
    private bool Change(Delta delta)
    {
        var ids = delta.Nodes.Select(n => n.Id).Concat(delta.Facts.Select(f => f.Id)).Concat(delta.Columns.Select(c => Math.Max(c.Column, c.Parent)))
            .Concat(delta.Deleted.Concat(delta.Added).Select(e => Math.Max(e.Source, e.Target)));
        var top = ids.DefaultIfEmpty(-1).Max();
        _unrepresentable |= top >= int.MaxValue;
        if (_unrepresentable) return false;
        var held = _graph;
        var newUrns = delta.Nodes.Where(n => n.Id >= held.Capacity || held.UrnLength[n.Id] == 0).Sum(n => (long)Encoding.UTF8.GetByteCount(n.Urn));
        var graph = Grown(held, (int)top + 1, _urnBytes + newUrns);
        if (graph is null) return false;

        var urns = graph.Urns;
        foreach (var (id, urn) in delta.Nodes)
        {
            // A node's urn never changes, so one already held stays.
            if (graph.UrnLength[id] > 0) continue;
            var length = Encoding.UTF8.GetBytes(urn, 0, urn.Length, urns, _urnBytes);
            (graph.UrnStart[id], graph.UrnLength[id]) = (_urnBytes, length);
            _urnBytes += length;
        }
        foreach (var row in delta.Facts) graph.Facts[row.Id] = Interned(row);

        var counts = new Dictionary<int, Dictionary<Link, int>>();
        var types = graph.Types;
        void Count(EdgeRow row, int by)
        {
            graph.Degrees[row.Source] += by;
            graph.Degrees[row.Target] += by;
            if (row.Lineage == 0) return;
            if (!_typeIds.TryGetValue(row.Type, out var type))
            {
                _typeIds[row.Type] = type = (ushort)_typeIds.Count;
                types = [.. types, row.Type];
            }
            var (source, target, lineage) = ((int)row.Source, (int)row.Target, (byte)row.Lineage);
            Add(source, new Link(target, type, lineage, true, row.Mapped), by);
            Add(target, new Link(source, type, lineage, false, row.Mapped), by);
        }
        void Add(int node, Link link, int by)
        {
            if (!counts.TryGetValue(node, out var links)) counts[node] = links = [];
            links[link] = links.GetValueOrDefault(link) + by;
        }

        _unrepresentable |= delta.Added.Concat(delta.Deleted).Any(row => row.Lineage is < 0 or > byte.MaxValue)
            || _typeIds.Count + delta.Added.Select(row => row.Type).Distinct().Count() > ushort.MaxValue;
        if (_unrepresentable) return false;
        foreach (var row in delta.Deleted) Count(row, -1);
        foreach (var row in delta.Added) Count(row, +1);

        var rebuilt = new List<(int Node, Link[]? Links)>(counts.Count);
        foreach (var (node, net) in counts)
        {
            var list = new List<Link>();
            foreach (var link in graph.Links[node] ?? NoLinks)
            {
                if (net.TryGetValue(link, out var by) && by < 0) net[link] = by + 1;
                else list.Add(link);
            }
            foreach (var (link, by) in net)
            {
                if (by < 0) return false; // deleted more often than held
                for (var i = 0; i < by; i++) list.Add(link);
            }
            rebuilt.Add((node, list.Count == 0 ? null : [.. list]));
        }

        var columns = new Dictionary<int, HashSet<int>>();
        foreach (var (column, parent) in delta.Columns)
        {
            if (!columns.TryGetValue((int)parent, out var set)) columns[(int)parent] = set = [.. graph.Columns[(int)parent] ?? NoColumns];
            set.Add((int)column);
        }

        // Types first: a link is published only once its type has a name.
        if (types.Length != graph.Types.Length)
            graph = new Graph(graph.Links, graph.Columns, graph.UrnStart, graph.UrnLength, graph.Facts, graph.Degrees, graph.Urns, types);
        _graph = graph;
        foreach (var (node, links) in rebuilt) graph.Links[node] = links;
        foreach (var (parent, set) in columns) graph.Columns[parent] = [.. set];
        return true;
    }

    /// <summary>
    /// One shared value for each distinct set of facts: most nodes share a handful (an entity, no owners), and owned
    /// ones mostly share their owner lists, so the copy holds a reference a node instead of a value.
    /// </summary>
    private NodeFacts? Interned(FactsRow row)
    {
        if (!row.Removed && !row.Exists && !row.Deprecated && row.Owners is null) return null;
        var key = (row.Removed, row.Exists, row.Deprecated, row.Owners);
        if (_facts.TryGetValue(key, out var facts)) return facts;
        var owners = row.Owners is null ? [] : JsonSerializer.Deserialize<string[]>(row.Owners)!
            .Select(owner => _names.TryGetValue(owner, out var name) ? name : _names[owner] = owner).ToArray();
        return _facts[key] = new NodeFacts(row.Removed, row.Exists, row.Deprecated, owners);
    }

    /// <summary>
    /// The graph itself when it holds <paramref name="capacity"/> ids and <paramref name="urnBytes"/> bytes of urns, else
    /// a larger copy; null when the urns would not fit in one array. Readers keep the graph they began with, and a
    /// change made while they read is caught by the version.
    /// </summary>
    private Graph? Grown(Graph graph, int capacity, long urnBytes)
    {
        if (capacity <= graph.Capacity && urnBytes <= graph.Urns.Length) return graph;
        _unrepresentable |= urnBytes > Array.MaxLength;
        if (_unrepresentable) return null;
        var ids = capacity <= graph.Capacity ? graph.Capacity : (int)Math.Min(Array.MaxLength, Math.Max(capacity, 2L * graph.Capacity));
        // Urns grow by a quarter: at a million entities they are tens of megabytes, doubled would be as much again unused.
        var bytes = urnBytes <= graph.Urns.Length ? graph.Urns.Length : (int)Math.Min(Array.MaxLength, Math.Max(urnBytes, graph.Urns.Length + graph.Urns.Length / 4));
        T[] Copy<T>(T[] array, int length)
        {
            if (array.Length == length) return array;
            var copy = new T[length];
            Array.Copy(array, copy, array.Length);
            return copy;
        }
        return new Graph(Copy(graph.Links, ids), Copy(graph.Columns, ids), Copy(graph.UrnStart, ids), Copy(graph.UrnLength, ids),
            Copy(graph.Facts, ids), Copy(graph.Degrees, ids), Copy(graph.Urns, bytes), graph.Types);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
