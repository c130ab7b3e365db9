using System.Globalization;
using System.Text.Json.Nodes;

namespace Lineage.Bench;

/// <summary>One run's two events, serialised, and which producer (job namespace) sends them.</summary>
internal sealed record OpenLineageRun(int Namespace, string Start, string Complete);

/// <summary>What the generated events hold, for the report.</summary>
internal sealed record OpenLineageFacts(int Events, int Runs, int Jobs, int Namespaces, int Datasets, int ParentedRuns, int MeanEventBytes, int MeanCompleteBytes);

/// <summary>
/// Generates OpenLineage RunEvents from a fixed seed, shaped as Airflow's, dbt's and Spark's integrations send them
/// (see tests/Lineage.Api.Tests/OpenLineage/Fixtures): <see cref="JobCount"/> jobs in <see cref="NamespaceCount"/> job
/// namespaces, each reading one to three datasets and writing one, drawn from a pool of <see cref="DatasetCount"/>
/// (postgres://, s3:// and bigquery, skewed so that a few are read by many jobs); every run a START then a COMPLETE.
/// The START names the datasets; the COMPLETE carries their schema facets (about ten fields) and the output's
/// columnLineage, mapping each output field to one or two input fields. Airflow's task runs carry a parent facet
/// (their DAG's run), and dbt's (their invocation's); Spark's do not. Jobs run in turn, so each runs events ÷ 2 ÷ 500 times.
/// </summary>
internal sealed class OpenLineageEvents(int events, int seed = 42)
{
    public const int JobCount = 500, NamespaceCount = 20, DatasetCount = 2_000;

    private const string SchemaUrl = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Words =
    [
        "customer", "churn", "order", "payment", "session", "click", "user", "account", "invoice", "fraud", "risk", "score",
        "product", "catalog", "price", "inventory", "shipment", "campaign", "email", "retention", "forecast", "demand",
        "store", "region", "device", "event", "signup", "login", "review", "rating", "label", "amount", "status", "date",
    ];

    private static readonly string[] FieldTypes = ["STRING", "INTEGER", "FLOAT", "TIMESTAMP", "BOOLEAN", "NUMERIC"];

    /// <summary>A kind of producer: its job namespaces' prefix, its producer URL, its jobType facet, whether its runs have a parent.</summary>
    private sealed record Kind(string Name, string Producer, string Integration, string JobType, bool Parented);

    private static readonly Kind[] Kinds =
    [
        new("airflow", "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0", "AIRFLOW", "TASK", true),
        new("dbt", "https://github.com/OpenLineage/OpenLineage/tree/1.40.0/integration/dbt", "DBT", "MODEL", true),
        new("spark", "https://github.com/OpenLineage/OpenLineage/tree/1.40.0/integration/spark", "SPARK", "JOB", false),
    ];

    private sealed record Dataset(string Namespace, string Name, IReadOnlyList<(string Name, string Type)> Fields);

    private sealed record Job(int Namespace, string NamespaceName, Kind Kind, string Name, IReadOnlyList<Dataset> Inputs, Dataset Output);

    private readonly Random _random = new(seed);

    public (IReadOnlyList<OpenLineageRun> Runs, OpenLineageFacts Facts) Generate()
    {
        var datasets = Enumerable.Range(0, DatasetCount).Select(NewDataset).ToList();
        var namespaces = Enumerable.Range(0, NamespaceCount).Select(n => (Kind: Kinds[n % Kinds.Length], Name: $"{Kinds[n % Kinds.Length].Name}-{Word()}-{n}")).ToList();
        var jobs = Enumerable.Range(0, JobCount).Select(j =>
        {
            var (kind, ns) = namespaces[j % NamespaceCount];
            var inputs = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => datasets[Skewed(datasets.Count)]).Distinct().ToList();
            var output = datasets[_random.Next(datasets.Count)];
            while (inputs.Contains(output)) output = datasets[_random.Next(datasets.Count)];
            var name = kind.Name switch
            {
                // Airflow names a task dag.task, dbt a model project.schema.model; the mapping takes the part before the first dot as the flow.
                "airflow" => $"{Word()}_{Word()}_dag_{j % 40}.{Word()}_task_{j}",
                "dbt" => $"analytics_{j % 10}.{Word()}.{Word()}_{Word()}_{j}",
                _ => $"{Word()}_{Word()}_app_{j}.execute_insert_into_hadoop_fs_relation_command",
            };
            return new Job(j % NamespaceCount, ns, kind, name, inputs, output);
        }).ToList();

