using CustomerLifecycle.Lifecycle;
using NodaTime;
using Orleans.TestingHost;

namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>The cluster scenarios run over more than one kind of storage.</summary>
public static class Scenarios
{
    private static readonly LifecycleEngine Engine = new(new LifecycleOptions());

    /// <summary>Kills a silo during a load of events on 30 customers, the silo where most of them are active: every customer
    /// answers afterwards with every event it acknowledged, those of the killed silo from an activation on a survivor.</summary>
    public static async Task KillASiloDuringALoadAsync(CustomerCluster cluster)
    {
        var customers = Enumerable.Range(0, 30).Select(_ => Events.NewCustomer()).ToArray();
        var acknowledged = customers.ToDictionary(c => c, _ => new HashSet<string>());
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
        await Poll.UntilAsync(() => Volatile.Read(ref sent) >= 100);
        var hosts = customers.ToLookup(c => TryHostOf(cluster, c)?.SiloAddress);
        var victim = cluster.Cluster.Silos.MaxBy(s => hosts[s.SiloAddress].Count())!;
        var onTheVictim = hosts[victim.SiloAddress].ToArray();
        await cluster.Cluster.KillSiloAsync(victim);
        await load;

        var records = await Task.WhenAll(customers.Select(c => cluster.Client.GetLifecycleAsync(c)));
        Assert.DoesNotContain(victim, cluster.Cluster.GetActiveSilos());
        Assert.NotEmpty(onTheVictim);
        Assert.All(onTheVictim, customer => Assert.NotEqual(victim.SiloAddress, HostOf(cluster, customer).SiloAddress));
        Assert.All(customers.Zip(records), pair =>
        {
            var (customer, record) = pair;
            Assert.Equal(20, acknowledged[customer].Count);
            Assert.Equal(acknowledged[customer].Order(), record!.RecentEventIds.Order());
            Assert.Equal(20, record.EventCount);
        });
    }

    /// <summary>Kills the silo of a customer whose time rules are pending and starts another in its place: with the clock a
    /// second short of the instant the churn rule gives, the reminder that wakes the customer on a survivor leaves it as it
    /// is; at that instant, the reminder alone churns it, dated at the rule's instant.</summary>
    public static async Task ChurnFromTheReminderAfterAKillAsync(CustomerCluster cluster)
    {
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        var record = (await cluster.Client.GetLifecycleAsync(customer))!;

        // The default policy's only time rule an onboarding customer can meet: "No activity for 60 days while onboarding".
        var churnAt = record.NextCheckAt;
        Assert.Equal(CustomerCluster.Start + Duration.FromDays(60), churnAt);

        // Moved before the kill, so that every wake-up from now on, on whichever silo, evaluates the customer at this instant.
        cluster.Clock.Reset(churnAt - Duration.FromSeconds(1));
        await cluster.Cluster.KillSiloAsync(HostOf(cluster, customer));
        await cluster.Cluster.StartAdditionalSiloAsync();

        // Nothing but its reminder calls the customer's grain now, so an activation on a survivor is the reminder waking it;
        // the read below waits for that wake-up to finish (a grain takes one call at a time). Reading evaluates nothing.
        await Poll.UntilAsync(() => TryHostOf(cluster, customer) is not null);
        Assert.Equal(record, await cluster.Client.GetLifecycleAsync(customer));

        cluster.Clock.Reset(churnAt);
        await Poll.UntilAsync(async () => (await cluster.Client.GetLifecycleAsync(customer))!.Stage == LifecycleDefaults.Churned);
        var churned = (await cluster.Client.GetLifecycleAsync(customer))!;

        Assert.Equal(churnAt, churned.StageEnteredAt);
        Assert.Equal(LifecycleDefaults.Onboarding, churned.PreviousStage);
        Assert.Equal(Engine.Evaluate(record, churnAt).Record, churned);
    }

    private static InProcessSiloHandle HostOf(CustomerCluster cluster, CustomerId customer)
        => TryHostOf(cluster, customer) ?? throw new InvalidOperationException($"The grain of customer '{customer}' is active on no silo.");

    /// <summary>The silo where the customer's grain is active, if it is (read from the silos' activation directories).</summary>
    private static InProcessSiloHandle? TryHostOf(CustomerCluster cluster, CustomerId customer)
        => cluster.Cluster.TryGetGrainContext(cluster.Client.Customer(customer).GetGrainId(), out var context)
            ? cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(context.Address.SiloAddress))
            : null;
}
