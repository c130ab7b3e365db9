using System.Text.Json.Nodes;

namespace Lineage.Bench;

/// <summary>
/// Generates a realistic ML estate from a fixed seed: raw and derived datasets with upstream lineage, features
/// derived from datasets, feature tables and primary keys, models consuming features and grouped, training and
/// downstream jobs reading and writing datasets, owners, tags, terms and domains. Fan-out is skewed (Zipf-like):
/// a few hub datasets feed thousands of entities, most feed a handful.
/// With <c>columns</c> &gt; 0 every dataset also gets a schema of that many columns, every dataset-to-dataset lineage
/// edge maps a share of the downstream's columns to the upstream's (<see cref="FineGrained"/>), and some features are
/// built from a column. Those choices draw from a random source of their own, so the estate is otherwise the same
/// entity for entity as without columns: the same datasets, edges, hubs and roots.
/// </summary>
internal sealed class EstateGenerator(int entities, int seed = 42, int columns = 0)
{
    /// <summary>The share of a downstream dataset's columns that its fine-grained lineage maps to an upstream column.</summary>
    private const double MappedShare = 0.8;

    /// <summary>The share of mapped columns made from two or three upstream columns (the rest are one-to-one).</summary>
    private const double ManyToOneShare = 0.15;

    /// <summary>The share of a feature's dataset sources replaced by one of that dataset's columns.</summary>
    private const double ColumnSourceShare = 0.3;

    private static readonly string[] ColumnTypes = ["StringType", "NumberType", "StringType", "DateType", "BooleanType"];
    private static readonly string[] NativeTypes = ["varchar", "bigint", "varchar", "date", "boolean"];
    private readonly Random _columnRandom = new(seed + 1_000_003);
    private long _columnEdges, _fineGrainedEntries, _manyToOne;

    private static readonly string[] Words =
    [
        "customer", "churn", "order", "payment", "session", "click", "user", "account", "invoice", "fraud", "risk", "score",
        "embedding", "ranking", "recommendation", "search", "query", "product", "catalog", "price", "inventory", "shipment",
        "marketing", "campaign", "email", "retention", "lifetime", "value", "forecast", "demand", "supply", "store", "region",
        "device", "mobile", "web", "event", "signup", "login", "review", "rating", "content", "video", "image", "text", "label",
    ];

    private readonly Random _random = new(seed);
    private readonly List<JsonObject> _proposals = [];

