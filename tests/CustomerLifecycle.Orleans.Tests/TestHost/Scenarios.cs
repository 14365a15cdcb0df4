using CustomerLifecycle.Lifecycle;
using NodaTime;
using Orleans.TestingHost;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>The cluster scenarios run over more than one kind of storage.</summary>
public static class Scenarios
{
    private static readonly LifecycleEngine Engine = new(new LifecycleOptions());

    /// <summary>Kills a silo during a load of events on 30 customers; returns the customers, the acknowledged event ids of
    /// each, and their records read back from the survivors.</summary>
    public static async Task KillASiloDuringALoadAsync(CustomerCluster cluster)
    {
        var customers = Enumerable.Range(0, 30).Select(_ => Events.NewCustomer()).ToArray();
        var acknowledged = customers.ToDictionary(c => c, _ => new HashSet<string>());
        var victim = cluster.Cluster.Silos[1];
        var sent = 0;

        var load = Task.WhenAll(customers.Select(customer => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var outcome = await cluster.Client.ApplyAsync(Events.Purchase(customer, $"e-{i}", CustomerCluster.Start));
                Interlocked.Increment(ref sent);
                if (outcome.Status is LifecycleOutcomeStatus.Applied or LifecycleOutcomeStatus.Duplicate)
                {
                    lock (acknowledged)
                    {
                        acknowledged[customer].Add($"e-{i}");
                    }
                }
            }
        })));
        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref sent) >= 100));
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

    /// <summary>Kills the silo of a customer whose time rules are pending, starts another, moves the clock on 400 days and
    /// waits for the reminder alone to churn the customer, at the instant the engine gives.</summary>
    public static async Task ChurnFromTheReminderAfterAKillAsync(CustomerCluster cluster)
    {
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        var record = (await cluster.Client.GetLifecycleAsync(customer))!;

        await cluster.Cluster.KillSiloAsync(HostOf(cluster, customer));
        await cluster.Cluster.StartAdditionalSiloAsync();
        cluster.Clock.AdvanceDays(400);

        // Reading the record evaluates nothing: only the reminder, now owned by a surviving silo, can move the customer on.
        var expected = Engine.Evaluate(record, cluster.Clock.GetCurrentInstant()).Record!;
        await WaitUntilAsync(async () => (await cluster.Client.GetLifecycleAsync(customer))!.Stage == LifecycleDefaults.Churned);
        var churned = (await cluster.Client.GetLifecycleAsync(customer))!;

        Assert.Equal(LifecycleDefaults.Churned, expected.Stage);
        Assert.Equal(expected, churned);
        Assert.True(churned.StageEnteredAt < CustomerCluster.Start + Duration.FromDays(400), "The transition is dated at its rule's instant, not at the wake-up.");
    }

    private static InProcessSiloHandle HostOf(CustomerCluster cluster, CustomerId customer)
    {
        var grainId = cluster.Client.Customer(customer).GetGrainId();
        Assert.True(cluster.Cluster.TryGetGrainContext(grainId, out var context), "The customer's grain is active somewhere.");
        return cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(context.Address.SiloAddress));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; !await condition(); waited += 50)
        {
            Assert.True(waited < 30_000, "The condition did not hold within 30 seconds.");
            await Task.Delay(50);
        }
    }
}
