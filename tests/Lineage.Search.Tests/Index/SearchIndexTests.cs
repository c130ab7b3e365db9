using Lineage.Search.Index;
using Lineage.Search.Querying;
using Lineage.Search.Tests.Support;

namespace Lineage.Search.Tests.Index;

/// <summary>The index commits the change-feed sequence it applied with its documents, and keeps both across a reopen.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "lineage-search-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => IndexFolder.Delete(_path);

    [Fact]
    public void a_new_index_is_empty_at_sequence_zero_under_the_data_directory()
    {
        using var index = new SearchIndex(SearchIndex.PathIn(_path));

        index.AppliedSequence.ShouldBe(0);
        index.Count.ShouldBe(0);
        Directory.Exists(Path.Combine(_path, "search")).ShouldBeTrue();
    }

    [Fact]
    public void the_applied_sequence_and_documents_survive_a_reopen()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_model");
        using (var index = new SearchIndex(_path))
        {
            index.Apply([doc], [], 42);
            index.AppliedSequence.ShouldBe(42);
        }

        using var reopened = new SearchIndex(_path);

        reopened.AppliedSequence.ShouldBe(42);
        reopened.Count.ShouldBe(1);
        new SearchService(reopened).Search(Docs.Query(word)).Urns().ShouldBe([doc.Urn]);
    }

    [Fact]
    public void an_index_written_with_other_fields_is_emptied_on_open_for_the_feeder_to_build_again()
    {
        // As an earlier version committed it: a document, its sequence, and no format.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(_path))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory,
                   new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.AddDocument([new Lucene.Net.Documents.StringField("urn", "urn:li:corpuser:old", Lucene.Net.Documents.Field.Store.YES)]);
            writer.SetCommitData(new Dictionary<string, string> { ["lineage.sequence"] = "42" });
            writer.Commit();
        }

        using (var index = new SearchIndex(_path))
        {
            index.Count.ShouldBe(0);
            index.AppliedSequence.ShouldBe(0);
            index.Apply([Docs.Model("kept")], [], 7);
        }

        // Once written in the current format, it is kept.
        using var reopened = new SearchIndex(_path);
        reopened.Count.ShouldBe(1);
        reopened.AppliedSequence.ShouldBe(7);
    }

    [Fact]
    public void each_apply_moves_the_sequence_and_replaces_documents_by_urn()
    {
        using var index = new SearchIndex(_path);
        var doc = Docs.Model("first");

        index.Apply([doc], [], 5);
        index.Apply([doc with { Name = "second" }], [], 9);

        index.AppliedSequence.ShouldBe(9);
        index.Count.ShouldBe(1);
        new AutocompleteService(index).Suggest("second", [], 10).ShouldHaveSingleItem().Urn.ShouldBe(doc.Urn);
        new AutocompleteService(index).Suggest("first", [], 10).ShouldBeEmpty();
    }

    [Fact]
    public void deletes_remove_documents_and_unknown_urns_are_ignored()
    {
        using var index = new SearchIndex(_path);
        var keep = Docs.Model("keep");
        var drop = Docs.Model("drop");
        index.Apply([keep, drop], [], 1);

        index.Apply([], [drop.Urn, "urn:li:corpuser:never"], 2);

        index.Count.ShouldBe(1);
        index.AppliedSequence.ShouldBe(2);
    }

    [Fact]
    public void urns_differing_only_in_case_are_different_documents()
    {
        using var index = new SearchIndex(_path);
        var lower = Docs.Model("same") with { Urn = "urn:li:corpuser:jdoe" };
        var upper = Docs.Model("same") with { Urn = "urn:li:corpuser:JDoe" };

        index.Apply([lower, upper], [], 1);
        index.Apply([], [upper.Urn], 2);

        new SearchService(index).Search(Docs.Query("same")).Urns().ShouldBe([lower.Urn]);
    }

    [Fact]
    public void clear_empties_the_index_and_resets_the_sequence_also_after_a_reopen()
    {
        using (var index = new SearchIndex(_path))
        {
            index.Apply([Docs.Model("a"), Docs.Model("b")], [], 17);
            index.Clear();
            index.AppliedSequence.ShouldBe(0);
            index.Count.ShouldBe(0);
        }

        using var reopened = new SearchIndex(_path);
        reopened.AppliedSequence.ShouldBe(0);
        reopened.Count.ShouldBe(0);
    }

    [Fact]
    public void the_index_remembers_where_a_documents_edges_go()
    {
        using var index = new SearchIndex(_path);
        var doc = Docs.Model("pointing") with { Targets = ["urn:li:tag:pii", "urn:li:corpuser:jdoe"] };
        index.Apply([doc], [], 1);

        index.TargetsOf(doc.Urn).ShouldBe(["urn:li:tag:pii", "urn:li:corpuser:jdoe"]);
        index.TargetsOf("urn:li:corpuser:never").ShouldBeEmpty();
    }

    [Fact]
    public void the_index_reports_its_size_on_disk()
    {
        using var index = new SearchIndex(_path);
        index.Apply([Docs.Model("sized")], [], 1);

        index.SizeOnDisk.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void when_writes_pause_the_smallest_segments_are_merged_until_few_are_left()
    {
        // Each write made searchable at once is a segment of its own. Lucene's policy merges an index this small into one
        // segment; this one lets fifty of a size be, as the service's lets the small ones of a large index be.
        using var index = new SearchIndex(_path, new Lucene.Net.Index.LogDocMergePolicy { NoCFSRatio = 0, MergeFactor = 50 });
        var word = Words.New();
        var docs = Enumerable.Range(0, SearchIndex.QuietSegments + 2).Select(i => Docs.Model($"{word}_{i}")).ToList();
        for (var i = 0; i < docs.Count; i++) index.Apply([docs[i]], [], i + 1);
        index.SegmentCount.ShouldBeGreaterThan(SearchIndex.QuietSegments);

        // As the feeder does at every poll while no write comes.
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); index.SegmentCount > SearchIndex.QuietSegments && clock.Elapsed < TimeSpan.FromSeconds(20);)
        {
            index.MergeWhenQuiet();
            Thread.Sleep(50);
        }

        index.SegmentCount.ShouldBeLessThanOrEqualTo(SearchIndex.QuietSegments);
        index.Count.ShouldBe(docs.Count);
        new SearchService(index).Search(Docs.Query(word, count: 50)).Urns().Order().ShouldBe(docs.Select(d => d.Urn).Order());
    }
}
