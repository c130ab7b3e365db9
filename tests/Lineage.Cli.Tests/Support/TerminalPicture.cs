using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Lineage.Cli.Tests.Support;

/// <summary>
/// A terminal screenshot of what the command line printed: its ANSI colours turned into HTML on a dark terminal
/// background, photographed by Debian's Chromium (scripts/chromium.sh) through Playwright.
/// </summary>
public static partial class TerminalPicture
{
    /// <summary>Where the tests save their screenshots: the test output, kept by CI.</summary>
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>The frames of a live display (a progress bar), each as it stood when it was redrawn.</summary>
    public static IReadOnlyList<string> Frames(string ansi) =>
        [.. CursorUp().Split(ansi).Select(f => f.Replace("\u001b[?25l", "").Replace("\u001b[?25h", "").TrimEnd())
            .Where(f => f.Trim().Length > 0)];

    /// <summary>Saves <paramref name="ansi"/>, below a prompt showing <paramref name="command"/>, as a PNG.</summary>
    public static async Task<string> SaveAsync(string name, string command, string ansi)
    {
        var html = $"""
            <!doctype html><meta charset="utf-8">
            <style>
              body {"{"} margin: 0; background: #1e1e1e; {"}"}
              pre {"{"} display: inline-block; margin: 0; padding: 16px 20px; background: #1e1e1e; color: #d4d4d4;
                    font: 14px/1.2 'DejaVu Sans Mono', 'Liberation Mono', monospace; {"}"}
              .prompt {"{"} color: #6a9955; {"}"}
            </style>
            <pre><span class="prompt">$</span> {WebUtility.HtmlEncode(command)}
            {ToHtml(ansi)}</pre>
            """;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Lineage.Api.Tests.Explorer.ExplorerHost.ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } });
        await page.SetContentAsync(html);
        var path = Path.Combine(Folder, name + ".png");
        await page.Locator("pre").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>Text with SGR colour codes (16, 256 and true colour; bold, dim) as HTML spans; other escapes dropped.</summary>
    public static string ToHtml(string ansi)
    {
        var html = new StringBuilder();
        var (open, last) = (false, 0);
        foreach (Match m in Escape().Matches(ansi))
        {
            html.Append(WebUtility.HtmlEncode(ansi[last..m.Index]));
            last = m.Index + m.Length;
            if (m.Groups[2].Value != "m") continue;
            if (open) html.Append("</span>");
            var style = Style(m.Groups[1].Value);
            open = style.Length > 0;
            if (open) html.Append($"<span style=\"{style}\">");
        }
        html.Append(WebUtility.HtmlEncode(ansi[last..]));
        if (open) html.Append("</span>");
        return html.ToString();
    }

    private static string Style(string parameters)
    {
        var codes = parameters.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        var style = new List<string>();
        for (var i = 0; i < codes.Count; i++)
        {
            switch (codes[i])
            {
                case 1: style.Add("font-weight:bold"); break;
                case 2: style.Add("opacity:0.6"); break;
                case 3: style.Add("font-style:italic"); break;
                case 4: style.Add("text-decoration:underline"); break;
                case >= 30 and <= 37: style.Add($"color:{Palette(codes[i] - 30)}"); break;
                case >= 90 and <= 97: style.Add($"color:{Palette(codes[i] - 90 + 8)}"); break;
                case 38 when i + 2 < codes.Count && codes[i + 1] == 5: style.Add($"color:{Palette(codes[i + 2])}"); i += 2; break;
                case 38 when i + 4 < codes.Count && codes[i + 1] == 2: style.Add($"color:rgb({codes[i + 2]},{codes[i + 3]},{codes[i + 4]})"); i += 4; break;
            }
        }
        return string.Join(';', style);
    }

    /// <summary>xterm's 256 colours: 16 named, a 6×6×6 cube, 24 greys.</summary>
    private static string Palette(int n)
    {
        string[] named = ["#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
                          "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"];
        if (n < 16) return named[n];
        if (n >= 232) { var g = 8 + (n - 232) * 10; return $"rgb({g},{g},{g})"; }
        n -= 16;
        int Level(int v) => v == 0 ? 0 : 55 + v * 40;
        return $"rgb({Level(n / 36)},{Level(n / 6 % 6)},{Level(n % 6)})";
    }

    [GeneratedRegex(@"\u001b\[(\??[0-9;]*)([A-Za-z])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"\u001b\[\d+A")]
    private static partial Regex CursorUp();
}
