using CustomerLifecycle.Tests.Architecture;

namespace CustomerLifecycle.Sqlite.Tests.Architecture;

/// <summary>The SQLite adapter's namespaces depend on each other one way only, read from the compiled code.</summary>
public sealed class NamespaceDependencyTests
{
    [Fact]
    public void NoTwoNamespaces_OfTheAdapter_UseEachOther()
    {
        var graph = NamespaceGraph.Of(typeof(SqliteLifecycleStore).Assembly);

        string[] cycles = [.. graph.Cycles().Select(cycle => string.Join(", ", cycle) + ": " + string.Join("; ", cycle.Where(graph.Edges.ContainsKey).SelectMany(source => graph.Edges[source].Where(use => cycle.Contains(use.Key)).Select(use => use.Value))))];

        Assert.True(cycles.Length == 0, string.Join(Environment.NewLine, cycles));
        Assert.Contains("CustomerLifecycle.Sqlite.Serialization", graph.Edges["CustomerLifecycle.Sqlite"].Keys);
    }
}