        var runs = new List<OpenLineageRun>();
        var (parented, bytes, completeBytes) = (0, 0L, 0L);
        for (var r = 0; r < events / 2; r++)
        {
            var job = jobs[r % jobs.Count];
            var runId = Uuid();
            var startedAt = Epoch.AddSeconds(r * 20 + _random.Next(20));
            var completedAt = startedAt.AddSeconds(_random.Next(30, 900));
            // A DAG run (or dbt invocation) holds the tasks of one schedule round of its namespace.
            JsonObject? parent = null;
            if (job.Kind.Parented)
            {
                var parentName = job.Kind.Name == "airflow" ? job.Name.Split('.')[0] : $"dbt-run-{job.Name.Split('.')[0]}";
                parent = new JsonObject
                {
                    ["_producer"] = job.Kind.Producer,
                    ["_schemaURL"] = "https://openlineage.io/spec/facets/1-1-0/ParentRunFacet.json#/$defs/ParentRunFacet",
                    ["job"] = new JsonObject { ["namespace"] = job.NamespaceName, ["name"] = parentName },
                    ["run"] = new JsonObject { ["runId"] = RoundUuid(job.NamespaceName, parentName, r / jobs.Count) },
                };
                parented++;
            }
            var start = Event(job, "START", startedAt, runId, parent, withFacets: false).ToJsonString();
            var complete = Event(job, "COMPLETE", completedAt, runId, parent, withFacets: true).ToJsonString();
            bytes += start.Length + complete.Length;
            completeBytes += complete.Length;
            runs.Add(new OpenLineageRun(job.Namespace, start, complete));
        }
        return (runs, new OpenLineageFacts(runs.Count * 2, runs.Count, Math.Min(JobCount, runs.Count), Math.Min(NamespaceCount, runs.Count),
            jobs.Take(runs.Count).SelectMany(j => j.Inputs.Append(j.Output)).Distinct().Count(), parented,
            runs.Count == 0 ? 0 : (int)(bytes / (runs.Count * 2)), runs.Count == 0 ? 0 : (int)(completeBytes / runs.Count)));
    }

    private JsonObject Event(Job job, string type, DateTimeOffset at, string runId, JsonObject? parent, bool withFacets)
    {
        var runFacets = new JsonObject
        {
            ["processing_engine"] = new JsonObject
            {
                ["_producer"] = job.Kind.Producer,
                ["_schemaURL"] = "https://openlineage.io/spec/facets/1-1-1/ProcessingEngineRunFacet.json#/$defs/ProcessingEngineRunFacet",
                ["name"] = job.Kind.Name, ["version"] = job.Kind.Name switch { "airflow" => "2.10.3", "dbt" => "1.10.15", _ => "3.5.1" },
                ["openlineageAdapterVersion"] = "1.40.0",
            },
        };
        if (parent is not null) runFacets["parent"] = parent.DeepClone();
        if (job.Kind.Name == "airflow")
            runFacets["nominalTime"] = new JsonObject
            {
                ["_producer"] = job.Kind.Producer,
                ["_schemaURL"] = "https://openlineage.io/spec/facets/1-0-1/NominalTimeRunFacet.json#/$defs/NominalTimeRunFacet",
                ["nominalStartTime"] = Time(new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero)),
            };
        var jobFacets = new JsonObject
        {
            ["jobType"] = new JsonObject
            {
                ["_producer"] = job.Kind.Producer,
                ["_schemaURL"] = "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
                ["integration"] = job.Kind.Integration, ["jobType"] = job.Kind.JobType, ["processingType"] = "BATCH",
            },
        };
        if (job.Kind.Name == "dbt")
            jobFacets["sql"] = new JsonObject
            {
                ["_producer"] = job.Kind.Producer,
                ["_schemaURL"] = "https://openlineage.io/spec/facets/1-1-0/SQLJobFacet.json#/$defs/SQLJobFacet",
                ["dialect"] = "postgres",
                ["query"] = $"select {string.Join(", ", job.Output.Fields.Select(f => f.Name))} from {string.Join(" join ", job.Inputs.Select(i => i.Name))}",
            };
        return new JsonObject
        {
            ["eventType"] = type,
            ["eventTime"] = Time(at),
            ["producer"] = job.Kind.Producer,
            ["schemaURL"] = SchemaUrl,
            ["run"] = new JsonObject { ["runId"] = runId, ["facets"] = runFacets },
            ["job"] = new JsonObject { ["namespace"] = job.NamespaceName, ["name"] = job.Name, ["facets"] = jobFacets },
            ["inputs"] = new JsonArray([.. job.Inputs.Select(d => (JsonNode)DatasetNode(job, d, withFacets, lineage: false))]),
            ["outputs"] = new JsonArray(DatasetNode(job, job.Output, withFacets, lineage: withFacets)),
        };
    }

    private static JsonObject DatasetNode(Job job, Dataset dataset, bool withFacets, bool lineage)
    {
        var node = new JsonObject { ["namespace"] = dataset.Namespace, ["name"] = dataset.Name };
        if (!withFacets) return node;
        var facets = new JsonObject
        {
            ["schema"] = new JsonObject
            {
                ["_producer"] = job.Kind.Producer,
                ["_schemaURL"] = "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",
                ["fields"] = new JsonArray([.. dataset.Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type, ["fields"] = new JsonArray() })]),
            },
            ["dataSource"] = new JsonObject
            {
                ["_producer"] = job.Kind.Producer,
                ["_schemaURL"] = "https://openlineage.io/spec/facets/1-0-1/DatasourceDatasetFacet.json#/$defs/DatasourceDatasetFacet",
                ["name"] = dataset.Namespace, ["uri"] = dataset.Namespace,
            },
        };
        if (lineage) facets["columnLineage"] = ColumnLineage(job);
        node["facets"] = facets;
        return node;
    }

    /// <summary>
    /// Each output field from the input field of the same position (the inputs dealt out in turn), and every third
    /// one also from a field of another input: the shape of a join followed by a projection.
    /// </summary>
    private static JsonObject ColumnLineage(Job job)
    {
        var fields = new JsonObject();
        for (var k = 0; k < job.Output.Fields.Count; k++)
        {
            var from = job.Inputs[k % job.Inputs.Count];
            var sources = new List<(Dataset Dataset, string Field)> { (from, from.Fields[k % from.Fields.Count].Name) };
            if (k % 3 == 2 && job.Inputs.Count > 1)
            {
                var other = job.Inputs[(k + 1) % job.Inputs.Count];
                sources.Add((other, other.Fields[(k * 7) % other.Fields.Count].Name));
            }
            var direct = sources.Count == 1;
            fields[job.Output.Fields[k].Name] = new JsonObject
            {
                ["inputFields"] = new JsonArray([.. sources.Select(s => (JsonNode)new JsonObject
                {
                    ["namespace"] = s.Dataset.Namespace, ["name"] = s.Dataset.Name, ["field"] = s.Field,
                    ["transformations"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "DIRECT", ["subtype"] = direct ? "IDENTITY" : "TRANSFORMATION", ["description"] = "", ["masking"] = false,
                    }),
                })]),
            };
        }
        return new JsonObject
        {
            ["_producer"] = job.Kind.Producer,
            ["_schemaURL"] = "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet",
            ["fields"] = fields,
        };
    }

    private Dataset NewDataset(int d)
    {
        var fieldCount = _random.Next(8, 13);
        var fields = Enumerable.Range(0, fieldCount)
            .Select(k => (Name: k == 0 ? $"{Word()}_id" : $"{Word()}_{Word()}_{k}", Type: FieldTypes[_random.Next(FieldTypes.Length)])).ToList();
        return (d % 3) switch
        {
            0 => new Dataset($"postgres://pg-{d % 5}.internal:5432", $"warehouse.{Word()}.{Word()}_{Word()}_{d}", fields),
            1 => new Dataset($"s3://lake-{d % 4}", $"raw/{Word()}/{Word()}_{d}", fields),
            _ => new Dataset("bigquery", $"analytics-{d % 3}.{Word()}.{Word()}_{d}", fields),
        };
    }

    /// <summary>An index skewed towards 0: a few datasets are read by many jobs.</summary>
    private int Skewed(int count) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), 2)));

    private string Word() => Words[_random.Next(Words.Length)];

    /// <summary>A version 4 UUID drawn from the seeded source, so that runs are the same from one bench to the next.</summary>
    private string Uuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>The parent run of a schedule round (a name-based, version 5 style UUID): the same for every task of that DAG (or dbt project) in that round.</summary>
    private static string RoundUuid(string ns, string parent, int round)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{ns}/{parent}/{round}"))[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true).ToString();
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
