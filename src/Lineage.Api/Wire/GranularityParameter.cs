using FluentValidation;
using Lineage.Graph.Traversal;

namespace Lineage.Api.Wire;

/// <summary>
/// The <c>granularity</c> query parameter of lineage, impact and path: <c>entity</c> or <c>column</c>. Absent, the
/// root decides: a column walks by column, anything else by entity.
/// </summary>
internal static class GranularityParameter
{
    public static LineageGranularity? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" => null,
        "entity" => LineageGranularity.Entity,
        "column" => LineageGranularity.Column,
        _ => throw new InvalidOperationException("the validator lets only known granularities through"),
    };

    /// <summary>The validator rule every request with a granularity shares.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeGranularity<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v?.ToLowerInvariant() is null or "" or "entity" or "column")
            .WithMessage((_, v) => $"'{v}' is not entity or column");
}
