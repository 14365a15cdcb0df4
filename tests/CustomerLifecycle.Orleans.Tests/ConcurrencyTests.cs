using CustomerLifecycle.Orleans.Tests.TestHost;
namespace CustomerLifecycle.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConcurrencyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ManyClientsSendingEventsForTheSameCustomers_LoseNothing_AndApplyNothingTwice()
    {
        const int clients = 8;
        const int eventsPerClient = 50;
        var customers = Enumerable.Range(0, 5).Select(_ => Events.NewCustomer()).ToArray();

        // All at one instant, so that none is late whatever order they arrive in. Every client sends its own events and, again, every event of the client before it: each event arrives twice.
        var sends = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < eventsPerClient; i++)
            {
                foreach (var owner in (int[])[client, (client + clients - 1) % clients])
                {
                    var customer = customers[(owner + i) % customers.Length];
                    await fixture.Cluster.Client.ApplyAsync(Events.Purchase(customer, $"e-{owner}-{i}", CustomerCluster.Start));
                }
            }
        }));
        await Task.WhenAll(sends);

        var records = await Task.WhenAll(customers.Select(c => fixture.Cluster.Client.GetLifecycleAsync(c)));
        Assert.Equal(clients * eventsPerClient, records.Sum(r => r!.EventCount));
        Assert.All(records, r => Assert.Equal(clients * eventsPerClient / customers.Length, r!.EventCount));
    }
}
