using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests.Grains;

/// <summary>Stage moves gathered per silo (<see cref="CustomerGrainOptions.StageCountsBatchInterval"/>) and sent as batches.</summary>
public sealed class StageMovesTests
{
    [Fact]
    public async Task MovesGatheredOnThreeSilos_ReachTheCountsWithinTheInterval_InAnyOrder_ExactlyOnce()
    {
        await using var cluster = await CustomerCluster.StartAsync(3, ClusterStorage.Memory, configure: silo =>
            silo.Services.Configure<CustomerGrainOptions>(o => o.StageCountsBatchInterval = TimeSpan.FromMilliseconds(300)));
        var customers = Enumerable.Range(0, 30).Select(_ => Events.NewCustomer()).ToArray();

        await Task.WhenAll(customers.Select(c => cluster.Client.ApplyAsync(Events.Purchase(c, "p-1", CustomerCluster.Start))));
        await WaitForAsync(cluster, new() { [LifecycleDefaults.Onboarding] = 30 });

        // Each customer's move out of Onboarding may be gathered on another silo than its move in was: the counts net out.
        await Task.WhenAll(customers.Select(c => cluster.Client.EvaluateAsync(c, CustomerCluster.Start + Duration.FromDays(400))));
        await WaitForAsync(cluster, new() { [LifecycleDefaults.Churned] = 30 });
    }

    [Fact]
    public async Task WithoutABatchInterval_EveryMoveIsCounted_BeforeTheCustomersCallReturns()
    {
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory);
        var customer = Events.NewCustomer();

        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));

        Assert.Equal(new Dictionary<string, long> { [LifecycleDefaults.Onboarding] = 1 }, await cluster.Client.GetStageCountsAsync());
    }

    private static async Task WaitForAsync(CustomerCluster cluster, Dictionary<string, long> expected)
    {
        IReadOnlyDictionary<string, long> counts;
        for (var waited = 0; !Same(counts = await cluster.Client.GetStageCountsAsync(), expected); waited += 50)
        {
            Assert.True(waited < 10_000, $"The counts are {string.Join(", ", counts)} after 10 seconds.");
            await Task.Delay(50);
        }

        // Nothing more arrives: the counts stay exact once every silo's batch is in.
        await Task.Delay(700);
        Assert.Equal(expected, await cluster.Client.GetStageCountsAsync());
    }

    private static bool Same(IReadOnlyDictionary<string, long> counts, Dictionary<string, long> expected)
        => counts.Count == expected.Count && expected.All(e => counts.GetValueOrDefault(e.Key) == e.Value);
}
