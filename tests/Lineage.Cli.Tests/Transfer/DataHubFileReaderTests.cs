using System.Text;
using System.Text.Json.Nodes;
using Lineage.Cli.Transfer;

namespace Lineage.Cli.Tests.Transfer;

/// <summary>The file reader streams entries as DataHub's file source reads them, each with its index and first line.</summary>
public sealed class DataHubFileReaderTests
{
    [Fact]
    public async Task a_file_larger_than_the_buffer_reads_entry_by_entry_as_a_whole_parse_does()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Connectors", "Fixtures", "unity", "unity_catalog_ml_model_mces_golden.json");
        new FileInfo(path).Length.ShouldBeGreaterThan(1 << 16);
        var entries = await ReadAllAsync(File.OpenRead(path));
        var whole = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsArray();
        entries.Select(e => e.Value.ToJsonString()).ShouldBe(whole.Select(e => e!.ToJsonString()));
        entries.Select(e => e.Index).ShouldBe(Enumerable.Range(0, whole.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task each_entry_knows_its_first_line_and_a_name_given_twice_keeps_its_last_value()
    {
        var entries = await ReadAllAsync(Stream("[\n{\"a\": 1,\n \"a\": 2},\n\n  {\"b\": null}]"));
        entries.Select(e => e.Line).ShouldBe([2L, 5L]);
        entries[0].Value.ToJsonString().ShouldBe("{\"a\":2}");
        entries[1].Value.ContainsKey("b").ShouldBeTrue();
    }

    [Fact]
    public async Task an_empty_array_has_no_entries()
    {
        (await ReadAllAsync(Stream(" [ ] "))).ShouldBeEmpty();
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<List<FileEntry>> ReadAllAsync(Stream stream)
    {
        await using var reader = new DataHubFileReader("test.json", stream);
        var entries = new List<FileEntry>();
        while (await reader.NextAsync(CancellationToken.None) is { } entry) entries.Add(entry);
        return entries;
    }
}
