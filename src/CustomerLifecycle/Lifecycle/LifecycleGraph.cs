namespace CustomerLifecycle.Lifecycle;

/// <summary>The stage graph a policy describes: one edge per rule and target (a tenure rule has one per tenure stage).</summary>
internal static class LifecycleGraph
{
    public static List<Edge> Edges(LifecycleOptions options)
    {
        var tenureStages = options.Stages.Where(s => s.TenureMonths is not null).OrderBy(s => s.TenureMonths).Select(s => s.Name).ToList();
        var edges = new List<Edge>();
        foreach (var rule in options.Rules)
        {
            var targets = rule.ToTenureStage ? tenureStages : [rule.To!];
            foreach (var from in rule.From)
            {
                foreach (var to in targets)
                {
                    edges.Add(new Edge(from, to, rule.Id, rule.On, rule.When.Count == 0, rule.ToTenureStage));
                }
            }
        }

        return edges;
    }

    internal sealed record Edge(string From, string To, string RuleId, List<string> On, bool IsUnconditional, bool ByTenure)
    {
        public bool IsTimeBased => On.Count == 0;
    }
}
