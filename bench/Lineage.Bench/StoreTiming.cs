using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Storage.Sqlite;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Lineage.Bench;

/// <summary>
/// Where a lineage answer's time goes: <c>LineageService.GetLineageAsync</c> run in the bench's own process over the
/// store the service wrote (SQLite's file beside the running service, or the same Neo4j server), with every store call
/// timed. The walk's three primitives on the answer's read (one hops call per level, node facts with deprecation,
/// edges among the kept nodes) and opening that read are the store's share; the rest is the walk's and the dressing's
/// own work.
/// </summary>
internal static class StoreTiming
{
    /// <summary>How long one measure may go on in-process before it stops with the answers it has (after at least three).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static IGraphStore Open(string store, string dataDirectory, string? neo4jUri) => store == "embedded"
        ? new SqliteGraphStore(SqliteGraphStore.PathIn(dataDirectory))
        : new Neo4jGraphStore(new CypherClient(new Neo4jOptions { Uri = neo4jUri! }));

    /// <summary>
    /// Mean times per answer over up to <paramref name="rounds"/> rounds of every root, after one answer of warm-up,
    /// within <see cref="Budget"/>. An answer past the service's query time-out (30 s) is counted, not timed; a measure
    /// whose warm-up and first answer both time out is given up.
    /// </summary>
    public static async Task<PrimitiveTimes> MeasureAsync(
        IGraphStore store, IReadOnlyList<string> roots, LineageDirection direction, int hops, LineageGranularity granularity, int rounds)
    {
        var spent = new Dictionary<string, (double Ms, int Calls, long Rows)>();
        var timed = Timed<IGraphStore>.Wrap(store, spent);
        var service = new LineageService(timed, Options.Create(new TraversalOptions()));
        var samples = new List<(double Total, Dictionary<string, (double Ms, int Calls, long Rows)> Calls, int Nodes, int Edges)>();
        var (timedOut, asked) = (0, 0);
        var budget = Stopwatch.StartNew();
        async Task<bool> AnswerAsync(string root, bool keep)
        {
            spent.Clear();
            var clock = Stopwatch.StartNew();
            try
            {
                var answer = await service.GetLineageAsync(
                    new LineageRequest(root, direction, hops, [], [], false, new TraversalOptions().DefaultLineageLimit, granularity), CancellationToken.None);
                if (keep) samples.Add((clock.Elapsed.TotalMilliseconds, new(spent), answer.Nodes.Count + 1, answer.Edges.Count));
                return true;
            }
            catch (QueryTimeoutException)
            {
                if (keep) timedOut++;
                return false;
            }
        }

        var warm = await AnswerAsync(roots[0], keep: false);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var root in roots)
            {
                if (budget.Elapsed > Budget && asked >= Math.Min(3, roots.Count)) goto done;
                asked++;
                if (!await AnswerAsync(root, keep: true) && !warm && asked == 1) goto done;
            }
        }
    done:
        if (samples.Count == 0) return new PrimitiveTimes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) { TimedOut = timedOut };
        double Mean(Func<(double Total, Dictionary<string, (double Ms, int Calls, long Rows)> Calls, int Nodes, int Edges), double> of) => samples.Average(of);
        double Ms(string call, Dictionary<string, (double Ms, int Calls, long Rows)> calls) => calls.GetValueOrDefault(call).Ms;
        var hopsMs = Mean(s => Ms(nameof(ILineageRead.GetHopsAsync), s.Calls));
        var factsMs = Mean(s => Ms(nameof(ILineageRead.GetNodeFactsAsync), s.Calls));
        var edgesMs = Mean(s => Ms(nameof(ILineageRead.GetEdgesAmongAsync), s.Calls));
        // Deprecation comes with the node facts now; the column stays for older results.
        var openMs = Mean(s => Ms(nameof(IGraphStore.OpenLineageReadAsync), s.Calls));
        var totalMs = Mean(s => s.Total);
        return new PrimitiveTimes(samples.Count, totalMs,
            hopsMs, Mean(s => s.Calls.GetValueOrDefault(nameof(ILineageRead.GetHopsAsync)).Calls),
            Mean(s => s.Calls.GetValueOrDefault(nameof(ILineageRead.GetHopsAsync)).Rows),
            factsMs, edgesMs, Mean(s => s.Calls.GetValueOrDefault(nameof(ILineageRead.GetEdgesAmongAsync)).Rows),
            0, totalMs - hopsMs - factsMs - edgesMs - openMs - Mean(s => s.Calls.Where(c => !Known.Contains(c.Key)).Sum(c => c.Value.Ms)),
            Mean(s => s.Nodes), Mean(s => s.Edges))
        {
            TimedOut = timedOut,
        };
    }

    private static readonly HashSet<string> Known =
    [
        nameof(ILineageRead.GetHopsAsync), nameof(ILineageRead.GetNodeFactsAsync), nameof(ILineageRead.GetEdgesAmongAsync),
        nameof(IGraphStore.OpenLineageReadAsync),
    ];

    /// <summary>
    /// The measure-name suffix of answers an earlier bench timed with the hops statement's column arms rewritten as
    /// CROSS JOIN; the store has had that statement since, and saved results with the suffix still render.
    /// </summary>
    public const string CrossJoinSuffix = " [hops with CROSS JOIN]";

    /// <summary>
    /// A store, or a lineage read it opens, that adds up the time and the rows of each call it passes on (a read's
    /// calls into the same tally as its store's).
    /// </summary>
    public class Timed<T> : DispatchProxy where T : class
    {
        private static readonly MethodInfo TrackMethod = typeof(Timed<T>).GetMethod(nameof(TrackAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

        private T _inner = null!;
        private Dictionary<string, (double Ms, int Calls, long Rows)> _calls = null!;

        public static T Wrap(T inner, Dictionary<string, (double Ms, int Calls, long Rows)> calls)
        {
            var proxy = Create<T, Timed<T>>();
            var timed = (Timed<T>)(object)proxy;
            (timed._inner, timed._calls) = (inner, calls);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var clock = Stopwatch.StartNew();
            var result = Forward(_inner, method!, args);
            var type = method!.ReturnType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
                return TrackMethod.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(this, [result, method.Name, clock]);
            return result;
        }

        private async Task<TResult> TrackAsync<TResult>(Task<TResult> task, string name, Stopwatch clock)
        {
            var result = await task;
            var (ms, calls, rows) = _calls.GetValueOrDefault(name);
            _calls[name] = (ms + clock.Elapsed.TotalMilliseconds, calls + 1, rows + (result is ICollection c ? c.Count : 0));
            return result is ILineageRead read ? (TResult)Timed<ILineageRead>.Wrap(read, _calls) : result;
        }
    }

    private static object? Forward(object inner, MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
