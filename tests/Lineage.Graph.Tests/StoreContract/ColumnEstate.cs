using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Traversal;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>One fine-grained lineage entry: held by a dataset or a job, from upstream columns (or datasets) to downstream columns.</summary>
internal sealed record FineGrainedEntry(string Holder, IReadOnlyList<string> Upstreams, IReadOnlyList<string> Downstreams);

/// <summary>A walk over a column estate: the root, its direction and hops, and the granularity asked (null: the root's).</summary>
internal sealed record ColumnQuestion(string Root, LineageDirection Direction, int MaxHops, LineageGranularity? Granularity, int MaxNodes);

/// <summary>
/// A random estate with column lineage, named by short local names (d0, d0.c1, j0, f0, m0) that
/// <see cref="Urn"/> turns into urns for one run: datasets with columns, fine-grained lineage held by datasets (their own
/// columns downstream) and by jobs (any columns), features built from columns or datasets, models using features.
/// Cycles, shared columns and a column edge stated by two holders all occur.
/// </summary>
internal sealed record ColumnEstate(
    int Datasets,
    int ColumnsPerDataset,
    IReadOnlyList<FineGrainedEntry> Entries,
    IReadOnlyDictionary<string, IReadOnlyList<string>> FeatureSources,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ModelFeatures,
    IReadOnlyList<ColumnQuestion> Questions)
{
    /// <summary>The urn of a local name in run <paramref name="run"/>.</summary>
    public static string Urn(string run, string name)
    {
        var dataset = name.Split('.')[0];
        var datasetUrn = $"urn:li:dataset:(urn:li:dataPlatform:hive,{run}-{dataset},PROD)";
        return name switch
        {
            _ when name.Contains('.') => $"urn:li:schemaField:({datasetUrn},{name.Split('.')[1]})",
            ['d', ..] => datasetUrn,
            ['j', ..] => $"urn:li:dataJob:(urn:li:dataFlow:(airflow,{run},PROD),{name})",
            ['f', ..] => $"urn:li:mlFeature:({run},{name})",
            _ => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,{run}-{name},PROD)",
        };
    }

    /// <summary>The transformation an entry names: a function of its first ends, so that it varies between entries.</summary>
    private static string Transform(string downstream, string upstream) => $"T{(downstream + upstream).Length % 3}";

    /// <summary>The proposals that write the estate, as a client would send them.</summary>
    public IReadOnlyList<Proposal> Proposals(string run)
    {
        string U(string name) => Urn(run, name);
        JsonArray Urns(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode)U(n))]);
        JsonArray Lineages(string holder) => new([.. Entries.Where(e => e.Holder == holder).Select(e => (JsonNode)new JsonObject
        {
            ["upstreamType"] = e.Upstreams.All(u => u.Contains('.')) ? "FIELD_SET" : "DATASET",
            ["upstreams"] = Urns(e.Upstreams),
            ["downstreamType"] = e.Downstreams.Count == 1 ? "FIELD" : "FIELD_SET",
            ["downstreams"] = Urns(e.Downstreams),
            ["transformOperation"] = Transform(e.Downstreams[0], e.Upstreams[0]),
        })]);

        var proposals = new List<Proposal>();
        foreach (var holder in Entries.Select(e => e.Holder).Distinct())
        {
            proposals.Add(holder.StartsWith('d')
                ? new Proposal(null, U(holder), ChangeType.Upsert, "upstreamLineage",
                    new JsonObject { ["upstreams"] = new JsonArray(), ["fineGrainedLineages"] = Lineages(holder) })
                : new Proposal(null, U(holder), ChangeType.Upsert, "dataJobInputOutput",
                    new JsonObject { ["inputDatasets"] = new JsonArray(), ["outputDatasets"] = new JsonArray(), ["fineGrainedLineages"] = Lineages(holder) }));
        }
        foreach (var (feature, sources) in FeatureSources)
            proposals.Add(new Proposal(null, U(feature), ChangeType.Upsert, "mlFeatureProperties", new JsonObject { ["sources"] = Urns(sources) }));
        foreach (var (model, features) in ModelFeatures)
            proposals.Add(new Proposal(null, U(model), ChangeType.Upsert, "mlModelProperties", new JsonObject { ["mlFeatures"] = Urns(features) }));
        return proposals;
    }

    /// <summary>
    /// The lineage edges the estate states, by DataHub's rules and Lineage's roles, written from the model rather than
    /// from the extractor: each downstream column DownstreamOf each upstream; the holder DownstreamOf each upstream; a
    /// job Produces its downstream columns (a dataset's own columns are not lineage); features and models as named.
    /// </summary>
    public IReadOnlyList<(string Source, string Type, string Target, LineageRole Role, ColumnMapping? Mapping)> Edges(string run)
    {
        string U(string name) => Urn(run, name);
        var edges = new List<(string, string, string, LineageRole, ColumnMapping?)>();
        foreach (var e in Entries)
        {
            foreach (var up in e.Upstreams) edges.Add((U(e.Holder), "DownstreamOf", U(up), LineageRole.TargetIsUpstream, null));
            if (e.Holder.StartsWith('j'))
                foreach (var down in e.Downstreams) edges.Add((U(e.Holder), "Produces", U(down), LineageRole.TargetIsDownstream, null));
            // A job is the column edge's via, as in DataHub; the entry's transformation goes on each of its edges.
            var mapping = new ColumnMapping(e.Holder.StartsWith('j') ? U(e.Holder) : null, Transform(e.Downstreams[0], e.Upstreams[0]), null);
            foreach (var down in e.Downstreams)
            foreach (var up in e.Upstreams)
                edges.Add((U(down), "DownstreamOf", U(up), LineageRole.TargetIsUpstream, mapping));
        }
        foreach (var (feature, sources) in FeatureSources)
            foreach (var source in sources) edges.Add((U(feature), "DerivedFrom", U(source), LineageRole.TargetIsUpstream, null));
        foreach (var (model, features) in ModelFeatures)
            foreach (var feature in features) edges.Add((U(model), "Consumes", U(feature), LineageRole.TargetIsUpstream, null));
        // An edge stated twice keeps what its last statement says, as the write path does.
        return [.. edges.GroupBy(e => (e.Item1, e.Item2, e.Item3)).Select(g => g.Last())];
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Datasets} datasets of {ColumnsPerDataset} columns\n");
        foreach (var e in Entries) text.AppendLine($"  {e.Holder}: [{string.Join(",", e.Upstreams)}] -> [{string.Join(",", e.Downstreams)}]");
        foreach (var (f, s) in FeatureSources) text.AppendLine($"  {f} from [{string.Join(",", s)}]");
        foreach (var (m, f) in ModelFeatures) text.AppendLine($"  {m} uses [{string.Join(",", f)}]");
        foreach (var q in Questions) text.AppendLine($"walk from {q.Root} {q.Direction} maxHops={q.MaxHops} granularity={q.Granularity} maxNodes={q.MaxNodes}");
        return text.ToString();
    }

    /// <summary>FsCheck's generator of estates.</summary>
    public static Arbitrary<ColumnEstate> Cases() => Case.ToArbitrary();

    private static Gen<ColumnEstate> Case =>
        from datasets in Gen.Choose(2, 4)
        from columns in Gen.Choose(1, 3)
        let datasetNames = Enumerable.Range(0, datasets).Select(i => $"d{i}").ToArray()
        let columnNames = datasetNames.SelectMany(d => Enumerable.Range(0, columns).Select(c => $"{d}.c{c}")).ToArray()
        from entryCount in Gen.Choose(datasets, datasets + 6)
        from entries in Gen.ArrayOf(Entry(datasetNames, columnNames), entryCount)
        from featureCount in Gen.Choose(1, 3)
        from sources in Gen.ArrayOf(Gen.SubListOf([.. columnNames, .. datasetNames]).Where(l => l.Count is > 0 and <= 2), featureCount)
        from modelCount in Gen.Choose(0, 2)
        let features = Enumerable.Range(0, featureCount).Select(i => $"f{i}").ToArray()
        from uses in Gen.ArrayOf(Gen.SubListOf(features).Where(l => l.Count > 0), modelCount)
        let models = Enumerable.Range(0, modelCount).Select(i => $"m{i}").ToArray()
        let jobs = entries.Select(e => e.Holder).Where(h => h.StartsWith('j')).Distinct().ToArray()
        from questions in Gen.ArrayOf(Question([.. datasetNames, .. columnNames, .. features, .. models, .. jobs]), 4)
        select new ColumnEstate(datasets, columns, Unique(entries),
            features.Select((f, i) => (f, sources[i])).ToDictionary(x => x.f, x => (IReadOnlyList<string>)[.. x.Item2]),
            models.Select((m, i) => (m, uses[i])).ToDictionary(x => x.m, x => (IReadOnlyList<string>)[.. x.Item2]),
            questions);

    /// <summary>A dataset's entry names its own columns downstream; a job's any columns.</summary>
    private static Gen<FineGrainedEntry> Entry(string[] datasets, string[] columns) =>
        from byJob in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from holder in byJob ? Gen.Elements("j0", "j1") : Gen.Elements(datasets)
        from downs in Gen.SubListOf(byJob ? columns : [.. columns.Where(c => c.StartsWith(holder + ".", StringComparison.Ordinal))])
            .Where(l => l.Count is > 0 and <= 2)
        from byDataset in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from ups in Gen.SubListOf(byDataset ? datasets : columns).Where(l => l.Count is > 0 and <= 2)
        select new FineGrainedEntry(holder, [.. ups], [.. downs]);

    /// <summary>Each (downstream, upstream) pair under one holder only, so the mapping an answer shows is not a matter of order.</summary>
    private static List<FineGrainedEntry> Unique(IEnumerable<FineGrainedEntry> entries)
    {
        var pairs = new Dictionary<(string, string), string>();
        var kept = new List<FineGrainedEntry>();
        foreach (var e in entries)
        {
            if (e.Downstreams.Any(d => e.Upstreams.Any(u => pairs.TryGetValue((d, u), out var h) && h != e.Holder))) continue;
            foreach (var d in e.Downstreams) foreach (var u in e.Upstreams) pairs[(d, u)] = e.Holder;
            kept.Add(e);
        }
        return kept;
    }

    private static Gen<ColumnQuestion> Question(string[] names) =>
        from root in Gen.Elements(names)
        from direction in Gen.Elements(LineageDirection.Upstream, LineageDirection.Downstream)
        from maxHops in Gen.Choose(1, 5)
        from granularity in root.Contains('.')
            ? Gen.Constant<LineageGranularity?>(null)
            : Gen.Elements<LineageGranularity?>(null, LineageGranularity.Column)
        from maxNodes in Gen.Frequency((4, Gen.Constant(1000)), (1, Gen.Choose(1, 6)))
        select new ColumnQuestion(root, direction, maxHops, granularity, maxNodes);
}
