using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Orleans.Tests.TestHost;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests.Facets;

[Collection(FacetClusterCollection.Name)]
public sealed class FacetGrainTests(FacetClusterFixture fixture)
{
    private static readonly Instant Day1 = CustomerCluster.Start;

    private CustomerLifecycleClient Client => fixture.Cluster.Client;

    [Fact]
    public async Task FirstPurchaseFact_StartsTheProfile_WhoseLifecycleIsTheCustomersOnlyOne_AndIsCounted()
    {
        var customer = Events.NewCustomer();
        var before = await Client.GetStageCountsAsync();

        var outcome = await Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, Day1, "o-1", 100));

        Assert.Equal(ProfileOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(LifecycleDefaults.Onboarding, outcome.Profile!.Lifecycle.Stage);
        Assert.Equal(outcome.Profile, await Client.GetProfileAsync(customer));
        Assert.Equal(outcome.Profile.Lifecycle, await Client.GetLifecycleAsync(customer));
        Assert.Equal(before.GetValueOrDefault(LifecycleDefaults.Onboarding) + 1, (await Client.GetStageCountsAsync())[LifecycleDefaults.Onboarding]);
    }

    [Fact]
    public async Task LifecycleEvent_IsRefused_WhenTheProfileOwnsTheLifecycle_AndNothingIsSaved()
    {
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, Day1, "o-1", 100));
        var profile = await Client.GetProfileAsync(customer);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.ApplyAsync(Events.Purchase(customer, "e-1", Day1)));

        Assert.Equal($"Customer '{customer}': this cluster keeps the lifecycle record in the profile, so events are derived from facts; send the event e-1 as a CustomerFact instead.", error.Message);
        Assert.Equal(profile, await Client.GetProfileAsync(customer));
    }

    [Fact]
    public async Task LifecycleEvaluation_BeforeTheProfilesLatestFact_IsRefused_AndALaterOneMovesTheProfilesRecord()
    {
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, Day1, "o-1", 100));
        var profile = (await Client.ApplyAsync(CustomerFact.CsatAnswer("f-2", customer, Day1 + Duration.FromDays(10), 4))).Profile!;

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.EvaluateAsync(customer, Day1 + Duration.FromDays(5)));
        var later = await Client.EvaluateAsync(customer, Day1 + Duration.FromDays(400));

        Assert.StartsWith($"asOf: must not be before the profile's latest fact at {profile.LastFactAt} but was {Day1 + Duration.FromDays(5)}.", error.Message);
        Assert.Equal(LifecycleDefaults.Churned, later!.Record!.Stage);
        Assert.Equal(profile with { Lifecycle = later.Record }, await Client.GetProfileAsync(customer));
    }

    [Fact]
    public async Task FactOrCommandForAnotherCustomer_FailsWithBothIds_AndSavesNothing()
    {
        var customer = Events.NewCustomer();
        var other = Events.NewCustomer();

        var fact = await Assert.ThrowsAsync<ArgumentException>(() => Client.Customer(customer).ApplyFactAsync(CustomerFact.Login("f-1", other, Day1)));
        var command = await Assert.ThrowsAsync<ArgumentException>(() => Client.Customer(customer).ApplyLoyaltyAsync(new LoyaltyLogin { Key = "k-1", Member = other, At = Day1 }));

        Assert.StartsWith($"The fact f-1 is for customer '{other}', not '{customer}'; send it to its own customer's grain.", fact.Message);
        Assert.StartsWith($"The command k-1 is for customer '{other}', not '{customer}'; send it to its own customer's grain.", command.Message);
        Assert.Null(await Client.GetProfileAsync(customer));
        Assert.Null(await Client.GetLoyaltyAsync(customer));
        Assert.Null(await Client.GetProfileAsync(other));
    }

    [Fact]
    public async Task RejectedFact_AndRefusedCommand_SaveNothing()
    {
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, Day1, "o-1", 100));
        await Client.ApplyAsync(Purchase(customer, "k-1", Day1, 100));
        var profile = await Client.GetProfileAsync(customer);
        var ledger = await Client.GetLoyaltyAsync(customer);

        var refund = await Client.ApplyAsync(CustomerFact.Refund("f-2", customer, Day1, "o-9", 10));
        var redemption = await Client.ApplyAsync(new LoyaltyRedemption { Key = "k-2", Member = customer, At = Day1, RewardId = "no-such-reward" });

        Assert.Equal(ProfileOutcomeStatus.Rejected, refund.Status);
        Assert.Equal(LoyaltyOutcomeStatus.Rejected, redemption.Status);
        Assert.Equal(profile, await Client.GetProfileAsync(customer));
        Assert.Equal(ledger, await Client.GetLoyaltyAsync(customer));
    }

    [Fact]
    public async Task ProfileAndLedger_SurviveTheGrainsDeactivation()
    {
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(CustomerFact.Purchase("f-1", customer, Day1, "o-1", 100));
        await Client.ApplyAsync(CustomerFact.NpsAnswer("f-2", customer, Day1 + Duration.FromDays(3), 9));
        await Client.ApplyAsync(Purchase(customer, "k-1", Day1, 250));
        var profile = await Client.GetProfileAsync(customer);
        var ledger = await Client.GetLoyaltyAsync(customer);

        await fixture.Cluster.Cluster.DeactivateAsync(Client.Customer(customer));

        Assert.Equal(profile, await Client.GetProfileAsync(customer));
        Assert.Equal(ledger, await Client.GetLoyaltyAsync(customer));
        Assert.Equal(profile!.Lifecycle, await Client.GetLifecycleAsync(customer));
        Assert.Equal(FacetClusterFixture.LoyaltyEngine.Evaluate(ledger!, Day1 + Duration.FromDays(1)), await Client.EvaluateLoyaltyAsync(customer, Day1 + Duration.FromDays(1)));
    }

    [Fact]
    public async Task ManyClientsSendingFactsAndCommandsForTheSameCustomers_LoseNothing_AndApplyNothingTwice()
    {
        const int clients = 6;
        const int perClient = 20;
        var customers = Enumerable.Range(0, 4).Select(_ => Events.NewCustomer()).ToArray();
        var applied = new List<LoyaltyOutcome>();

        // All at one instant, so that none is late whatever order they arrive in; every client also resends the client
        // before it: each fact and command arrives twice.
        var sends = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < perClient; i++)
            {
                foreach (var owner in (int[])[client, (client + clients - 1) % clients])
                {
                    var customer = customers[(owner + i) % customers.Length];
                    await Client.ApplyAsync(CustomerFact.Purchase($"f-{owner}-{i}", customer, Day1, $"o-{owner}-{i}", 10));
                    var outcome = await Client.ApplyAsync(Purchase(customer, $"k-{owner}-{i}", Day1, 10));
                    if (outcome.Status == LoyaltyOutcomeStatus.Applied)
                    {
                        lock (applied)
                        {
                            applied.Add(outcome);
                        }
                    }
                }
            }
        }));
        await Task.WhenAll(sends);

        var profiles = await Task.WhenAll(customers.Select(Client.GetProfileAsync));
        var ledgers = await Task.WhenAll(customers.Select(Client.GetLoyaltyAsync));
        Assert.All(profiles, p => Assert.Equal(clients * perClient / customers.Length, p!.FactCount));
        Assert.All(profiles, p => Assert.Equal(p!.FactCount, p.Lifecycle.EventCount));
        Assert.Equal(clients * perClient, applied.Count);
        Assert.Equal(applied.Sum(o => o.Entries.Length), ledgers.Sum(l => l!.Entries.Length));
    }

    private static LoyaltyPurchase Purchase(CustomerId member, string key, Instant at, decimal amount)
        => new() { Key = key, Member = member, At = at, OrderId = $"order-{key}", Amount = amount };
}