    public Estate Generate()
    {
        var n = entities;
        int Share(double fraction) => Math.Max(3, (int)(n * fraction));
        var users = Enumerable.Range(0, Share(0.01)).Select(i => $"urn:li:corpuser:user_{i}").ToList();
        var tags = Enumerable.Range(0, 40).Select(i => $"urn:li:tag:{Words[i % Words.Count()]}-{i}").ToList();
        var terms = Enumerable.Range(0, 30).Select(i => $"urn:li:glossaryTerm:{Pick(Words)}_{i}").ToList();
        var domains = Enumerable.Range(0, 8).Select(i => $"urn:li:domain:{Words[(i * 5) % Words.Length]}").ToList();

        var datasets = Enumerable.Range(0, Share(0.30)).Select(i => $"urn:li:dataset:(urn:li:dataPlatform:{Pick(["hive", "snowflake", "s3", "kafka"])},{Name(i)}_ds_{i},PROD)").ToList();
        var features = Enumerable.Range(0, Share(0.30)).Select(i => $"urn:li:mlFeature:(ns_{i % 500},{Name(i)}_f_{i})").ToList();
        var keys = Enumerable.Range(0, Share(0.02)).Select(i => $"urn:li:mlPrimaryKey:(ns_{i % 500},{Pick(Words)}_id_{i})").ToList();
        var tables = Enumerable.Range(0, Share(0.03)).Select(i => $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,{Name(i)}_table_{i})").ToList();
        var groups = Enumerable.Range(0, Share(0.02)).Select(i => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,{Name(i)}_group_{i},PROD)").ToList();
        var models = Enumerable.Range(0, Share(0.10)).Select(i => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,{Name(i)}_model_{i},PROD)").ToList();
        var flows = Enumerable.Range(0, Share(0.01)).Select(i => $"urn:li:dataFlow:(airflow,{Name(i)}_flow_{i},PROD)").ToList();
        var jobs = Enumerable.Range(0, n - users.Count - datasets.Count - features.Count - keys.Count - tables.Count - groups.Count - models.Count - flows.Count)
            .Select(i => $"urn:li:dataJob:({flows[i % flows.Count]},{Name(i)}_job_{i})").ToList();

        foreach (var user in users) Add(user, "corpUserInfo", new JsonObject { ["active"] = true, ["displayName"] = user.Split(':')[^1].Replace('_', ' ') });
        foreach (var (dataset, i) in datasets.Select((d, i) => (d, i)))
        {
            var upstreams = i == 0 ? [] : Enumerable.Range(0, _random.Next(0, 4)).Select(_ => datasets[Zipf(i)]).Distinct().ToList();
            Add(dataset, "datasetProperties", new JsonObject { ["name"] = dataset.Split(',')[1], ["description"] = Sentence() });
            if (columns > 0) Add(dataset, "schemaMetadata", Schema(dataset));
            if (upstreams.Count > 0)
            {
                var lineage = new JsonObject { ["upstreams"] = new JsonArray([.. upstreams.Select(u => (JsonNode)new JsonObject { ["dataset"] = u, ["type"] = "TRANSFORMED" })]) };
                if (columns > 0) lineage["fineGrainedLineages"] = FineGrained(dataset, upstreams);
                Add(dataset, "upstreamLineage", lineage);
            }
            Decorate(dataset, users, tags, terms, domains);
        }
        var columnSourcedFeatures = 0;
        foreach (var feature in features)
        {
            var sources = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => datasets[Zipf(datasets.Count)]).Distinct();
            var fromColumn = false;
            // Lazily, as before, so that the main random source is drawn in the same order with columns as without.
            string SourceOf(string dataset)
            {
                if (columns == 0 || _columnRandom.NextDouble() >= ColumnSourceShare) return dataset;
                fromColumn = true;
                return Column(dataset, _columnRandom.Next(columns));
            }
            Add(feature, "mlFeatureProperties", new JsonObject
            {
                ["description"] = Sentence(), ["dataType"] = Pick(["CONTINUOUS", "NOMINAL", "TEXT", "COUNT"]),
                ["sources"] = new JsonArray([.. sources.Select(s => (JsonNode)SourceOf(s))]),
            });
            if (fromColumn) columnSourcedFeatures++;
            Decorate(feature, users, tags, terms, domains);
        }
        foreach (var key in keys)
            Add(key, "mlPrimaryKeyProperties", new JsonObject { ["sources"] = new JsonArray(datasets[Zipf(datasets.Count)]), ["dataType"] = "NOMINAL" });
        foreach (var table in tables)
        {
            var members = Enumerable.Range(0, _random.Next(3, 20)).Select(_ => features[_random.Next(features.Count)]).Distinct();
            Add(table, "mlFeatureTableProperties", new JsonObject
            {
                ["description"] = Sentence(), ["mlFeatures"] = new JsonArray([.. members.Select(m => (JsonNode)m)]),
                ["mlPrimaryKeys"] = new JsonArray(keys[_random.Next(keys.Count)]),
            });
            Decorate(table, users, tags, terms, domains);
        }
        foreach (var group in groups)
        {
            Add(group, "mlModelGroupProperties", new JsonObject { ["name"] = group.Split(',')[1], ["description"] = Sentence() });
            Decorate(group, users, tags, terms, domains);
        }
        foreach (var (model, i) in models.Select((m, i) => (m, i)))
        {
            var consumed = Enumerable.Range(0, _random.Next(3, 15)).Select(_ => features[Zipf(features.Count)]).Distinct();
            Add(model, "mlModelProperties", new JsonObject
            {
                ["name"] = model.Split(',')[1], ["description"] = Sentence(),
                ["mlFeatures"] = new JsonArray([.. consumed.Select(f => (JsonNode)f)]),
                ["groups"] = new JsonArray(groups[i % groups.Count]),
                ["trainingJobs"] = new JsonArray(jobs[_random.Next(jobs.Count)]),
                ["downstreamJobs"] = new JsonArray(jobs[_random.Next(jobs.Count)]),
                ["hyperParams"] = new JsonArray(new JsonObject { ["name"] = "learning_rate", ["value"] = "0.01" }),
                ["trainingMetrics"] = new JsonArray(new JsonObject { ["name"] = "auc", ["value"] = $"0.{_random.Next(60, 99)}" }),
            });
            Decorate(model, users, tags, terms, domains);
        }
        foreach (var flow in flows) Add(flow, "dataFlowInfo", new JsonObject { ["name"] = flow.Split(',')[1] });
        foreach (var job in jobs)
        {
            Add(job, "dataJobInfo", new JsonObject { ["name"] = job.Split(',')[^1].TrimEnd(')'), ["type"] = "COMMAND", ["description"] = Sentence() });
            Add(job, "dataJobInputOutput", new JsonObject
            {
                ["inputDatasets"] = new JsonArray(datasets[Zipf(datasets.Count)]),
                ["outputDatasets"] = new JsonArray(datasets[_random.Next(datasets.Count)]),
            });
        }

