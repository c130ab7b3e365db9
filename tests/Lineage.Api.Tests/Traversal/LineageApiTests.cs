using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Traversal;

/// <summary>
/// Issue 4 on the wire: the tutorial's estate written the way DataHub's client writes it, then lineage, impact and
/// path read back over HTTP — degrees, paths, counts, owners, flags, filters, limits and the 400s.
/// </summary>
public abstract partial class LineageApiTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    // The estate: dataset → feature → feature table; feature → model → group; training job → model;
    // model → downstream job → output dataset.
    private string Dataset => $"urn:li:dataset:(urn:li:dataPlatform:hive,users_{_run},PROD)";
    private string Feature => $"urn:li:mlFeature:(users_{_run},age)";
    private string Table => $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,users_{_run})";
    private string Model => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn_{_run},PROD)";
    private string Group => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,churn-models-{_run},PROD)";
    private string TrainingJob => $"urn:li:dataJob:(urn:li:dataFlow:(airflow,train_{_run},PROD),train)";
    private string ScoringJob => $"urn:li:dataJob:(urn:li:dataFlow:(airflow,score_{_run},PROD),score)";
    private string Output => $"urn:li:dataset:(urn:li:dataPlatform:hive,churn_scores_{_run},PROD)";
    private string Alice => $"urn:li:corpuser:alice_{_run}";
    private string Bob => $"urn:li:corpuser:bob_{_run}";
    private string Carol => $"urn:li:corpuser:carol_{_run}";

    private async Task WriteEstateAsync()
    {
        await _gms.UpsertAsync(Dataset, "datasetProperties", new JsonObject { ["name"] = "users" });
        await _gms.UpsertAsync(Dataset, "ownership", Ownership(Carol));
        await _gms.UpsertAsync(Feature, "mlFeatureProperties", new JsonObject
        {
            ["description"] = "the user's age",
            ["dataType"] = "ORDINAL",
            ["sources"] = new JsonArray(Dataset),
        });
        await _gms.UpsertAsync(Table, "mlFeatureTableProperties", new JsonObject { ["mlFeatures"] = new JsonArray(Feature) });
        await _gms.UpsertAsync(Table, "ownership", Ownership(Alice));
        await _gms.UpsertAsync(TrainingJob, "dataJobInfo", new JsonObject { ["name"] = "train", ["type"] = new JsonObject { ["string"] = "COMMAND" } });
        await _gms.UpsertAsync(Group, "mlModelGroupProperties", new JsonObject { ["description"] = "churn models" });
        await _gms.UpsertAsync(Group, "deprecation", new JsonObject
        {
            ["deprecated"] = true,
            ["note"] = "use the v2 group",
            ["actor"] = "urn:li:corpuser:datahub",
        });
        await _gms.UpsertAsync(Model, "mlModelProperties", new JsonObject
        {
            ["description"] = "predicts churn",
            ["mlFeatures"] = new JsonArray(Feature),
            ["groups"] = new JsonArray(Group),
            ["trainingJobs"] = new JsonArray(TrainingJob),
            ["downstreamJobs"] = new JsonArray(ScoringJob),
        });
        // Alice owns the model twice over (technical and business owner): the impact names the model once for her.
        var modelOwners = Ownership(Alice, Bob);
        modelOwners["owners"]!.AsArray().Add(new JsonObject { ["owner"] = Alice, ["type"] = "BUSINESS_OWNER" });
        await _gms.UpsertAsync(Model, "ownership", modelOwners);
        await _gms.UpsertAsync(ScoringJob, "dataJobInputOutput", new JsonObject
        {
            ["inputDatasets"] = new JsonArray(),
            ["outputDatasets"] = new JsonArray(Output),
        });
        await _gms.UpsertAsync(Output, "datasetProperties", new JsonObject { ["name"] = "churn scores" });
        await _gms.UpsertAsync(Output, "ownership", Ownership(Bob));
    }

    [Fact]
    public async Task the_impact_of_the_dataset_lists_everything_downstream_at_its_degree_with_the_path_that_explains_it()
    {
        await WriteEstateAsync();

        var report = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}");

        report["root"]!["urn"]!.GetValue<string>().ShouldBe(Dataset);
        report["root"]!["degree"]!.GetValue<int>().ShouldBe(0);
        Affected(report).ShouldBe(ByEntity(
            (1, Chain(Dataset, "DerivedFrom", Feature)),
            (2, Chain(Dataset, "DerivedFrom", Feature, "Contains", Table)),
            (2, Chain(Dataset, "DerivedFrom", Feature, "Consumes", Model)),
            (3, Chain(Dataset, "DerivedFrom", Feature, "Consumes", Model, "MemberOf", Group)),
            (3, Chain(Dataset, "DerivedFrom", Feature, "Consumes", Model, "UsedBy", ScoringJob)),
            (4, Chain(Dataset, "DerivedFrom", Feature, "Consumes", Model, "UsedBy", ScoringJob, "Produces", Output))));
        report["affected"]!.AsArray().Select(a => a!["path"]!["hops"]!.GetValue<int>()).ShouldBe([1, 2, 2, 3, 3, 4]);
        report["truncated"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task the_impact_counts_by_type_and_flags_the_deprecated_group()
    {
        await WriteEstateAsync();

        var report = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}");

        report["total"]!.GetValue<int>().ShouldBe(6);
        Counts(report).ShouldBe(new Dictionary<string, int>
        {
            ["dataJob"] = 1, ["dataset"] = 1, ["mlFeature"] = 1, ["mlFeatureTable"] = 1, ["mlModel"] = 1, ["mlModelGroup"] = 1,
        });
        report["deprecated"]!.GetValue<int>().ShouldBe(1);
        report["removed"]!.GetValue<int>().ShouldBe(0);
        var entities = report["affected"]!.AsArray().Select(a => a!["entity"]!).ToList();
        entities.Where(e => e["deprecated"]!.GetValue<bool>()).Select(e => e["urn"]!.GetValue<string>()).ShouldBe([Group]);
        var group = entities.Single(e => e["urn"]!.GetValue<string>() == Group);
        group["entityType"]!.GetValue<string>().ShouldBe("mlModelGroup");
        group["name"]!.GetValue<string>().ShouldBe($"churn-models-{_run}");
        group["platform"]!.GetValue<string>().ShouldBe("urn:li:dataPlatform:mlflow");
        entities.ShouldAllBe(e => e["exists"]!.GetValue<bool>() && !e["removed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task the_impact_names_each_owner_once_with_the_affected_entities_they_own_but_not_the_roots_owner()
    {
        await WriteEstateAsync();

        var report = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}");

        Owners(report).ShouldBe(
        [
            (Alice, Owned(Model, Table)),
            (Bob, Owned(Model, Output)),
        ]);
    }

    [Fact]
    public async Task the_impact_lists_a_page_of_the_affected_while_its_totals_counts_flags_and_owners_cover_them_all()
    {
        await WriteEstateAsync();

        var all = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}");
        var page = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}&start=2&count=3");
        var totalsOnly = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}&count=0");
        var pastTheEnd = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}&start=6");

        (all["start"]!.GetValue<int>(), all["count"]!.GetValue<int>()).ShouldBe((0, 6));
        Affected(page).ShouldBe(Affected(all).Skip(2).Take(3).ToList());
        (page["start"]!.GetValue<int>(), page["count"]!.GetValue<int>(), page["total"]!.GetValue<int>()).ShouldBe((2, 3, 6));
        foreach (var report in new[] { page, totalsOnly, pastTheEnd })
        {
            report["total"]!.GetValue<int>().ShouldBe(6);
            Counts(report).ShouldBe(Counts(all));
            report["deprecated"]!.GetValue<int>().ShouldBe(1);
            Owners(report).ShouldBe(Owners(all));
            report["root"]!["urn"]!.GetValue<string>().ShouldBe(Dataset);
        }
        totalsOnly["affected"]!.AsArray().ShouldBeEmpty();
        pastTheEnd["affected"]!.AsArray().ShouldBeEmpty();
        pastTheEnd["count"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task the_impact_can_be_narrowed_to_entity_types()
    {
        await WriteEstateAsync();

        var report = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}&entityTypes=List(mlModel,dataset)");

        Affected(report).ShouldBe(ByEntity(
            (2, Chain(Dataset, "DerivedFrom", Feature, "Consumes", Model)),
            (4, Chain(Dataset, "DerivedFrom", Feature, "Consumes", Model, "UsedBy", ScoringJob, "Produces", Output))));
        report["total"]!.GetValue<int>().ShouldBe(2);
        Counts(report).ShouldBe(new Dictionary<string, int> { ["dataset"] = 1, ["mlModel"] = 1 });
        report["deprecated"]!.GetValue<int>().ShouldBe(0);
        Owners(report).ShouldBe([(Alice, Owned(Model)), (Bob, Owned(Model, Output))]);
    }

    [Fact]
    public async Task the_impact_walks_through_a_soft_deleted_model_and_flags_it_while_lineage_stops_there_unless_asked()
    {
        await WriteEstateAsync();
        await _gms.UpsertAsync(Model, "status", new JsonObject { ["removed"] = true });

        var report = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}");
        var hidden = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream&maxHops=10");
        var shown = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream&maxHops=10&includeRemoved=true");

        report["total"]!.GetValue<int>().ShouldBe(6);
        report["removed"]!.GetValue<int>().ShouldBe(1);
        report["affected"]!.AsArray().Select(a => a!["entity"]!).Where(e => e["removed"]!.GetValue<bool>())
            .Select(e => e["urn"]!.GetValue<string>()).ShouldBe([Model]);
        Nodes(hidden).ShouldBe(InOrder((1, Feature), (2, Table)));
        Nodes(shown).ShouldBe(InOrder((1, Feature), (2, Table), (2, Model), (3, Group), (3, ScoringJob), (4, Output)));
        shown["nodes"]!.AsArray().Single(n => n!["urn"]!.GetValue<string>() == Model)!["removed"]!.GetValue<bool>().ShouldBeTrue();
    }

    private static JsonObject Ownership(params string[] owners) => new()
    {
        ["owners"] = new JsonArray([.. owners.Select(o => (JsonNode)new JsonObject { ["owner"] = o, ["type"] = "TECHNICAL_OWNER" })]),
        ["lastModified"] = new JsonObject { ["time"] = 0, ["actor"] = "urn:li:corpuser:unknown" },
    };

    private static string Q(string urn) => Uri.EscapeDataString(urn);

    private async Task<JsonObject> GetAsync(string pathAndQuery) =>
        await DataHubWire.ReadObjectAsync(await _gms.Http.GetAsync(pathAndQuery));

    /// <summary>An explaining path as one line: <c>a -Rel-> b -Rel-> c</c>.</summary>
    private static string Chain(params string[] urnsAndRelationships)
    {
        var text = new System.Text.StringBuilder(urnsAndRelationships[0]);
        for (var i = 1; i < urnsAndRelationships.Length; i += 2)
            text.Append($" -{urnsAndRelationships[i]}-> {urnsAndRelationships[i + 1]}");
        return text.ToString();
    }

    private static string PathOf(JsonNode path)
    {
        var urns = path["urns"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        var relationships = path["relationships"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        relationships.Count.ShouldBe(urns.Count - 1);
        return Chain([urns[0], .. relationships.Zip(urns.Skip(1)).SelectMany(p => new[] { p.First, p.Second })]);
    }

    /// <summary>Each affected entity as (degree, explaining path), in the answer's order.</summary>
    private static List<(int Degree, string Path)> Affected(JsonObject report) =>
        [.. report["affected"]!.AsArray().Select(a => (a!["entity"]!["degree"]!.GetValue<int>(), PathOf(a["path"]!)))];

    private static Dictionary<string, int> Counts(JsonObject report) =>
        report["countsByType"]!.AsObject().ToDictionary(c => c.Key, c => c.Value!.GetValue<int>());

    /// <summary>Each owner with the affected entities they own, as the answer lists them.</summary>
    private static List<(string Owner, string Entities)> Owners(JsonObject report) =>
        [.. report["owners"]!.AsArray().Select(o => (o!["owner"]!.GetValue<string>(),
            string.Join(", ", o["entities"]!.AsArray().Select(e => e!.GetValue<string>()))))];

    /// <summary>Owned entities as <see cref="Owners"/> shows them: by urn (ordinal).</summary>
    private static string Owned(params string[] urns) => string.Join(", ", urns.Order(StringComparer.Ordinal));

    /// <summary>A lineage answer's nodes (the root left out) as (degree, urn), in the answer's order.</summary>
    private static List<(int Degree, string Urn)> Nodes(JsonObject graph) =>
        [.. graph["nodes"]!.AsArray().Select(n => (n!["degree"]!.GetValue<int>(), n["urn"]!.GetValue<string>()))];

    private static List<string> Edges(JsonObject graph) =>
        [.. graph["edges"]!.AsArray().Select(e => Edge(e!["source"]!.GetValue<string>(), e["relationship"]!.GetValue<string>(),
            e["target"]!.GetValue<string>(), e["upstream"]!.GetValue<string>()))];

    private static string Edge(string source, string relationship, string target, string upstream) =>
        $"{source} -{relationship}-> {target} (upstream: {upstream})";

    /// <summary>The order the service answers in: nearest first, then by urn (ordinal).</summary>
    private static List<(int, string)> InOrder(params (int Degree, string Text)[] items) =>
        [.. items.OrderBy(i => i.Degree).ThenBy(i => i.Text, StringComparer.Ordinal)];

    /// <summary>Explaining paths in the service's order: nearest first, then by the urn each path ends at.</summary>
    private static List<(int, string)> ByEntity(params (int Degree, string Path)[] items) =>
        [.. items.OrderBy(i => i.Degree).ThenBy(i => i.Path[(i.Path.LastIndexOf("-> ", StringComparison.Ordinal) + 3)..], StringComparer.Ordinal)];

    private static string[] InOrder(params string[] urns) => [.. urns.Order(StringComparer.Ordinal)];
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_lineage_api(SqliteApiFactory factory) : LineageApiTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_lineage_api(Neo4jApiFactory factory) : LineageApiTests(factory);
