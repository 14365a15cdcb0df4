using System.Collections.Concurrent;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerLifecycle.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConcurrencyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ManyClientsSendingEventsForTheSameCustomers_LoseNothing_AndApplyNothingTwice()
    {
        const int senders = 8;
        const int eventsPerSender = 40;
        // 32 events for each customer, 4 from each sender: no more than the policy's duplicate window (32 ids), so that a
        // customer's record knows every id it has applied, whichever order the events and their copies come in.
        var customers = Enumerable.Range(0, 10).Select(_ => Events.NewCustomer()).ToArray();

        // Separate cluster clients: the test cluster's own, which reaches the silos through their gateways, and each silo's,
        // which calls from inside the cluster (the test cluster starts one outside client and keeps its transport to itself).
        var cluster = fixture.Cluster.Cluster;
        CustomerLifecycleClient[] clients =
        [
            fixture.Cluster.Client,
            .. cluster.Silos.Select(silo => new CustomerLifecycleClient(silo.SiloHost.Services.GetRequiredService<IClusterClient>())),
        ];
        var statuses = new ConcurrentQueue<LifecycleOutcomeStatus>();

        // All at one instant, so that none is late whatever order they arrive in. Every sender sends its own events and, again,
        // every event of the sender before it, through another client: each event arrives twice, by two clients.
        var sends = Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            var client = clients[sender % clients.Length];
            for (var i = 0; i < eventsPerSender; i++)
            {
                foreach (var owner in (int[])[sender, (sender + senders - 1) % senders])
                {
                    var customer = customers[(owner + i) % customers.Length];
                    var outcome = await client.ApplyAsync(Events.Purchase(customer, $"e-{owner}-{i}", CustomerCluster.Start));
                    statuses.Enqueue(outcome.Status);
                }
            }
        }));
        await Task.WhenAll(sends);

        var records = await Task.WhenAll(customers.Select(c => fixture.Cluster.Client.GetLifecycleAsync(c)));
        Assert.Equal(4, clients.Length);
        Assert.Equal(2 * senders * eventsPerSender, statuses.Count);
        Assert.Equal(senders * eventsPerSender, statuses.Count(s => s == LifecycleOutcomeStatus.Applied));
        Assert.Equal(senders * eventsPerSender, statuses.Count(s => s == LifecycleOutcomeStatus.Duplicate));
        Assert.All(customers.Zip(records), pair =>
        {
            var (customer, record) = pair;
            var sent = Enumerable.Range(0, senders).SelectMany(owner => Enumerable.Range(0, eventsPerSender)
                .Where(i => customers[(owner + i) % customers.Length] == customer).Select(i => $"e-{owner}-{i}"));
            Assert.Equal(sent.Order(), record!.RecentEventIds.Order());
            Assert.Equal(senders * eventsPerSender / customers.Length, record.EventCount);
        });
    }
}
