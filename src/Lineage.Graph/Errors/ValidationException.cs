namespace Lineage.Graph.Errors;

/// <summary>Input that breaks the model: names the path of the offending value and the reason.</summary>
public sealed class ValidationException(string path, string reason)
    : LineageException(string.IsNullOrEmpty(path) ? reason : $"{path}: {reason}")
{
    /// <summary>Where the bad value is, e.g. <c>mlModelProperties.groups[1]</c> or <c>proposals[3].entityUrn</c>.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong with it, without the path.</summary>
    public string Reason { get; } = reason;

    /// <summary>
    /// The same failure seen from an enclosing value: <c>proposals[2]</c> + <c>aspect.value</c>, or
    /// <c>aspect.value</c> + <c>[1].path</c> (an index joins without a dot).
    /// </summary>
    public ValidationException Under(string prefix) =>
        new(string.IsNullOrEmpty(Path) ? prefix : Path[0] == '[' ? $"{prefix}{Path}" : $"{prefix}.{Path}", Reason);
}
