using System.Text;

namespace CustomerLifecycle.Lifecycle;

/// <summary>Renders a policy's stage graph as a Mermaid state diagram, from the same options the engine runs.</summary>
internal static class LifecycleMermaid
{
    public static string Render(LifecycleOptions options)
    {
        var ids = options.Stages.Select((s, i) => (s.Name, Id: IsIdentifier(s.Name) ? s.Name : $"stage{i}")).ToDictionary(p => p.Name, p => p.Id, StringComparer.Ordinal);
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var (name, id) in ids.Where(p => p.Key != p.Value))
        {
            text.Append($"    state \"{name.Replace("\"", "'", StringComparison.Ordinal)}\" as {id}\n");
        }

        text.Append($"    [*] --> {ids[options.InitialStage]}\n");
        foreach (var edge in LifecycleGraph.Edges(options))
        {
            var trigger = edge.IsTimeBased ? "time" : "on " + string.Join("|", edge.On);
            var tenure = edge.ByTenure ? ", by tenure" : string.Empty;
            text.Append($"    {ids[edge.From]} --> {ids[edge.To]} : {edge.RuleId} ({trigger}{tenure})\n");
        }

        foreach (var stage in options.Stages.Where(s => s.Kind == StageKind.Closed))
        {
            text.Append($"    {ids[stage.Name]} --> [*]\n");
        }

        return text.ToString();
    }

    private static bool IsIdentifier(string name) => name.Length > 0 && char.IsLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
