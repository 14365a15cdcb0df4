using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Grains;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerLifecycle.Orleans.Tests.Grains;

/// <summary>What the stage counts lose, and say they lose, when their storage or a customer's report of a move fails.</summary>
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

    [Fact]
    public async Task MoveTheCountsFailToTake_DoesNotFailTheSavedApply_AndIsLoggedAsLostFromTheCounts()
    {
        var logs = new LogRecorder();
        var faults = new CallFaults();
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo =>
        {
            silo.AddIncomingGrainCallFilter(faults);
            silo.Services.AddSingleton<ILoggerProvider>(logs);
        });
        var customer = Events.NewCustomer();
        var counts = cluster.Cluster.Client.GetGrain<IStageCountsGrain>(IStageCountsGrain.ClusterKey).GetGrainId();

        // An interruption: before the fix the client retried it, and the retry found the purchase a Duplicate.
        faults.Fail(counts, nameof(IStageCountsGrain.MoveAsync), times: 1, () => new TimeoutException("The test interrupts the count."));
        var outcome = await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));

        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(1, faults.Failed);
        Assert.Equal(outcome.Record, await cluster.Client.GetLifecycleAsync(customer));
        var entry = await logs.WaitForAsync<CustomerGrain>();
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(
            $"Customer '{customer}' moved from none to {LifecycleDefaults.Onboarding} and was saved, but telling the stage counts 'cluster' failed: the move is lost from the counts, unless a call that timed out was taken.",
            entry.Message);
        Assert.IsType<TimeoutException>(entry.Exception);
        Assert.Empty(await cluster.Client.GetStageCountsAsync());
    }

    [Fact]
    public async Task MovesGatheredOnASilo_WhoseBatchFailsAsTheSiloShutsDown_AreLoggedAsLost_AndDeactivateWithoutThrowing()
    {
        var logs = new LogRecorder();
        var faults = new CallFaults();
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo =>
        {
            silo.Services.Configure<CustomerGrainOptions>(o => o.StageCountsBatchInterval = TimeSpan.FromHours(1));
            silo.AddIncomingGrainCallFilter(faults);
            silo.Services.AddSingleton<ILoggerProvider>(logs);
        });
        await cluster.Client.ApplyAsync(Events.Purchase(Events.NewCustomer(), "p-1", CustomerCluster.Start));
        await cluster.Client.ApplyAsync(Events.Purchase(Events.NewCustomer(), "p-1", CustomerCluster.Start));
        var counts = cluster.Cluster.Client.GetGrain<IStageCountsGrain>(IStageCountsGrain.ClusterKey).GetGrainId();
        faults.Fail(counts, nameof(IStageCountsGrain.ChangeAsync), times: 1, () => new InvalidOperationException("The counts grain is gone."));

        await DeactivateAsync(cluster, cluster.Cluster.Client.GetGrain<IStageMovesGrain>(IStageCountsGrain.ClusterKey).GetGrainId(), DeactivationReasonCode.ShuttingDown);

        var entry = await logs.WaitForAsync<StageMovesGrain>();
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(
            "A silo's gathered stage moves for the counts 'cluster' were not sent as it deactivated (ShuttingDown): these changes are lost from the counts: Onboarding=2.",
            entry.Message);
        Assert.Equal(1, faults.Failed);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("OnDeactivateAsync", StringComparison.Ordinal));
    }

    /// <summary>One silo over storage that outlives activations, the counts saved only as they deactivate.</summary>
    private static Task<CustomerCluster> StartAsync(LogRecorder logs)
        => CustomerCluster.StartAsync(1, ClusterStorage.Shared, configure: silo =>
        {
            silo.Services.Configure<CustomerGrainOptions>(o => o.StageCountsSaveInterval = TimeSpan.FromHours(1));
            silo.Services.AddSingleton<ILoggerProvider>(logs);
        });

    private static Task DeactivateCountsAsync(CustomerCluster cluster, DeactivationReasonCode reason)
        => DeactivateAsync(cluster, cluster.Cluster.Client.GetGrain<IStageCountsGrain>(IStageCountsGrain.ClusterKey).GetGrainId(), reason);

    private static async Task DeactivateAsync(CustomerCluster cluster, GrainId grain, DeactivationReasonCode reason)
    {
        Assert.True(cluster.Cluster.TryGetGrainContext(grain, out var context), $"{grain} is active.");
        context.Deactivate(new DeactivationReason(reason, "the test deactivates it"));
        await Poll.UntilAsync(() => !cluster.Cluster.TryGetGrainContext(grain, out _));
    }
}
