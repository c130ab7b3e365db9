using NJsonSchema.Generation;

namespace Lineage.Api.ApiDocs;

/// <summary>
/// Names a schema by its type's short name, with the folder's name before the names every endpoint folder has
/// (<c>Traversal.Lineage.Request</c> is <c>LineageRequest</c>) and the outer type's before a nested one's.
/// </summary>
/// <remarks>
/// FastEndpoints' short names would call every folder's <c>Request</c> "Request", which the generator then numbers
/// (<c>Request2</c>), and write a nested type as <c>Response+Node</c>, which is not a valid component name.
/// </remarks>
internal sealed class SchemaNames : ISchemaNameGenerator
{
    /// <summary>The names an endpoint folder gives its types, which say nothing without the folder's.</summary>
    private static readonly HashSet<string> FolderNames = ["Endpoint", "Request", "Response", "Validator", "Mapper"];

    public string Generate(Type type) => Of(type);

    public static string Of(Type type)
    {
        var name = type.Name.Split('`')[0];
        if (type.IsGenericType) name += "Of" + string.Join("And", type.GetGenericArguments().Select(Of));
        if (type.DeclaringType is { } outer) return Of(outer) + name;
        return FolderNames.Contains(type.Name) && type.Namespace?.Split('.')[^1] is { } folder ? folder + name : name;
    }
}
