using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Connectors;

/// <summary>One request DataHub's REST sink sends, and the aspects it carries.</summary>
public sealed record SinkRequest(string Path, JsonObject Body, IReadOnlyList<WrittenAspect> Aspects);
