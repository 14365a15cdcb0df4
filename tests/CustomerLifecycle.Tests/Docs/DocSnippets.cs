using System.Text;
using System.Text.RegularExpressions;

namespace CustomerLifecycle.Tests.Docs;

/// <summary>
/// Keeps the code in README.md and docs/*.md compiled: every C# block there must be preceded by
/// <c>&lt;!-- snippet: name --&gt;</c> and equal, line for line, a <c>#region snippet: name</c> in this test project.
/// </summary>
internal static partial class DocSnippets
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static IEnumerable<string> MarkdownFiles()
        => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Prepend(Path.Combine(RepositoryRoot, "README.md"))
            .Order(StringComparer.Ordinal);

    /// <summary>Every C# block of a markdown file, with the snippet name before it (null when it has none).</summary>
    public static IEnumerable<(string? Name, string Code, int Line)> CodeBlocks(string markdownPath)
    {
        var lines = File.ReadAllLines(markdownPath);
        string? pendingName = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = SnippetMarker().Match(lines[i]);
            if (marker.Success)
            {
                pendingName = marker.Groups[1].Value;
                continue;
            }

            if (lines[i].TrimStart().StartsWith("```csharp", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith("```cs", StringComparison.Ordinal))
            {
                var start = i + 1;
                var code = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    code.Append(lines[i]).Append('\n');
                }

                yield return (pendingName, Normalize(code.ToString()), start);
            }

            if (lines[i].Trim().Length > 0)
            {
                pendingName = null;
            }
        }
    }

    /// <summary>Every <c>#region snippet: name</c> in the test sources, by name.</summary>
    public static IReadOnlyDictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        var testsRoot = Path.Combine(RepositoryRoot, "tests");
        foreach (var file in Directory.EnumerateFiles(testsRoot, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var start = RegionStart().Match(lines[i]);
                if (!start.Success)
                {
                    continue;
                }

                var body = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("#endregion", StringComparison.Ordinal); i++)
                {
                    body.Append(lines[i]).Append('\n');
                }

                regions[start.Groups[1].Value] = Normalize(body.ToString());
            }
        }

        return regions;
    }

    /// <summary>Removes the common indentation and surrounding blank lines.</summary>
    public static string Normalize(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerLifecycle.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CustomerLifecycle.sln was not found above the test assembly.");
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*([\w.-]+)\s*-->\s*$")]
    private static partial Regex SnippetMarker();

    [GeneratedRegex(@"^\s*#region\s+snippet:\s*([\w.-]+)\s*$")]
    private static partial Regex RegionStart();
}
