using System.Reflection;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Tests.TestHost;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(ClusterFixture fixture)
{
    private static readonly Instant Day1 = CustomerCluster.Start;

    private CustomerLifecycleClient Client => fixture.Cluster.Client;

    [Fact]
    public async Task AppliedEvent_IsSavedAndReadBack_AsTheEngineWouldHaveIt()
    {
        var customer = Events.NewCustomer();
        var purchase = Events.Purchase(customer, "p-1", Day1);

        var outcome = await Client.ApplyAsync(purchase);
        var expected = new LifecycleEngine(new LifecycleOptions()).TryApply(null, purchase);

        Assert.Equal(LifecycleOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(expected.Record, outcome.Record);
        Assert.Equal(expected.Transitions, outcome.Transitions);
        Assert.Equal(expected.Record, await Client.GetLifecycleAsync(customer));
    }

    [Fact]
    public async Task SameEventTwice_IsAppliedOnce_AndReportedAsDuplicate()
    {
        var customer = Events.NewCustomer();
        var purchase = Events.Purchase(customer, "p-1", Day1);

        await Client.ApplyAsync(purchase);
        var again = await Client.ApplyAsync(purchase);

        Assert.Equal(LifecycleOutcomeStatus.Duplicate, again.Status);
        Assert.Equal(1, (await Client.GetLifecycleAsync(customer))!.EventCount);
    }

    [Fact]
    public async Task EventForAnotherCustomer_FailsWithTheBothIds_AndSavesNothing()
    {
        var customer = Events.NewCustomer();
        var other = Events.NewCustomer();
        var purchase = Events.Purchase(other, "p-1", Day1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.Customer(customer).ApplyAsync(purchase));

        Assert.StartsWith($"The event p-1 is for customer '{other}', not '{customer}'; send it to its own customer's grain.", error.Message);
        Assert.Null(await Client.GetLifecycleAsync(customer));
        Assert.Null(await Client.GetLifecycleAsync(other));
    }

    [Fact]
    public async Task FactsAndLoyaltyCommands_AreRefused_BySilosThatDoNotKeepThem()
    {
        var customer = Events.NewCustomer();

        var fact = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.ApplyAsync(Profile.CustomerFact.Login("f-1", customer, Day1)));
        var command = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.ApplyAsync(new Loyalty.LoyaltyLogin { Key = "k-1", Member = customer, At = Day1 }));

        Assert.Equal("This silo hosts no customer profiles: the silo builder calls AddCustomerProfile to keep them.", fact.Message);
        Assert.Equal("This silo hosts no loyalty accounts: the silo builder calls AddCustomerLoyalty to keep them, or AddCustomerProfile with a policy that has a programme (ProfileOptions.Loyalty).", command.Message);
        Assert.Null(await Client.GetProfileAsync(customer));
        Assert.Null(await Client.GetLoyaltyAsync(customer));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.EvaluateProfileAsync(customer, Day1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.EvaluateLoyaltyAsync(customer, Day1));
    }

    [Fact]
    public async Task RejectedEvent_IsReportedWithTheEnginesReason_AndSavesNothing()
    {
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(Events.Purchase(customer, "p-1", Day1));
        var before = await Client.GetLifecycleAsync(customer);

        // The default policy takes a closure only from Declining or Churned; the customer is onboarding.
        var outcome = await Client.ApplyAsync(LifecycleEvent.Create("x-1", customer, LifecycleEventKind.Closure, Day1 + Duration.FromDays(1)));

        Assert.Equal(LifecycleOutcomeStatus.Rejected, outcome.Status);
        Assert.False(outcome.Changed);
        Assert.Equal(before, outcome.Record);
        var reason = Assert.Single(outcome.Reasons);
        Assert.Equal("lifecycle.event-not-permitted", reason.Code);
        Assert.Equal(
            $"Cannot apply Closure event 'x-1' to customer '{customer}' in stage 'Onboarding': no rule from 'Onboarding' handles Closure. Remedy: Closure is handled in: Declining, Churned; send it only there, or add a rule from 'Onboarding' on Closure to the policy.",
            reason.Message);
        Assert.Equal(before, await StoredLifecycleAsync(customer));
    }

    [Fact]
    public async Task MalformedEvent_IsRefusedBeforeItReachesTheGrain_WithTheFactorysError_AndSavesNothing()
    {
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(Events.Purchase(customer, "p-1", Day1));
        var before = await Client.GetLifecycleAsync(customer);

        // LifecycleEvent's factories refuse a blank id, so this SDK cannot make one: a peer on another build, or a payload
        // written by hand, still can. The private constructor stands in for them.
        var malformed = (LifecycleEvent)typeof(LifecycleEvent).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single(c => c.GetParameters().Length == 7)
            .Invoke([" ", customer, LifecycleEventKind.Purchase, Day1 + Duration.FromDays(1), null, null, null]);

        // The silo rebuilds the event through its factory as it reads the message, and answers with the factory's error (its
        // message: Orleans carries an exception's type and message across, not its ParamName).
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.ApplyAsync(malformed));

        Assert.Equal("The value cannot be an empty string or composed entirely of whitespace. (Parameter 'id')", error.Message);
        Assert.Equal(before, await StoredLifecycleAsync(customer));
    }

    [Fact]
    public async Task Evaluate_AtALaterInstant_SavesTheTimeRuleThatFired()
    {
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(Events.Purchase(customer, "p-1", Day1));
        var record = (await Client.GetLifecycleAsync(customer))!;

        var outcome = await Client.EvaluateAsync(customer, record.NextCheckAt + Duration.FromDays(1));
        var expected = new LifecycleEngine(new LifecycleOptions()).Evaluate(record, record.NextCheckAt + Duration.FromDays(1));

        Assert.NotEmpty(outcome!.Transitions);
        Assert.Equal(expected.Record, outcome.Record);
        Assert.Equal(expected.Record, await Client.GetLifecycleAsync(customer));
    }

    [Fact]
    public async Task Explain_GivesTheEnginesExplanation_AndSavesNothing()
    {
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(Events.Purchase(customer, "p-1", Day1));
        var record = (await Client.GetLifecycleAsync(customer))!;
        var asOf = record.NextCheckAt + Duration.FromDays(1);

        var explained = await Client.ExplainAsync(customer, asOf);
        var expected = new LifecycleEngine(new LifecycleOptions()).Explain(record, asOf);

        Assert.Equal(expected.Decision, explained!.Decision);
        Assert.Equal(expected.Reasons, explained.Reasons);
        Assert.Equal(Flatten(expected.Result.NotFired), Flatten(explained.Result.NotFired));
        Assert.Equal(record, await Client.GetLifecycleAsync(customer));
    }

    [Fact]
    public async Task CustomerWithoutEvents_HasNoRecordToEvaluateOrExplain()
    {
        var customer = Events.NewCustomer();

        Assert.Null(await Client.EvaluateAsync(customer, Day1));
        Assert.Null(await Client.ExplainAsync(customer, Day1));
        Assert.Null(await Client.GetLifecycleAsync(customer));
    }

    [Fact]
    public async Task StageCounts_FollowEachCustomersMoves()
    {
        var before = await Client.GetStageCountsAsync();
        var customer = Events.NewCustomer();
        await Client.ApplyAsync(Events.Purchase(customer, "p-1", Day1));
        var stage = (await Client.GetLifecycleAsync(customer))!.Stage;

        var after = await Client.GetStageCountsAsync();

        Assert.Equal(before.GetValueOrDefault(stage) + 1, after[stage]);
        Assert.Equal(before.Values.Sum() + 1, after.Values.Sum());
    }

    /// <summary>The customer's record as saved: read by a new activation, from storage.</summary>
    private async Task<LifecycleRecord?> StoredLifecycleAsync(CustomerId customer)
    {
        await fixture.Cluster.Cluster.DeactivateAsync(Client.Customer(customer));
        return await Client.GetLifecycleAsync(customer);
    }

    // RuleCheck's record equality compares its reason lists by reference; these compare them item by item.
    private static IEnumerable<(string RuleId, string To, string Reasons)> Flatten(IReadOnlyList<RuleCheck> checks)
        => checks.Select(c => (c.RuleId, c.To, string.Join(" | ", c.Reasons)));
}
