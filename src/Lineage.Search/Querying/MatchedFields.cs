using Lineage.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lineage.Search.Querying;

/// <summary>
/// Which searchable fields of a page's hits the query matched: the query's own clauses, grouped by field, are run
/// against those documents only, so the answer covers every indexed text (an ingested description behind an edited
/// one, <c>tag:pii</c>, …) and costs a few skips per field whatever the number of hits.
/// </summary>
internal static class MatchedFields
{
    /// <summary>The fields in the order a hit lists them: what people read first, then the <c>field:value</c> ones.</summary>
    private static readonly string[] Order =
    [
        IndexFields.Name, IndexFields.Description, IndexFields.Urn, IndexFields.Type, IndexFields.Platform, IndexFields.Origin,
        IndexFields.Tag, IndexFields.Term, IndexFields.Domain, IndexFields.Owner, IndexFields.CustomProperty, IndexFields.Deprecated,
    ];

    private static readonly ConstantScoreAutoRewrite SkipToHits = new() { DocCountPercent = 100 };

    /// <summary>For each of <paramref name="docs"/> (index-wide doc ids), the fields <paramref name="query"/> matched in it.</summary>
    public static IReadOnlyList<string>[] Of(IndexSearcher searcher, Query query, IReadOnlyList<int> docs)
    {
        var matched = docs.Select(_ => new List<string>()).ToArray();
        var byField = new Dictionary<string, BooleanQuery>(StringComparer.Ordinal);
        Collect(query, byField);
        if (docs.Count == 0 || byField.Count == 0) return matched;

        var segments = searcher.IndexReader.Leaves;
        // Scorers only move forward: visit the hits in doc-id order, which also groups them by segment.
        var inDocOrder = Enumerable.Range(0, docs.Count).OrderBy(i => docs[i]).ToArray();
        foreach (var field in Order)
        {
            if (!byField.TryGetValue(field, out var clauses)) continue;
            var weight = searcher.CreateNormalizedWeight(clauses);
            AtomicReaderContext? segment = null;
            Scorer? scorer = null;
            foreach (var i in inDocOrder)
            {
                var here = segments[ReaderUtil.SubIndex(docs[i], segments)];
                if (here != segment)
                {
                    segment = here;
                    scorer = weight.GetScorer(here, here.AtomicReader.LiveDocs);
                }
                if (scorer is null) continue;
                var target = docs[i] - here.DocBase;
                var at = scorer.DocID >= target ? scorer.DocID : scorer.Advance(target);
                if (at == target) matched[i].Add(field);
            }
        }
        return matched;
    }

    /// <summary>
    /// The clauses a document can match by, each under its field, as one "any of" query per field. Negated clauses
    /// say what a hit does not have, so they match nothing of it; filters are not part of the query text and stay out.
    /// </summary>
    private static void Collect(Query query, Dictionary<string, BooleanQuery> byField)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                    if (clause.Occur != Occur.MUST_NOT) Collect(clause.Query, byField);
                break;
            case DisjunctionMaxQuery max:
                foreach (var disjunct in max.Disjuncts) Collect(disjunct, byField);
                break;
            case TermQuery term:
                Add(byField, term.Term.Field, term);
                break;
            case PhraseQuery phrase when phrase.GetTerms() is [var first, ..]:
                Add(byField, first.Field, phrase);
                break;
            case MultiPhraseQuery phrase when phrase.GetTermArrays() is [[var first, ..], ..]:
                Add(byField, first.Field, phrase);
                break;
            case MultiTermQuery multiTerm:
                // Lucene's default turns a prefix of many documents into a filter that marks every one of them first;
                // for a page's few hits, skipping along each expanded term's postings is cheaper (up to the usual
                // few hundred terms, whatever their document counts).
                var expanded = (MultiTermQuery)multiTerm.Clone();
                expanded.MultiTermRewriteMethod = SkipToHits;
                Add(byField, multiTerm.Field, expanded);
                break;
            // MatchAllDocsQuery (no query text) and anything else: no field in particular.
        }
    }

    private static void Add(Dictionary<string, BooleanQuery> byField, string field, Query clause)
    {
        if (!byField.TryGetValue(field, out var any)) byField[field] = any = new BooleanQuery(disableCoord: true);
        any.Add(clause, Occur.SHOULD);
    }
}
