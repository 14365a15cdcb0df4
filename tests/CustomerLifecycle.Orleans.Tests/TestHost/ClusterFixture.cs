namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>A three-silo cluster with Orleans' memory storage, shared by the tests of <see cref="ClusterCollection"/>; the
/// fake clock stays at <see cref="CustomerCluster.Start"/> so that no test's time rules fire under another's.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public CustomerCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Memory);

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
