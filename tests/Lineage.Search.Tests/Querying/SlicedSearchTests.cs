using Lineage.Search.Querying;
using Lineage.Search.Tests.Support;

namespace Lineage.Search.Tests.Querying;

/// <summary>A search run over slices of the segments on several cores answers exactly what one pass over them does.</summary>
public sealed class SlicedSearchTests(IndexFolder folder) : IClassFixture<IndexFolder>
{
    [Fact]
    public void slices_give_the_hits_in_the_same_order_with_the_same_total_and_facets_as_one_pass()
    {
        // Four writes, four segments; many ties of score and connectivity (broken by name, then document order).
        var word = Words.New();
        var tags = new[] { "urn:li:tag:a", "urn:li:tag:b", "urn:li:tag:c" };
        for (var segment = 0; segment < 4; segment++)
        {
            folder.Add([.. Enumerable.Range(0, 30).Select(i => Docs.Model($"{word}_{i % 7}", i % 3 == 0 ? $"about {word}" : null) with
            {
                Connectivity = i % 4,
                Tags = [tags[(i + segment) % 3], .. i % 5 == 0 ? new[] { tags[0] } : []],
                Owners = [$"urn:li:corpuser:u{segment}"],
            })]);
        }
        var query = QueryParsing.Parse(word);

        folder.Index.Read(searcher =>
        {
            (searcher.IndexReader.Leaves.Count >= 2).ShouldBeTrue();
            foreach (var size in new[] { 1, 7, 50, 200 })
            {
                var (onePass, onePassFacets) = SlicedSearch.Search(searcher, query, SearchService.ByRelevance, size, slicedFrom: int.MaxValue);
                var (sliced, slicedFacets) = SlicedSearch.Search(searcher, query, SearchService.ByRelevance, size, slicedFrom: 0);

                sliced.TotalHits.ShouldBe(120);
                onePass.TotalHits.ShouldBe(120);
                sliced.ScoreDocs.Select(d => d.Doc).ShouldBe(onePass.ScoreDocs.Select(d => d.Doc));
                sliced.ScoreDocs.Select(d => d.Score).ShouldBe(onePass.ScoreDocs.Select(d => d.Score));
                slicedFacets.Facets(50).ShouldBeEquivalentTo(onePassFacets.Facets(50));

                // As autocomplete asks: by connectivity and name, no scores, no facets.
                var byRank = new Lucene.Net.Search.Sort(SearchService.ByRelevance.GetSort()[1..]);
                var onePassTop = SlicedSearch.Top(searcher, query, byRank, size, slicedFrom: int.MaxValue);
                var slicedTop = SlicedSearch.Top(searcher, query, byRank, size, slicedFrom: 0);
                slicedTop.TotalHits.ShouldBe(120);
                slicedTop.ScoreDocs.Select(d => d.Doc).ShouldBe(onePassTop.ScoreDocs.Select(d => d.Doc));
            }
            return 0;
        });
    }
}
