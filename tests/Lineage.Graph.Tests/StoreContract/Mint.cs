namespace Lineage.Graph.Tests.StoreContract;

/// <summary>Fresh URNs for one test, so that no test sees another's data.</summary>
internal static class Mint
{
    public static string Model() => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,model-{Id()},PROD)";

    public static string Group() => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,group-{Id()},PROD)";

    public static string Feature() => $"urn:li:mlFeature:(table-{Id()},feature)";

    public static string Dataset() => $"urn:li:dataset:(urn:li:dataPlatform:hive,table-{Id()},PROD)";

    public static string FeatureTable() => $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,table-{Id()})";

    public static string Job() => $"urn:li:dataJob:(urn:li:dataFlow:(airflow,flow-{Id()},PROD),task)";

    public static string User() => $"urn:li:corpuser:user-{Id()}";

    private static string Id() => Guid.NewGuid().ToString("N");
}
