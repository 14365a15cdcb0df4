using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Grains;
using CustomerLifecycle.Orleans.Tests.TestHost;
using NodaTime;
using Orleans.TestingHost;

namespace CustomerLifecycle.Orleans.Tests;

public sealed class ReminderTests
{
    private static readonly LifecycleEngine Engine = new(new LifecycleOptions());

    [Fact]
    public async Task TimeRule_FiresFromTheReminder_AtItsInstant_AfterTheCustomersSiloWasKilled()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Shared);
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        var record = (await cluster.Client.GetLifecycleAsync(customer))!;
        Assert.Single(cluster.Rows.Reminders.Keys, k => k.Name == CustomerGrain.NextCheckReminder);

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

    [Fact]
    public async Task Reminder_IsRemoved_WhenTheRecordHasNoNextCheckLeft()
    {
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Shared);
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        await cluster.Client.ApplyAsync(LifecycleEvent.Create("c-1", customer, LifecycleEventKind.Cancellation, CustomerCluster.Start + Duration.FromDays(1)));
        await cluster.Client.ApplyAsync(LifecycleEvent.Create("x-1", customer, LifecycleEventKind.Closure, CustomerCluster.Start + Duration.FromDays(2)));

        var record = (await cluster.Client.GetLifecycleAsync(customer))!;

        Assert.Equal(LifecycleDefaults.Exited, record.Stage);
        Assert.Equal(Instant.MaxValue, record.NextCheckAt);
        Assert.Empty(cluster.Rows.Reminders);
    }

    private static InProcessSiloHandle HostOf(CustomerCluster cluster, CustomerId customer)
    {
        var grainId = cluster.Client.Customer(customer).GetGrainId();
        Assert.True(cluster.Cluster.TryGetGrainContext(grainId, out var context), "The customer's grain is active somewhere.");
        return cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(context.Address.SiloAddress));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; !await condition(); waited += 200)
        {
            Assert.True(waited < 30_000, "The condition did not hold within 30 seconds.");
            await Task.Delay(200);
        }
    }
}
