using Lineage.Search.Analysis;
using Lineage.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Lineage.Bench;

/// <summary>The autocomplete baseline: the same three term lookups, straight on the service's index files, no HTTP.</summary>
internal static class RawLucene
{
    public static Latency Autocomplete(string indexPath, IReadOnlyList<string> queries, int rounds)
    {
        using var directory = FSDirectory.Open(indexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var sort = new Sort(new SortField(IndexFields.Connectivity, SortFieldType.INT64, true), new SortField(IndexFields.SortName, SortFieldType.STRING));
        var calls = queries.Select(q => (Func<Task>)(() =>
        {
            var text = q.ToLowerInvariant();
            var prefix = text.Length > SearchAnalyzers.MaxPrefix ? text[..SearchAnalyzers.MaxPrefix] : text;
            foreach (var query in new Query[]
                     {
                         new TermQuery(new Term(IndexFields.NameExact, text)),
                         new TermQuery(new Term(IndexFields.NamePrefix, prefix)),
                         new TermQuery(new Term(IndexFields.WordPrefix, prefix)),
                     })
            {
                var top = searcher.Search(query, null, 10, sort);
                foreach (var hit in top.ScoreDocs) searcher.Doc(hit.Doc);
            }
            return Task.CompletedTask;
        })).ToList();
        return Latency.MeasureAsync(calls, rounds).GetAwaiter().GetResult();
    }
}
