// TEMPORARY stub until the Urns branch merges; replaced wholesale.
using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
namespace Lineage.Graph.Urns;
public enum KeyPartKind { Text, Urn, Fabric }
public sealed record KeyPart(string Name, KeyPartKind Kind, string? UrnEntityType = null);
public sealed record EntityKeySpec(string EntityType, string KeyAspectName, string KeyAspectClass, IReadOnlyList<KeyPart> Parts);
public static class FabricType { public static readonly IReadOnlyList<string> All = ["DEV","TEST","QA","UAT","EI","PRE","STG","NON_PROD","PROD","CORP","RVW","PRD","TST","SIT","SBX","SANDBOX"]; public static bool IsValid(string s) => All.Contains(s); }
public static class EntityKeys
{
    public static IReadOnlyList<EntityKeySpec> All { get; } =
    [
        new("mlFeature", "mlFeatureKey", "com.linkedin.metadata.key.MLFeatureKey", [new("featureNamespace", KeyPartKind.Text), new("name", KeyPartKind.Text)]),
        new("mlFeatureTable", "mlFeatureTableKey", "com.linkedin.metadata.key.MLFeatureTableKey", [new("platform", KeyPartKind.Urn, "dataPlatform"), new("name", KeyPartKind.Text)]),
        new("mlModel", "mlModelKey", "com.linkedin.metadata.key.MLModelKey", [new("platform", KeyPartKind.Urn, "dataPlatform"), new("name", KeyPartKind.Text), new("origin", KeyPartKind.Fabric)]),
        new("mlModelGroup", "mlModelGroupKey", "com.linkedin.metadata.key.MLModelGroupKey", [new("platform", KeyPartKind.Urn, "dataPlatform"), new("name", KeyPartKind.Text), new("origin", KeyPartKind.Fabric)]),
        new("dataset", "datasetKey", "com.linkedin.metadata.key.DatasetKey", [new("platform", KeyPartKind.Urn, "dataPlatform"), new("name", KeyPartKind.Text), new("origin", KeyPartKind.Fabric)]),
        new("corpuser", "corpUserKey", "com.linkedin.metadata.key.CorpUserKey", [new("username", KeyPartKind.Text)]),
        new("dataPlatform", "dataPlatformKey", "com.linkedin.metadata.key.DataPlatformKey", [new("platformName", KeyPartKind.Text)]),
        new("mlPrimaryKey", "mlPrimaryKeyKey", "com.linkedin.metadata.key.MLPrimaryKeyKey", [new("featureNamespace", KeyPartKind.Text), new("name", KeyPartKind.Text)]),
        new("mlModelDeployment", "mlModelDeploymentKey", "com.linkedin.metadata.key.MLModelDeploymentKey", [new("platform", KeyPartKind.Urn, "dataPlatform"), new("name", KeyPartKind.Text), new("origin", KeyPartKind.Fabric)]),
        new("dataFlow", "dataFlowKey", "com.linkedin.metadata.key.DataFlowKey", [new("orchestrator", KeyPartKind.Text), new("flowId", KeyPartKind.Text), new("cluster", KeyPartKind.Text)]),
        new("dataJob", "dataJobKey", "com.linkedin.metadata.key.DataJobKey", [new("flow", KeyPartKind.Urn, "dataFlow"), new("jobId", KeyPartKind.Text)]),
        new("dataProcessInstance", "dataProcessInstanceKey", "com.linkedin.metadata.key.DataProcessInstanceKey", [new("id", KeyPartKind.Text)]),
        new("dataPlatformInstance", "dataPlatformInstanceKey", "com.linkedin.metadata.key.DataPlatformInstanceKey", [new("platform", KeyPartKind.Urn, "dataPlatform"), new("instance", KeyPartKind.Text)]),
        new("corpGroup", "corpGroupKey", "com.linkedin.metadata.key.CorpGroupKey", [new("name", KeyPartKind.Text)]),
        new("tag", "tagKey", "com.linkedin.metadata.key.TagKey", [new("name", KeyPartKind.Text)]),
        new("glossaryTerm", "glossaryTermKey", "com.linkedin.metadata.key.GlossaryTermKey", [new("name", KeyPartKind.Text)]),
        new("glossaryNode", "glossaryNodeKey", "com.linkedin.metadata.key.GlossaryNodeKey", [new("name", KeyPartKind.Text)]),
        new("domain", "domainKey", "com.linkedin.metadata.key.DomainKey", [new("id", KeyPartKind.Text)]),
        new("container", "containerKey", "com.linkedin.metadata.key.ContainerKey", [new("guid", KeyPartKind.Text)]),
        new("ownershipType", "ownershipTypeKey", "com.linkedin.metadata.key.OwnershipTypeKey", [new("id", KeyPartKind.Text)]),
        new("versionSet", "versionSetKey", "com.linkedin.metadata.key.VersionSetKey", [new("id", KeyPartKind.Text), new("entityType", KeyPartKind.Text)]),
        new("application", "applicationKey", "com.linkedin.application.ApplicationKey", [new("id", KeyPartKind.Text)]),
        new("test", "testKey", "com.linkedin.metadata.key.TestKey", [new("id", KeyPartKind.Text)]),
    ];
    public static EntityKeySpec? Find(string t) => All.FirstOrDefault(s => s.EntityType == t);
}
public sealed class Urn : IEquatable<Urn>
{
    private Urn(string v, string t, IReadOnlyList<string> p) { Value = v; EntityType = t; Parts = p; }
    public string Value { get; }
    public string EntityType { get; }
    public IReadOnlyList<string> Parts { get; }
    public EntityKeySpec Spec => EntityKeys.Find(EntityType)!;
    public static Urn Parse(string text, string path = "urn")
    {
        if (!text.StartsWith("urn:li:")) throw new ValidationException(path, $"'{text}' does not start with 'urn:li:'");
        var rest = text[7..]; var i = rest.IndexOf(':'); if (i <= 0) throw new ValidationException(path, "no entity type");
        var type = rest[..i]; var key = rest[(i + 1)..];
        if (EntityKeys.Find(type) is null) throw new ValidationException(path, $"unknown entity type '{type}'");
        var parts = new List<string>();
        if (key.StartsWith('(')) { int d = 0, s = 1; for (int j = 0; j < key.Length; j++) { var c = key[j]; if (c == '(') d++; else if (c == ')') { d--; if (d == 0) parts.Add(key[s..j]); } else if (c == ',' && d == 1) { parts.Add(key[s..j]); s = j + 1; } } }
        else parts.Add(key);
        return new Urn(text, type, parts);
    }
    public static bool TryParse(string text, out Urn? urn, out string? error) { try { urn = Parse(text); error = null; return true; } catch (ValidationException e) { urn = null; error = e.Reason; return false; } }
    public JsonObject KeyAspect() { var o = new JsonObject(); for (int i = 0; i < Spec.Parts.Count; i++) o[Spec.Parts[i].Name] = Parts[i]; return o; }
    public static Urn FromKeyAspect(string entityType, JsonObject key) { var s = EntityKeys.Find(entityType)!; var ps = s.Parts.Select(p => (string?)key[p.Name] ?? "").ToList(); return Parse(ps.Count == 1 ? $"urn:li:{entityType}:{ps[0]}" : $"urn:li:{entityType}:({string.Join(',', ps)})"); }
    public string? Platform => null;
    public bool Equals(Urn? o) => o is not null && o.Value == Value;
    public override bool Equals(object? o) => Equals(o as Urn);
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Value;
}
