using Lineage.Search.Index;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Lineage.Search.Analysis;

/// <summary>How each field's text becomes terms, at index time and at query time.</summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The longest prefix indexed for autocomplete; longer input is looked up by prefix in the whole names and words.</summary>
    public const int MaxPrefix = 24;

    // Splits on _ - . / and spaces, at camelCase changes, and keeps the whole word too:
    // customer_churn_v2 → customer_churn_v2, customer, churn, v2; CustomerChurnV2 → customerchurnv2, customer, churn, v2.
    private const WordDelimiterFlags NameFlags =
        WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS |
        WordDelimiterFlags.SPLIT_ON_CASE_CHANGE | WordDelimiterFlags.PRESERVE_ORIGINAL;

    /// <summary>Names: words and their parts, lower-cased, plurals folded (customers finds customer).</summary>
    public static readonly Analyzer Name = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new WhitespaceTokenizer(Version, reader);
        TokenStream stream = new WordDelimiterFilter(Version, source, NameFlags, null);
        stream = new LowerCaseFilter(Version, stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Prose (descriptions): standard tokens, lower-cased, English stop words out, plurals folded.</summary>
    public static readonly Analyzer Text = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, StandardAnalyzer.STOP_WORDS_SET);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Name words, for autocomplete input and for the words of names it looks up past <see cref="MaxPrefix"/>: split like names, lower-cased, not stemmed (prefixes must stay as typed).</summary>
    public static readonly Analyzer NameWords = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new WhitespaceTokenizer(Version, reader);
        TokenStream stream = new WordDelimiterFilter(Version, source, NameFlags, null);
        stream = new LowerCaseFilter(Version, stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Exact values (tags, owners, platforms …): the whole value as one lower-cased term.</summary>
    public static readonly Analyzer Keyword = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new KeywordTokenizer(reader);
        return new TokenStreamComponents(source, new LowerCaseFilter(Version, source));
    });

    /// <summary>URNs: the whole value as one term, case kept (URNs are case-sensitive, and the urn field is indexed as written).</summary>
    public static readonly Analyzer Exact = Analyzer.NewAnonymous((_, reader) => new TokenStreamComponents(new KeywordTokenizer(reader)));

    /// <summary>Autocomplete on the start of the whole name: every prefix of it.</summary>
    public static readonly Analyzer NamePrefixes = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new KeywordTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new EdgeNGramTokenFilter(Version, stream, 1, MaxPrefix);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Autocomplete on the start of any word of the name: every prefix of every word part.</summary>
    public static readonly Analyzer WordPrefixes = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new WhitespaceTokenizer(Version, reader);
        TokenStream stream = new WordDelimiterFilter(Version, source, NameFlags, null);
        stream = new LowerCaseFilter(Version, stream);
        stream = new EdgeNGramTokenFilter(Version, stream, 1, MaxPrefix);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>The analyzer of each field, for the index writer and the query parser.</summary>
    public static readonly Analyzer PerField = new PerFieldAnalyzerWrapper(Keyword, new Dictionary<string, Analyzer>
    {
        [IndexFields.Urn] = Exact,
        [IndexFields.Name] = Name,
        [IndexFields.Description] = Text,
        [IndexFields.NamePrefix] = NamePrefixes,
        [IndexFields.WordPrefix] = WordPrefixes,
        [IndexFields.NameWord] = NameWords,
    });

    /// <summary>The terms an analyzer makes of a text (used to split autocomplete input the way names are split).</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
