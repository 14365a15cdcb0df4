using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Grains;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerLifecycle.Orleans.Tests.Grains;

/// <summary>The stage counts grain's save as it deactivates: kept when storage takes it, logged as lost when it does not.</summary>
public sealed class StageCountsTests
{
    [Fact]
    public async Task CountsGrainDeactivatedAsIdle_SavesItsCounts_ForItsNextActivation()
    {
        var logs = new LogRecorder();
        await using var cluster = await StartAsync(logs);
        await cluster.Client.ApplyAsync(Events.Purchase(Events.NewCustomer(), "p-1", CustomerCluster.Start));

        await DeactivateCountsAsync(cluster, DeactivationReasonCode.ActivationIdle);

        Assert.Equal(new Dictionary<string, long> { [LifecycleDefaults.Onboarding] = 1 }, await cluster.Client.GetStageCountsAsync());
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("CustomerLifecycle", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DeactivationReasonCode.ShuttingDown, LogLevel.Warning)]
    [InlineData(DeactivationReasonCode.ActivationIdle, LogLevel.Error)]
    public async Task CountsGrainWhoseSaveFailsAsItDeactivates_LogsTheCountsLost_AndDeactivatesWithoutThrowing(DeactivationReasonCode reason, LogLevel level)
    {
        var logs = new LogRecorder();
        await using var cluster = await StartAsync(logs);
        await cluster.Client.ApplyAsync(Events.Purchase(Events.NewCustomer(), "p-1", CustomerCluster.Start));
        cluster.Rows.RefusedState = "stage-counts";

        await DeactivateCountsAsync(cluster, reason);

        var entry = await logs.WaitForAsync<StageCountsGrain>();
        Assert.Equal(level, entry.Level);
        Assert.Equal(
            $"The stage counts 'cluster' were not saved as they deactivated ({reason}): the moves counted since their last save are lost from the counts, which stood at Onboarding=1.",
            entry.Message);
        Assert.IsType<InvalidOperationException>(entry.Exception?.GetBaseException());
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("OnDeactivateAsync", StringComparison.Ordinal));

        // The save was lost, not the customer's move: nothing was stored for the counts.
        cluster.Rows.RefusedState = null;
        Assert.Empty(await cluster.Client.GetStageCountsAsync());
    }

    /// <summary>One silo over storage that outlives activations, the counts saved only as they deactivate.</summary>
    private static Task<CustomerCluster> StartAsync(LogRecorder logs)
        => CustomerCluster.StartAsync(1, ClusterStorage.Shared, configure: silo =>
        {
            silo.Services.Configure<CustomerGrainOptions>(o => o.StageCountsSaveInterval = TimeSpan.FromHours(1));
            silo.Services.AddSingleton<ILoggerProvider>(logs);
        });

    private static async Task DeactivateCountsAsync(CustomerCluster cluster, DeactivationReasonCode reason)
    {
        var counts = cluster.Cluster.Client.GetGrain<IStageCountsGrain>(IStageCountsGrain.ClusterKey).GetGrainId();
        Assert.True(cluster.Cluster.TryGetGrainContext(counts, out var context), "The counts grain is active.");
        context.Deactivate(new DeactivationReason(reason, "the test deactivates the counts"));
        for (var waited = 0; cluster.Cluster.TryGetGrainContext(counts, out _); waited += 50)
        {
            Assert.True(waited < 10_000, "The counts grain is still active after 10 seconds.");
            await Task.Delay(50);
        }
    }
}