        var hubs = datasets.Take(5).ToList();
        var leaves = Enumerable.Range(0, 20).Select(_ => datasets[datasets.Count - 1 - _random.Next(datasets.Count / 2)]).Distinct().ToList();
        var modelRoots = Enumerable.Range(0, 20).Select(_ => models[_random.Next(models.Count)]).Distinct().ToList();
        string[] search = ["customer churn", "fraud", "payment score", "\"lifetime value\"", "rank*", "recommendation model", "order forecast", "user embedding", "tag:fraud-9", "demand"];
        string[] autocomplete = ["c", "cu", "cust", "custo", "chu", "pay", "fraud_", "rec", "rank", "emb", "user_", "lifetime_v", "ord", "zz", "se", "signup"];
        var estate = new Estate(n, _proposals, hubs, leaves, modelRoots, search, autocomplete);
        if (columns == 0) return estate;
        return estate with
        {
            ColumnsPerDataset = columns,
            Columns = new ColumnFacts((long)datasets.Count * columns, _columnEdges, _fineGrainedEntries, _manyToOne, columnSourcedFeatures,
                [.. hubs.Select(h => Column(h, _columnRandom.Next(columns)))],
                [.. leaves.Select(l => Column(l, _columnRandom.Next(columns)))]),
        };
    }

    /// <summary>A column's urn, as DataHub spells it.</summary>
    public static string Column(string dataset, string fieldPath) => $"urn:li:schemaField:({dataset},{fieldPath})";

    private static string Column(string dataset, int column) => Column(dataset, FieldPath(column));

    /// <summary>Column k has the same name in every dataset, as a column keeps its name through most transformations.</summary>
    private static string FieldPath(int column) => $"{Words[column % Words.Length]}_{column}";

    private JsonObject Schema(string dataset) => new()
    {
        ["schemaName"] = dataset.Split(',')[1],
        ["platform"] = dataset["urn:li:dataset:(".Length..dataset.IndexOf(',')],
        ["version"] = 0,
        ["hash"] = "",
        ["platformSchema"] = new JsonObject { ["com.linkedin.schema.OtherSchema"] = new JsonObject { ["rawSchema"] = "" } },
        ["fields"] = new JsonArray([.. Enumerable.Range(0, columns).Select(k => (JsonNode)new JsonObject
        {
            ["fieldPath"] = FieldPath(k),
            ["nullable"] = k % 3 != 0,
            ["type"] = new JsonObject { ["type"] = new JsonObject { ["com.linkedin.schema." + ColumnTypes[k % ColumnTypes.Length]] = new JsonObject() } },
            ["nativeDataType"] = NativeTypes[k % NativeTypes.Length],
        })]),
    };

    /// <summary>
    /// The fine-grained lineage of a dataset with these upstreams: its columns are dealt out to its upstreams in turn
    /// (so every lineage edge maps a share of them), and <see cref="MappedShare"/> of them are mapped, each to the
    /// column of the same name upstream, or (<see cref="ManyToOneShare"/> of them) to that and one or two other columns.
    /// </summary>
    private JsonArray FineGrained(string dataset, IReadOnlyList<string> upstreams)
    {
        var entries = new JsonArray();
        var start = _columnRandom.Next(upstreams.Count);
        for (var k = 0; k < columns; k++)
        {
            if (_columnRandom.NextDouble() >= MappedShare) continue;
            var from = new List<string> { Column(upstreams[(k + start) % upstreams.Count], k) };
            var operation = "IDENTITY";
            if (_columnRandom.NextDouble() < ManyToOneShare)
            {
                for (var extra = _columnRandom.Next(1, 3); extra > 0; extra--)
                    from.Add(Column(upstreams[_columnRandom.Next(upstreams.Count)], _columnRandom.Next(columns)));
                from = [.. from.Distinct()];
                operation = from.Count > 1 ? ((string[])["CONCAT", "SUM", "COALESCE"])[_columnRandom.Next(3)] : operation;
            }
            _fineGrainedEntries++;
            _columnEdges += from.Count;
            if (from.Count > 1) _manyToOne++;
            entries.Add(new JsonObject
            {
                ["upstreamType"] = "FIELD_SET",
                ["upstreams"] = new JsonArray([.. from.Select(u => (JsonNode)u)]),
                ["downstreamType"] = "FIELD",
                ["downstreams"] = new JsonArray(Column(dataset, k)),
                ["transformOperation"] = operation,
            });
        }
        return entries;
    }

    private void Decorate(string urn, List<string> users, List<string> tags, List<string> terms, List<string> domains)
    {
        if (_random.NextDouble() < 0.5)
            Add(urn, "ownership", new JsonObject { ["owners"] = new JsonArray(new JsonObject { ["owner"] = users[Zipf(users.Count)], ["type"] = "TECHNICAL_OWNER" }) });
        if (_random.NextDouble() < 0.3)
            Add(urn, "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = tags[Zipf(tags.Count)] }) });
        if (_random.NextDouble() < 0.1)
            Add(urn, "glossaryTerms", new JsonObject
            {
                ["terms"] = new JsonArray(new JsonObject { ["urn"] = terms[_random.Next(terms.Count)] }),
                ["auditStamp"] = new JsonObject { ["time"] = 0, ["actor"] = "urn:li:corpuser:bench" },
            });
        if (_random.NextDouble() < 0.2)
            Add(urn, "domains", new JsonObject { ["domains"] = new JsonArray(domains[_random.Next(domains.Count)]) });
    }

    private void Add(string urn, string aspect, JsonObject value) => _proposals.Add(Proposals.Upsert(urn, aspect, value));

    /// <summary>An index skewed towards 0: the first few items are hubs, the long tail is leaves.</summary>
    private int Zipf(int count) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), 2)));

    private string Name(int i) => $"{Words[_random.Next(Words.Length)]}_{Words[(i * 7 + _random.Next(Words.Length)) % Words.Length]}";

    private string Sentence() => string.Join(' ', Enumerable.Range(0, _random.Next(6, 14)).Select(_ => Words[_random.Next(Words.Length)]));

    private string Pick(IReadOnlyList<string> items) => items[_random.Next(items.Count)];
}
