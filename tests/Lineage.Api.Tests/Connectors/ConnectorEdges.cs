namespace Lineage.Api.Tests.Connectors;

/// <summary>
/// For each golden file, the edges DataHub derives from it, read off the <c>@Relationship</c> annotations of the aspects
/// the file writes (metadata-models/src/main/pegasus/com/linkedin/…): Container.container IsPartOf;
/// GlobalTags.tags[].tag TaggedWith; Ownership.owners[].owner OwnedBy; VersionProperties.versionSet VersionOf;
/// DataProcessInstanceInput.inputEdges[].destinationUrn DataProcessInstanceConsumes; DataProcessInstanceOutput.outputEdges[].destinationUrn
/// DataProcessInstanceProduces; MLModelProperties trainingJobs TrainedBy, downstreamJobs UsedBy, groups MemberOf,
/// deployments DeployedTo; MLFeatureProperties.sources and MLPrimaryKeyProperties.sources DerivedFrom;
/// MLFeatureTableProperties mlFeatures Contains, mlPrimaryKeys KeyedBy; DataJobInputOutput inputDatasets Consumes,
/// outputDatasets Produces, inputDatajobs DownstreamOf; Siblings.siblings SiblingOf; UpstreamLineage upstreams[].dataset
/// DownstreamOf; FineGrainedLineage upstreams DownstreamOf and downstreams Produces (and, from UpdateIndicesService,
/// each downstream column DownstreamOf each upstream one: <see cref="FineGrainedEdges"/>). Aspects with no URN field
/// annotated (status, subTypes, browsePaths, browsePathsV2, dataPlatformInstance, viewProperties, the *Properties and
/// *Info records not named here) add no edge.
/// </summary>
internal static class ConnectorEdges
{
    private static ExpectedEdge E(string source, string relationship, string target) => new(source, relationship, target);

    public static IReadOnlyList<ExpectedEdge> Mlflow { get; } = MlflowEdges();

    public static IReadOnlyList<ExpectedEdge> Sagemaker { get; } = SagemakerEdges();

    public static IReadOnlyList<ExpectedEdge> Vertexai { get; } = VertexaiEdges();

    public static IReadOnlyList<ExpectedEdge> Feast { get; } = FeastEdges();

    public static IReadOnlyList<ExpectedEdge> Unity { get; } = UnityEdges();

    /// <summary>A Unity Catalog dataset of the golden file, by its three-part name.</summary>
    public static string Databricks(string name) => $"urn:li:dataset:(urn:li:dataPlatform:databricks,{name},PROD)";

    /// <summary>A column of a dataset, as fine-grained lineage names it.</summary>
    public static string Column(string dataset, string field) => $"urn:li:schemaField:({dataset},{field})";

