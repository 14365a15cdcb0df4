using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Tests.TestHost;

namespace CustomerLifecycle.Orleans.Tests;

public sealed class FailoverTests
{
    [Fact]
    public async Task SiloKilledDuringALoad_LosesNoAcknowledgedEvent_AndItsCustomersReactivateOnTheSurvivors()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Shared);
        var customers = Enumerable.Range(0, 30).Select(_ => Events.NewCustomer()).ToArray();
        var acknowledged = customers.ToDictionary(c => c, _ => new HashSet<string>());
        var victim = cluster.Cluster.Silos[1];

        var load = Task.WhenAll(customers.Select(customer => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var outcome = await cluster.Client.ApplyAsync(Events.Purchase(customer, $"e-{i}", CustomerCluster.Start));
                if (outcome.Status is LifecycleOutcomeStatus.Applied or LifecycleOutcomeStatus.Duplicate)
                {
                    lock (acknowledged)
                    {
                        acknowledged[customer].Add($"e-{i}");
                    }
                }
            }
        })));
        await WaitUntilAsync(() => cluster.Rows.Writes >= 100);
        await cluster.Cluster.KillSiloAsync(victim);
        await load;

        var records = await Task.WhenAll(customers.Select(c => cluster.Client.GetLifecycleAsync(c)));
        Assert.DoesNotContain(victim, cluster.Cluster.GetActiveSilos());
        Assert.All(customers.Zip(records), pair =>
        {
            var (customer, record) = pair;
            Assert.Equal(20, acknowledged[customer].Count);
            Assert.Equal(acknowledged[customer].Order(), record!.RecentEventIds.Order());
            Assert.Equal(20, record.EventCount);
        });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 30_000, "The condition did not hold within 30 seconds.");
            await Task.Delay(10);
        }
    }
}
