using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>The model-card aspects of mlModel (com.linkedin.ml.metadata.*) and its cost (com.linkedin.common.Cost).</summary>
internal static class MlModelCardAspects
{
    private const string Ns = "com.linkedin.ml.metadata.";

    /// <summary>
    /// PDL's BaseData. DataHub does not annotate its dataset; Lineage makes it a lineage edge (TrainedOn, EvaluatedOn:
    /// the dataset is upstream of the model), which users ask DataHub for (datahub#18620, #18583).
    /// </summary>
    private static RecordType BaseData(string relationship) => Record("BaseData",
        Required("dataset", EdgeTo(relationship, LineageRole.TargetIsUpstream, "dataset")),
        Optional("motivation", Text),
        Optional("preProcessing", ListOf(Text)));

    private static readonly RecordType MlModelFactors = Record("MLModelFactors",
        Optional("groups", ListOf(Text)),
        Optional("instrumentation", ListOf(Text)),
        Optional("environment", ListOf(Text)));

    /// <summary>PDL's ResultsType = union[string]: a one-member union, sent wrapped or bare.</summary>
    private static readonly UnionType ResultsType = Union(Member("string", Text));

    public static readonly AspectSpec IntendedUse = Aspect("intendedUse",
        Ns + "IntendedUse",
        Record("IntendedUse",
            Optional("primaryUses", ListOf(Text)),
            Optional("primaryUsers", ListOf(Enum("IntendedUserType", "ENTERPRISE", "HOBBY", "ENTERTAINMENT"))),
            Optional("outOfScopeUses", ListOf(Text))));

    public static readonly AspectSpec MlModelFactorPrompts = Aspect("mlModelFactorPrompts",
        Ns + "MLModelFactorPrompts",
        Record("MLModelFactorPrompts",
            Optional("relevantFactors", ListOf(MlModelFactors)),
            Optional("evaluationFactors", ListOf(MlModelFactors))));

    public static readonly AspectSpec MlModelMetrics = Aspect("mlModelMetrics",
        Ns + "Metrics",
        Record("Metrics",
            Optional("performanceMeasures", ListOf(Text)),
            Optional("decisionThreshold", ListOf(Text))));

    public static readonly AspectSpec MlModelEvaluationData = Aspect("mlModelEvaluationData",
        Ns + "EvaluationData",
        Record("EvaluationData",
            Required("evaluationData", ListOf(BaseData("EvaluatedOn")))));

    public static readonly AspectSpec MlModelTrainingData = Aspect("mlModelTrainingData",
        Ns + "TrainingData",
        Record("TrainingData",
            Required("trainingData", ListOf(BaseData("TrainedOn")))));

    public static readonly AspectSpec MlModelQuantitativeAnalyses = Aspect("mlModelQuantitativeAnalyses",
        Ns + "QuantitativeAnalyses",
        Record("QuantitativeAnalyses",
            Optional("unitaryResults", ResultsType),
            Optional("intersectionalResults", ResultsType)));

    public static readonly AspectSpec MlModelEthicalConsiderations = Aspect("mlModelEthicalConsiderations",
        Ns + "EthicalConsiderations",
        Record("EthicalConsiderations",
            Optional("data", ListOf(Text)),
            Optional("humanLife", ListOf(Text)),
            Optional("mitigations", ListOf(Text)),
            Optional("risksAndHarms", ListOf(Text)),
            Optional("useCases", ListOf(Text))));

    public static readonly AspectSpec MlModelCaveatsAndRecommendations = Aspect("mlModelCaveatsAndRecommendations",
        Ns + "CaveatsAndRecommendations",
        Record("CaveatsAndRecommendations",
            Optional("caveats", Record("CaveatDetails",
                Optional("needsFurtherTesting", Bool),
                Optional("caveatDescription", Text),
                Optional("groupsNotRepresented", ListOf(Text)))),
            Optional("recommendations", Text),
            Optional("idealDatasetCharacteristics", ListOf(Text))));

    public static readonly AspectSpec SourceCode = Aspect("sourceCode",
        Ns + "SourceCode",
        Record("SourceCode",
            Required("sourceCode", ListOf(Record("SourceCodeUrl",
                Required("type", Enum("SourceCodeUrlType",
                    "ML_MODEL_SOURCE_CODE", "TRAINING_PIPELINE_SOURCE_CODE", "EVALUATION_PIPELINE_SOURCE_CODE")),
                Required("sourceCodeUrl", Text))))));

    /// <summary>PDL's CostValue is an aliased union: members are keyed <c>costId</c> and <c>costCode</c>.</summary>
    public static readonly AspectSpec Cost = Aspect("cost",
        "com.linkedin.common.Cost",
        Record("Cost",
            Required("costType", Enum("CostType", "ORG_COST_TYPE")),
            Required("cost", Union(Member("costId", Schema.Double), Member("costCode", Text)))));

    public static IEnumerable<AspectSpec> All =>
    [
        IntendedUse, MlModelFactorPrompts, MlModelMetrics, MlModelEvaluationData, MlModelTrainingData,
        MlModelQuantitativeAnalyses, MlModelEthicalConsiderations, MlModelCaveatsAndRecommendations, SourceCode, Cost,
    ];
}
