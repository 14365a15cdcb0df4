using System.Text.RegularExpressions;
using CustomerLifecycle.Tests.Docs;
using CustomerLifecycle.Value;

namespace CustomerLifecycle.Tests.Value.Kpis;

/// <summary>
/// <c>CustomerLifecycle.Value</c> uses the KPIs (a value policy holds <c>KpiOptions</c>), so the KPIs must never use
/// <c>Value</c> back: the two namespaces would be one cycle. Read from the sources, because a constant (a default) is
/// inlined and leaves no trace in the compiled assembly.
/// </summary>
public sealed partial class KpiNamespaceTests
{
    [Fact]
    public void TheKpis_NameNoTypeOfTheValueNamespace_SoValueAndKpisFormNoCycle()
    {
        var valueTypes = typeof(ValueEngine).Assembly.GetTypes()
            .Where(t => t.Namespace == "CustomerLifecycle.Value" && !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.Name.Split('`')[0])
            .ToHashSet(StringComparer.Ordinal);
        var kpiSources = Directory.EnumerateFiles(Path.Combine(DocSnippets.RepositoryRoot, "src", "CustomerLifecycle", "Value", "Kpis"), "*.cs");

        var uses = from file in kpiSources
                   let code = LineComment().Replace(File.ReadAllText(file), string.Empty)
                   from Match word in Identifier().Matches(code)
                   where valueTypes.Contains(word.Value)
                   select $"{Path.GetFileName(file)} uses {word.Value}";

        Assert.Contains("ValueDefaults", valueTypes);
        Assert.Empty(uses);
    }

    // Comments (XML docs included) may point at Value's types; only code is a dependency.
    [GeneratedRegex("//.*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();
}