    private static List<ExpectedEdge> MlflowEdges()
    {
        const string Experiment = "urn:li:container:e37dbaee9481246e0997d7d8fefd8815";
        const string Run = "urn:li:dataProcessInstance:2666299269d6ebea994d5ec0c29e3aca";
        const string Group = "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,test-model,PROD)";
        const string Model = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,test-model_1,PROD)";
        return
        [
            E(Run, "DataProcessInstanceProduces", Model),
            E(Run, "IsPartOf", Experiment),
            E(Model, "TrainedBy", Run),
            E(Model, "MemberOf", Group),
            E(Model, "TaggedWith", "urn:li:tag:mlflow_archived"),
            E(Model, "VersionOf", "urn:li:versionSet:(658730e7177b283e4f94410fe4b41519,mlModel)"),
        ];
    }

    private static List<ExpectedEdge> FeastEdges()
    {
        const string File = "urn:li:dataset:(urn:li:dataPlatform:file,data.driver_stats_with_string.parquet,PROD)";
        const string Request = "urn:li:dataset:(urn:li:dataPlatform:request,vals_to_add,PROD)";
        const string Driver = "feature_store.driver_hourly_stats";
        const string Transformed = "feature_store.transformed_conv_rate";
        var driverKey = $"urn:li:mlPrimaryKey:({Driver},driver_id)";
        string[] driverFeatures = [.. new[] { "conv_rate", "acc_rate", "avg_daily_trips", "string_feature" }.Select(f => $"urn:li:mlFeature:({Driver},{f})")];
        string[] transformedFeatures = [.. new[] { "conv_rate_plus_val1", "conv_rate_plus_val2" }.Select(f => $"urn:li:mlFeature:({Transformed},{f})")];
        var driverTable = $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,{Driver})";
        var transformedTable = $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,{Transformed})";
        return
        [
            E(driverKey, "DerivedFrom", File),
            .. driverFeatures.Select(f => E(f, "DerivedFrom", File)),
            .. transformedFeatures.SelectMany(f => new[] { E(f, "DerivedFrom", Request), E(f, "DerivedFrom", File) }),
            .. driverFeatures.Select(f => E(driverTable, "Contains", f)),
            E(driverTable, "KeyedBy", driverKey),
            .. transformedFeatures.Select(f => E(transformedTable, "Contains", f)),
        ];
    }

    /// <summary>
    /// The file writes the model group's and the model's <c>container</c> twice (bronze_kambi, then quickstart_schema);
    /// the last write counts. The view's three columns are copies of the table's (fine-grained lineage).
    /// </summary>
    private static List<ExpectedEdge> UnityEdges()
    {
        const string HiveMetastore = "urn:li:container:d91b261e5da1bf1434c6318b8c2ac586";
        const string BronzeKambi = "urn:li:container:21058fb6993a790a4a43727021e52956";
        const string QuickstartCatalog = "urn:li:container:730e95cd0271453376b3c1d9623838d6";
        const string QuickstartSchema = "urn:li:container:934b6043df189ef6dc63ac3519be34ac";
        const string Owner = "urn:li:corpuser:account users";
        const string Group = "urn:li:mlModelGroup:(urn:li:dataPlatform:databricks,quickstart_catalog.quickstart_schema.test_model,PROD)";
        const string Model = "urn:li:mlModel:(urn:li:dataPlatform:databricks,quickstart_catalog.quickstart_schema.test_model_1,PROD)";
        const string DeltaExternal = "urn:li:dataset:(urn:li:dataPlatform:delta-lake,external_metastore/,PROD)";
        const string DeltaQuickstart = "urn:li:dataset:(urn:li:dataPlatform:delta-lake,db-02eec1f70bfe4115445be9fdb1aac6ac-s3-root-bucket/"
            + "metastore/2c983545-d403-4f87-9063-5b7e3b6d3736/tables/cff27aa1-1c6a-4d78-b713-562c660c2896,PROD)";
        var (view, bet) = (Databricks("hive_metastore.bronze_kambi.view1"), Databricks("hive_metastore.bronze_kambi.bet"));
        var external = Databricks("hive_metastore.bronze_kambi.external_metastore");
        var errorTable = Databricks("hive_metastore.bronze_kambi.delta_error_table");
        var (table, tableExternal) = (Databricks("quickstart_catalog.quickstart_schema.quickstart_table"),
            Databricks("quickstart_catalog.quickstart_schema.quickstart_table_external"));
        string[] copied = ["betStatusId", "channelId", "combination"];
        return
        [
            E(BronzeKambi, "IsPartOf", HiveMetastore),
            .. new[] { view, bet, external, errorTable }.Select(d => E(d, "IsPartOf", BronzeKambi)),
            E(QuickstartSchema, "IsPartOf", QuickstartCatalog),
            .. new[] { table, tableExternal, Group, Model }.Select(d => E(d, "IsPartOf", QuickstartSchema)),
            .. new[] { QuickstartCatalog, QuickstartSchema, table, tableExternal }.Select(o => E(o, "OwnedBy", Owner)),
            E(external, "SiblingOf", DeltaExternal), E(DeltaExternal, "SiblingOf", external),
            E(tableExternal, "SiblingOf", DeltaQuickstart), E(DeltaQuickstart, "SiblingOf", tableExternal),
            E(external, "DownstreamOf", DeltaExternal),
            E(tableExternal, "DownstreamOf", DeltaQuickstart),
            E(view, "DownstreamOf", bet),
            .. copied.Select(c => E(view, "DownstreamOf", Column(bet, c))),
            .. copied.Select(c => E(view, "Produces", Column(view, c))),
            .. copied.Select(c => E(Column(view, c), "DownstreamOf", Column(bet, c))),
            E(Model, "MemberOf", Group),
            E(Model, "VersionOf", "urn:li:versionSet:(22f2e7e54c1aed401763c01080a3436c,mlModel)"),
        ];
    }

    private static List<ExpectedEdge> VertexaiEdges()
    {
        const string Project = "urn:li:container:29746a9030349f4340ed74b46913dab6";
        const string Experiment = "urn:li:container:b7661ca4f9851ac953d1a1d35d2e71c9";
        const string Flow = "urn:li:dataFlow:(vertexai,vertexai.test-project-id.pipeline.mock_pipeline_job,PROD)";
        const string Task = $"urn:li:dataJob:({Flow},test-project-id.pipeline_task.reverse)";
        const string AutoMl = "urn:li:dataProcessInstance:test-project-id.job.mock_auto_automl_tabular_job";
        const string Dataset = "urn:li:dataset:(urn:li:dataPlatform:vertexai,test-project-id.dataset.2562882439508656128,PROD)";
        const string Tag = "urn:li:tag:key1_value1";
        const string Owner = "urn:li:corpuser:datahub";
        return
        [
            E("urn:li:mlModelGroup:(urn:li:dataPlatform:vertexai,test-project-id.model_group.mock_prediction_model_1,PROD)", "IsPartOf", Project),
            E("urn:li:mlModelGroup:(urn:li:dataPlatform:vertexai,test-project-id.model_group.mock_prediction_model_2,PROD)", "IsPartOf", Project),
            E("urn:li:dataProcessInstance:test-project-id.job.mock_training_job", "IsPartOf", Project),
            E(AutoMl, "IsPartOf", Project),
            E(AutoMl, "DataProcessInstanceConsumes", Dataset),
            E(Dataset, "IsPartOf", Project),
            E(Experiment, "IsPartOf", Project),
            E("urn:li:dataProcessInstance:test-project-id.experiment_run.mock_experiment_1-mock_experiment_run", "IsPartOf", Experiment),
            E(Flow, "IsPartOf", Project),
            E(Flow, "OwnedBy", Owner),
            E(Flow, "TaggedWith", Tag),
            E(Task, "IsPartOf", Project),
            E(Task, "DownstreamOf", $"urn:li:dataJob:({Flow},test-project-id.pipeline_task.concat)"),
            E(Task, "OwnedBy", Owner),
            E(Task, "TaggedWith", Tag),
        ];
    }

    private static List<ExpectedEdge> SagemakerEdges()
    {
        const string Outputs = "urn:li:dataset:(urn:li:dataPlatform:s3,datahub-sagemaker-outputs,PROD)";
        const string Glue = "urn:li:dataset:(urn:li:dataPlatform:glue,sagemaker_featurestore.test-2-123412341234,PROD)";
        const string Group = "urn:li:mlModelGroup:(urn:li:dataPlatform:sagemaker,a-model-package-group,PROD)";
        static string S3(string path) => $"urn:li:dataset:(urn:li:dataPlatform:s3,{path},PROD)";
        static string Job(string kind, string name, string arnKind) =>
            $"urn:li:dataJob:(urn:li:dataFlow:(sagemaker,{kind}:{name},PROD),arn:aws:sagemaker:us-west-2:123412341234:{arnKind}/{name})";
        static string Table(string group) => $"urn:li:mlFeatureTable:(urn:li:dataPlatform:sagemaker,{group})";
        static string Feature(string group, string name) => $"urn:li:mlFeature:({group},{name})";
        static string Key(string group, string name) => $"urn:li:mlPrimaryKey:({group},{name})";
        static string Model(string name) => $"urn:li:mlModel:(urn:li:dataPlatform:sagemaker,{name},PROD)";
        static string Endpoint(string name) =>
            $"urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,arn:aws:sagemaker:us-west-2:123412341234:endpoint/{name},PROD)";
        var autoMl = Job("auto_ml", "an-auto-ml-job", "auto-ml-job");
        var compilation = Job("compilation", "a-compilation-job", "compilation-job");
        var edge = Job("edge_packaging", "an-edge-packaging-job", "edge-packaging-job");
        var labeling = Job("labeling", "a-labeling-job", "labeling-job");
        var processing = Job("processing", "a-processing-job", "processing-job");
        var training = Job("training", "a-training-job", "training-job");
        var transform = Job("transform", "a-transform-job", "transform-job");
        return
        [
            E(Feature("test-2", "some-feature-1"), "DerivedFrom", Outputs), E(Feature("test-2", "some-feature-1"), "DerivedFrom", Glue),
            E(Key("test-2", "some-feature-2"), "DerivedFrom", Outputs), E(Key("test-2", "some-feature-2"), "DerivedFrom", Glue),
            E(Feature("test-2", "some-feature-3"), "DerivedFrom", Outputs), E(Feature("test-2", "some-feature-3"), "DerivedFrom", Glue),
            E(Table("test-2"), "Contains", Feature("test-2", "some-feature-1")), E(Table("test-2"), "Contains", Feature("test-2", "some-feature-3")),
            E(Table("test-2"), "KeyedBy", Key("test-2", "some-feature-2")),
            E(Table("test-1"), "Contains", Feature("test-1", "name")), E(Table("test-1"), "Contains", Feature("test-1", "height")),
            E(Table("test-1"), "Contains", Feature("test-1", "time")), E(Table("test-1"), "KeyedBy", Key("test-1", "id")),
            E(Table("test"), "Contains", Feature("test", "feature_2")), E(Table("test"), "Contains", Feature("test", "feature_3")),
            E(Table("test"), "KeyedBy", Key("test", "feature_1")),
            E(autoMl, "Consumes", S3("auto-ml-job-input-bucket/file_txt")), E(autoMl, "Produces", S3("auto-ml-job-output-bucket/file_txt")),
            E(compilation, "Consumes", S3("compilation-job-bucket/input-config.tar_gz")),
            E(compilation, "Produces", S3("compilation-job-bucket/output-config.tar_gz")),
            E(compilation, "DownstreamOf", compilation),
            E(edge, "Produces", S3("edge-packaging-bucket/model-artifact.tar_gz")), E(edge, "Produces", S3("edge-packaging-bucket/output-config.tar_gz")),
            E(labeling, "Consumes", S3("labeling-job/category-config.tar_gz")), E(labeling, "Consumes", S3("labeling-job/data-source.tar_gz")),
            E(labeling, "Produces", S3("labeling-job/output-config.tar_gz")), E(labeling, "Produces", S3("labeling-job/output-dataset.tar_gz")),
            E(processing, "Consumes", S3("processing-job/input-data.tar_gz")),
            E(processing, "DownstreamOf", autoMl), E(processing, "DownstreamOf", training),
            E(training, "Consumes", S3("training-job/input-dataset.tar_gz")),
            .. new[] { "checkpoint-config", "debug-hook-config", "debug-rule-config", "output-data", "profiler-config", "profiler-rule-config",
                "tensorboard-output-config" }.Select(p => E(training, "Produces", S3($"training-job/{p}.tar_gz"))),
            E(transform, "Consumes", S3("transform-job/input-data-source.tar_gz")), E(transform, "Produces", S3("transform-job/output.tar_gz")),
            E(transform, "DownstreamOf", autoMl), E(transform, "DownstreamOf", labeling),
            E(Group, "OwnedBy", "urn:li:corpuser:some-user"),
            E(Model("the-first-model"), "DeployedTo", Endpoint("the-first-endpoint")),
            E(Model("the-first-model"), "TrainedBy", training),
            E(Model("the-first-model"), "MemberOf", Group),
            E(Model("the-second-model"), "DeployedTo", Endpoint("the-second-endpoint")),
            E(Model("the-second-model"), "TrainedBy", training),
            E(Model("the-second-model"), "UsedBy", edge),
            E(Model("the-second-model"), "UsedBy", transform),
            E(Model("the-second-model"), "MemberOf", Group),
        ];
    }
}
