namespace Lineage.Api.Tests.Connectors;

/// <summary>An edge DataHub derives from an aspect field's <c>@Relationship</c>: source —relationship→ target.</summary>
public sealed record ExpectedEdge(string Source, string Relationship, string Target)
{
    public override string ToString() => $"{Source} -{Relationship}-> {Target}";
}
