using System.Text.RegularExpressions;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Lineage.Api.ApiDocs;

/// <summary>Writes catch-all route parameters (<c>/aspects/{**urn}</c>) as the plain path parameters OpenAPI knows (<c>/aspects/{urn}</c>).</summary>
/// <remarks>NSwag strips the stars from the path but keeps them in the parameter's name, which then matches no path segment.</remarks>
internal sealed partial class CatchAllRoutes : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        foreach (var (path, item) in context.Document.Paths.ToList())
        {
            var plain = CatchAll().Replace(path, "{$1}");
            if (plain != path)
            {
                context.Document.Paths.Remove(path);
                context.Document.Paths[plain] = item;
            }

            foreach (var parameter in item.Values.SelectMany(o => o.Parameters))
            {
                if (parameter.Kind != OpenApiParameterKind.Path || !parameter.Name.StartsWith('*')) continue;
                parameter.Name = parameter.Name.TrimStart('*');
                parameter.Description ??= "Taken from the rest of the path, so it may hold slashes; send it URL-encoded or as it is.";
            }
        }
    }

    [GeneratedRegex(@"\{\*{1,2}([^}]+)\}")]
    private static partial Regex CatchAll();
}
