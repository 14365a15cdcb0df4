using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Grains;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Reminder_IsRemovedByItsOwnWakeUp_WhenTheRuleItFiresLeavesNoNextCheck()
    {
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Shared);
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        var reminder = (cluster.Client.Customer(customer).GetGrainId(), CustomerGrain.NextCheckReminder);
        Assert.True(cluster.Rows.Reminders.ContainsKey(reminder));

        // The onboarding inactivity rule churns the customer at Start + 60 days; the default policy has no time rule from
        // Churned. Only the reminder calls the grain: the client reads nothing until the reminder is gone.
        cluster.Clock.Reset(CustomerCluster.Start + Duration.FromDays(60));
        await Poll.UntilAsync(() => !cluster.Rows.Reminders.ContainsKey(reminder));
        var record = (await cluster.Client.GetLifecycleAsync(customer))!;

        Assert.Equal(LifecycleDefaults.Churned, record.Stage);
        Assert.Equal(CustomerCluster.Start + Duration.FromDays(60), record.StageEnteredAt);
        Assert.Equal(Instant.MaxValue, record.NextCheckAt);
        Assert.Empty(cluster.Rows.Reminders);
    }

    [Fact]
    public async Task LeftoverReminder_IsRemovedWhenItFires_ForACustomerWithNoCheckLeft_OrWithNoRecord()
    {
        // The reminder service reads the table every second, so that it finds the rows this test writes behind its back.
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Shared,
            configure: silo => silo.Services.Configure<ReminderOptions>(o => o.RefreshReminderListPeriod = TimeSpan.FromSeconds(1)));
        var exited = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(exited, "p-1", CustomerCluster.Start));
        await cluster.Client.ApplyAsync(LifecycleEvent.Create("c-1", exited, LifecycleEventKind.Cancellation, CustomerCluster.Start + Duration.FromDays(1)));
        await cluster.Client.ApplyAsync(LifecycleEvent.Create("x-1", exited, LifecycleEventKind.Closure, CustomerCluster.Start + Duration.FromDays(2)));
        var record = await cluster.Client.GetLifecycleAsync(exited);
        var unknown = Events.NewCustomer();
        var saved = SavedETag(cluster, exited);

        // As an unregistration lost with a crashed silo, or a customer's state deleted by hand, would leave them.
        foreach (var customer in (CustomerId[])[exited, unknown])
        {
            var grain = cluster.Client.Customer(customer).GetGrainId();
            cluster.Rows.Reminders[(grain, CustomerGrain.NextCheckReminder)] = new ReminderEntry
            {
                GrainId = grain,
                ReminderName = CustomerGrain.NextCheckReminder,
                StartAt = DateTime.UtcNow,
                Period = TimeSpan.FromSeconds(1),
                ETag = "left-over",
            };
        }

        await Poll.UntilAsync(() => cluster.Rows.Reminders.IsEmpty);

        Assert.Equal(record, await cluster.Client.GetLifecycleAsync(exited));
        Assert.Null(await cluster.Client.GetLifecycleAsync(unknown));
        Assert.Equal(saved, SavedETag(cluster, exited));
        Assert.Null(SavedETag(cluster, unknown));
    }

    /// <summary>The ETag of the customer's saved state (a new one with each write), or null when none is saved.</summary>
    private static string? SavedETag(CustomerCluster cluster, CustomerId customer)
    {
        var grain = cluster.Client.Customer(customer).GetGrainId();
        return cluster.Rows.States.SingleOrDefault(row => row.Key.EndsWith($"/{grain}", StringComparison.Ordinal)).Value.ETag;
    }
}
