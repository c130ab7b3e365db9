using System.Collections.Frozen;

namespace Lineage.Graph.Urns;

/// <summary>The origin (environment) values DataHub's <c>com.linkedin.common.FabricType</c> enum allows.</summary>
public static class FabricType
{
    /// <summary>Every value, in the order of DataHub's enum.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["DEV", "TEST", "QA", "UAT", "EI", "PRE", "STG", "NON_PROD", "PROD", "CORP", "RVW", "PRD", "TST", "SIT", "SBX", "SANDBOX"];

    private static readonly FrozenSet<string> Values = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the text is a FabricType; case-sensitive, as DataHub's enum coercion is.</summary>
    public static bool IsValid(string? value) => value is not null && Values.Contains(value);
}
