using System.Text.Json.Nodes;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.Writing;

/// <summary>The hash that decides whether a rewrite changed an aspect.</summary>
public sealed class CanonicalJsonTests
{
    private static string Hash(string json) => CanonicalJson.Hash(JsonNode.Parse(json));

    [Theory]
    [InlineData("""{"a": 1, "b": 2}""", """{"b": 2, "a": 1}""")]
    [InlineData("""{"o": {"x": 1, "y": [{"p": 1, "q": 2}]}}""", """{"o": {"y": [{"q": 2, "p": 1}], "x": 1}}""")]
    [InlineData("""{"n": 1}""", """{"n": 1.0}""")]
    [InlineData("""{"n": 1.5}""", """{"n": 1.50}""")]
    [InlineData("""{"n": 100}""", """{"n": 1e2}""")]
    [InlineData("""{"n": 0.001}""", """{"n": 1E-3}""")]
    [InlineData("""{"n": 1e300}""", """{"n": 1.0e300}""")]
    [InlineData("""{"s": "é/A"}""", """{"s": "\u00e9\/\u0041"}""")]
    [InlineData("""{ "a" : [ 1 , 2 ] }""", """{"a":[1,2]}""")]
    public void equal_values_written_differently_have_the_same_hash(string left, string right) =>
        Hash(left).ShouldBe(Hash(right));

    [Theory]
    [InlineData("""{"n": 1}""", """{"n": 2}""")]
    [InlineData("""{"n": 1}""", """{"n": "1"}""")]
    [InlineData("""{"n": 1}""", """{"n": 1.000001}""")]
    [InlineData("""{"b": true}""", """{"b": "true"}""")]
    [InlineData("""{"l": [1, 2]}""", """{"l": [2, 1]}""")]
    [InlineData("""{"a": 1}""", """{"A": 1}""")]
    [InlineData("""{"a": null}""", """{"a": 0}""")]
    [InlineData("""{"s": "x"}""", """{"s": "X"}""")]
    [InlineData("""{"o": {}}""", """{"o": []}""")]
    public void different_values_have_different_hashes(string left, string right) =>
        Hash(left).ShouldNotBe(Hash(right));

    [Fact]
    public void a_built_value_hashes_like_the_same_value_parsed()
    {
        var built = new JsonObject { ["platform"] = "urn:li:dataPlatform:mlflow", ["n"] = 1, ["d"] = 2.5 };

        CanonicalJson.Hash(built).ShouldBe(Hash("""{"d": 2.5, "n": 1, "platform": "urn:li:dataPlatform:mlflow"}"""));
    }
}
