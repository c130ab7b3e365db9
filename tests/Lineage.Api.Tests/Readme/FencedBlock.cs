namespace Lineage.Api.Tests.Readme;

/// <summary>A fenced block of a Markdown file: its language, the line of its opening fence, the heading above it, its text.</summary>
internal sealed record FencedBlock(string Language, int Line, string Heading, string Text, int EndLine)
{
    /// <summary>The block's first line, trimmed.</summary>
    public string FirstLine => Text.Split('\n')[0].Trim();

    public override string ToString() => $"README.md line {Line} (under \"{Heading}\"): {FirstLine}";

    /// <summary>Every fenced block of <paramref name="markdown"/>, in order; a heading is a line starting with <c>#</c> outside a block.</summary>
    public static List<FencedBlock> Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var blocks = new List<FencedBlock>();
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                heading = lines[i].TrimStart('#').Trim();
                continue;
            }
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            var language = lines[i][3..].Trim();
            var end = i + 1;
            while (end < lines.Length && lines[end].TrimEnd() != "```") end++;
            if (end == lines.Length) throw new InvalidOperationException($"README.md line {i + 1}: a fenced block that is never closed");
            blocks.Add(new FencedBlock(language, i + 1, heading, string.Join('\n', lines[(i + 1)..end]), end + 1));
            i = end;
        }
        return blocks;
    }
}
