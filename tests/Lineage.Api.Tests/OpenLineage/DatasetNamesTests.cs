using Lineage.Api.OpenLineage.Mapping;

namespace Lineage.Api.Tests.OpenLineage;

/// <summary>
/// Dataset urns from OpenLineage names, as DataHub's OpenLineageToDataHub builds them (docs/openlineage-mapping.md §3.4,
/// the examples from DataHub's goldens and OpenLineage's naming spec).
/// </summary>
public sealed class DatasetNamesTests
{
    [Theory]
    [InlineData("postgres://postgres:5432", "postgres.public.orders", "urn:li:dataset:(urn:li:dataPlatform:postgres,postgres.public.orders,PROD)")]
    [InlineData("kafka://kafka-cluster-prod:9092", "io.openlineage.flink.kafka.output", "urn:li:dataset:(urn:li:dataPlatform:kafka,io.openlineage.flink.kafka.output,PROD)")]
    [InlineData("bigquery", "project.dataset.table", "urn:li:dataset:(urn:li:dataPlatform:bigquery,project.dataset.table,PROD)")]
    [InlineData("s3://blob-source", "instance.schema.table", "urn:li:dataset:(urn:li:dataPlatform:s3,blob-source/instance.schema.table,PROD)")]
    [InlineData("gs://mock-bucket", "result.csv", "urn:li:dataset:(urn:li:dataPlatform:gcs,mock-bucket/result.csv,PROD)")]
    [InlineData("hdfs://dataproc-producer-test-m", "/user/hive/warehouse/t1", "urn:li:dataset:(urn:li:dataPlatform:hdfs,/user/hive/warehouse/t1,PROD)")]
    [InlineData("sqlserver://host:1433", "db.dbo.t", "urn:li:dataset:(urn:li:dataPlatform:mssql,db.dbo.t,PROD)")]
    [InlineData("awsathena://athena.eu-west-1.amazonaws.com", "c.d.t", "urn:li:dataset:(urn:li:dataPlatform:athena,c.d.t,PROD)")]
    [InlineData("file", "/tmp/outputs/1729097570970", "urn:li:dataset:(urn:li:dataPlatform:file,/tmp/outputs/1729097570970,PROD)")]
    [InlineData("file.localhost", "file://localhost/out_file1.txt", "urn:li:dataset:(urn:li:dataPlatform:file,localhost/out_file1.txt,PROD)")]
    [InlineData("my-datasource-namespace", "instance.schema.table", "urn:li:dataset:(urn:li:dataPlatform:my-datasource-namespace,instance.schema.table,PROD)")]
    public void a_namespace_and_name_give_datahubs_dataset_urn(string ns, string name, string urn) =>
        DatasetNames.UrnOf(ns, name).ToString().ShouldBe(urn);

    [Theory]
    [InlineData("run_id", "default", "job", "run_id")]
    [InlineData("019a977e-cd5e-71fb-a6a6-07e6c4b7b1c8", "n", "j", "019a977e-cd5e-71fb-a6a6-07e6c4b7b1c8")]
    public void a_uuid_run_id_stays_and_another_becomes_a_name_based_uuid(string runId, string ns, string job, string kept)
    {
        var normalised = RunIds.Normalise(runId, ns, job);

        Guid.TryParse(normalised, out _).ShouldBeTrue();
        (normalised == kept).ShouldBe(Guid.TryParse(runId, out _));
        normalised[14].ShouldBe(Guid.TryParse(runId, out _) ? normalised[14] : '3');
        RunIds.Normalise(runId, ns, job + "2").Equals(normalised).ShouldBe(Guid.TryParse(runId, out _));
    }
}
