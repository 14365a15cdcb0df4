namespace CustomerLifecycle.Tests.Docs;

public sealed class DocSnippetsTests
{
    [Fact]
    public void EveryCSharpBlockInTheDocs_IsACompiledSnippet()
    {
        var regions = DocSnippets.Regions();
        var problems = new List<string>();
        foreach (var file in DocSnippets.MarkdownFiles())
        {
            var relative = Path.GetRelativePath(DocSnippets.RepositoryRoot, file);
            foreach (var (name, code, line) in DocSnippets.CodeBlocks(file))
            {
                if (name is null)
                {
                    problems.Add($"{relative}:{line}: a C# block without a '<!-- snippet: name -->' marker above it.");
                }
                else if (!regions.TryGetValue(name, out var compiled))
                {
                    problems.Add($"{relative}:{line}: snippet '{name}' has no '#region snippet: {name}' in tests/.");
                }
                else if (compiled != code)
                {
                    problems.Add($"{relative}:{line}: snippet '{name}' differs from its compiled region:\n--- docs\n{code}\n--- tests\n{compiled}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Normalize_RemovesCommonIndentation()
    {
        Assert.Equal("a\n  b", DocSnippets.Normalize("\n    a\n      b\n\n"));
    }
}
