using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Grains;
using CustomerLifecycle.Orleans.Tests.TestHost;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests;

public sealed class ReminderTests
{
    [Fact]
    public async Task TimeRule_FiresFromTheReminder_AtItsInstant_AfterTheCustomersSiloWasKilled()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Shared);

        await Scenarios.ChurnFromTheReminderAfterAKillAsync(cluster);
    }

    [Fact]
    public async Task Reminder_IsRegisteredForACustomerWithANextCheck_AndRemovedWhenNoneIsLeft()
    {
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Shared);
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        Assert.Single(cluster.Rows.Reminders.Keys, k => k.Name == CustomerGrain.NextCheckReminder);

        await cluster.Client.ApplyAsync(LifecycleEvent.Create("c-1", customer, LifecycleEventKind.Cancellation, CustomerCluster.Start + Duration.FromDays(1)));
        await cluster.Client.ApplyAsync(LifecycleEvent.Create("x-1", customer, LifecycleEventKind.Closure, CustomerCluster.Start + Duration.FromDays(2)));
        var record = (await cluster.Client.GetLifecycleAsync(customer))!;

        Assert.Equal(LifecycleDefaults.Exited, record.Stage);
        Assert.Equal(Instant.MaxValue, record.NextCheckAt);
        Assert.Empty(cluster.Rows.Reminders);
    }
}
