using CustomerLifecycle.Profile;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

public sealed class ProfileServiceTests
{
    [Fact]
    public async Task ApplyAsync_LoadsAppliesAndSaves()
    {
        var store = new InMemoryProfileStore();
        var service = new ProfileService(Engine, store);

        var outcome = await service.ApplyAsync(CustomerFact.Purchase("p-1", Eve, At(2026, 12, 10), "o-1", 80));

        var stored = await store.LoadAsync(Eve);
        Assert.Equal(ProfileOutcomeStatus.Applied, outcome.Status);
        Assert.Equal(1, stored!.Version);
        Assert.Equal(outcome.Profile, stored.Record);
    }

    [Fact]
    public async Task ADuplicateOrRejectedFact_SavesNothing()
    {
        var store = new InMemoryProfileStore();
        var service = new ProfileService(Engine, store);
        var purchase = CustomerFact.Purchase("p-1", Eve, At(2026, 12, 10), "o-1", 80);
        await service.ApplyAsync(purchase);

        var again = await service.ApplyAsync(purchase);
        var refused = await service.ApplyAsync(CustomerFact.Refund("r-1", Eve, At(2026, 12, 11), "o-2", 5));

        Assert.Equal((ProfileOutcomeStatus.Duplicate, ProfileOutcomeStatus.Rejected), (again.Status, refused.Status));
        Assert.Equal(1, (await store.LoadAsync(Eve))!.Version);
    }

    [Fact]
    public async Task EvaluateAsync_SavesWhatTheEvaluationChanged_AndOnlyThen()
    {
        var store = new InMemoryProfileStore();
        var service = new ProfileService(Engine, store);
        foreach (var fact in EveFacts())
        {
            await service.ApplyAsync(fact);
        }

        var population = Engine.Prepare([(await store.LoadAsync(Eve))!.Record], AsOf);

        // 2027-01-01: eve's band AtRisk (44.44, ProfileExampleTests) is fed, declining-health moves her to Declining, and her
        // tier state (General) is kept: version 4. The same instant again changes nothing.
        var first = await service.EvaluateAsync(Eve, population, AsOf);
        var again = await service.EvaluateAsync(Eve, population, AsOf);
        var versionAfterAgain = (await store.LoadAsync(Eve))!.Version;

        // 2027-07-01: still AtRisk and General, but no activity since 2026-12-10: churned-inactive fired at 2027-06-08.
        var churned = await service.EvaluateAsync(Eve, population, At(2027, 7, 1));

        var stored = await store.LoadAsync(Eve);
        Assert.True(first!.Changed);
        Assert.Equal("Declining", first.Profile.Lifecycle.Stage);
        Assert.False(again!.Changed);
        Assert.Equal(4, versionAfterAgain);
        Assert.Equal(At(2026, 12, 10) + NodaTime.Duration.FromDays(180), churned!.Lifecycle.Transitions.Single().At);
        Assert.Equal((5L, "Churned"), (stored!.Version, stored.Record.Lifecycle.Stage));
        Assert.Null(await service.EvaluateAsync(Ada, population, AsOf));
    }

    [Fact]
    public async Task ManyTasksApplyingFactsToOneCustomer_LoseNoFact()
    {
        var store = new InMemoryProfileStore();
        var service = new ProfileService(Engine, store, new RetryOptions { MaxAttempts = 100 });
        await service.ApplyAsync(CustomerFact.Purchase("p-0", Ada, At(2026, 12, 1), "o-0", 10));

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(async () => await service.ApplyAsync(CustomerFact.Referral($"r-{i}", Ada, At(2026, 12, 2))))));

        Assert.Equal(20, (await store.LoadAsync(Ada))!.Record.ReferralCount);
    }
}
