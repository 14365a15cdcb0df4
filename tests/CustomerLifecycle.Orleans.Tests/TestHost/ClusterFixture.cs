namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>A three-silo cluster with Orleans' memory storage, shared by the tests of <see cref="ClusterCollection"/>; the
/// fake clock stays at <see cref="CustomerCluster.Start"/> so that no test's time rules fire under another's. Its
/// <see cref="Faults"/> fail the calls a test names (a grain of its own, so that no other test meets them).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public CustomerCluster Cluster { get; private set; } = null!;

    public CallFaults Faults { get; } = new();

    public async Task InitializeAsync() => Cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Memory, configure: silo => silo.AddIncomingGrainCallFilter(Faults));

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-silo cluster";
}

/// <summary>The tests that start a silo on Orleans' localhost ports (11111, 30000): one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LocalhostSiloCollection
{
    public const string Name = "localhost silo";
}
