using System.Reflection;
using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Tests.Architecture;

/// <summary>
/// Folder = namespace = component, and components depend on each other one way only: read from the compiled code, so a
/// qualified name or a generated type cannot hide a dependency.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private static readonly Assembly Sdk = typeof(LifecycleEngine).Assembly;
    private static readonly Assembly Contracts = typeof(CustomerId).Assembly;
    private static readonly Assembly Testing = typeof(CustomerLifecycle.Testing.Generators.LifecycleGenerators).Assembly;

    public static TheoryData<string> Assemblies() => [Sdk.GetName().Name!, Contracts.GetName().Name!, Testing.GetName().Name!];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoTwoNamespaces_OfAnAssembly_UseEachOther(string assemblyName)
    {
        var graph = NamespaceGraph.Of(Assembly.Load(assemblyName));

        string[] cycles = [.. graph.Cycles().Select(cycle => string.Join(", ", cycle) + ": " + string.Join("; ", Uses(graph, cycle)))];

        Assert.True(cycles.Length == 0, string.Join(Environment.NewLine, cycles));
    }

    [Fact]
    public void NoEngine_UsesTheProfile_WhichComposesThem()
    {
        // Only the layers that know every component (registration and policy JSON) may name the profile.
        string[] outerLayers = ["CustomerLifecycle.DependencyInjection", "CustomerLifecycle.Serialization"];
        var graph = NamespaceGraph.Of(Sdk);

        string[] users = [.. graph.Edges.Where(e => e.Value.ContainsKey("CustomerLifecycle.Profile") && !outerLayers.Contains(e.Key))
            .Select(e => $"{e.Key}: {e.Value["CustomerLifecycle.Profile"]}")];

        Assert.True(users.Length == 0, string.Join(Environment.NewLine, users));
    }

    [Fact]
    public void TheGraph_SeesUsesInMethodBodies()
    {
        // The profile composes the engines: its engine's bodies build a LifecycleEngine (a use no signature shows); the
        // lifecycle uses the root's shared internals, and its own Internal namespace counts as part of it.
        var graph = NamespaceGraph.Of(Sdk);

        Assert.Contains("CustomerLifecycle.Lifecycle", graph.Edges["CustomerLifecycle.Profile"].Keys);
        Assert.Contains("CustomerLifecycle", graph.Edges["CustomerLifecycle.Lifecycle"].Keys);
        Assert.DoesNotContain("CustomerLifecycle.Lifecycle.Internal", graph.Edges["CustomerLifecycle.Lifecycle"].Keys);
    }

    private static IEnumerable<string> Uses(NamespaceGraph graph, IReadOnlyList<string> cycle) =>
        from source in cycle
        from target in cycle
        where graph.Edges.TryGetValue(source, out var targets) && targets.ContainsKey(target)
        select $"{source} → {target} ({graph.Edges[source][target]})";
}
