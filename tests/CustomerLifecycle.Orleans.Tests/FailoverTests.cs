using CustomerLifecycle.Orleans.Tests.TestHost;

namespace CustomerLifecycle.Orleans.Tests;

public sealed class FailoverTests
{
    [Fact]
    public async Task SiloKilledDuringALoad_LosesNoAcknowledgedEvent_AndItsCustomersReactivateOnTheSurvivors()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Shared);

        await Scenarios.KillASiloDuringALoadAsync(cluster);
    }
}
