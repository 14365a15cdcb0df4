using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Tests.Docs;

public sealed class ProfileDocSamples
{
    [Fact]
    public void QuickStart_FoldsFactsAndEvaluatesTheWholeCustomer()
    {
        #region snippet: profile-quick-start
        var engine = new ProfileEngine(new ProfileOptions { Features = ["reports", "exports", "api", "alerts"] });
        var ada = CustomerId.From("ada");

        // Whatever the host records, as facts: any order, duplicates allowed.
        CustomerFact[] facts =
        [
            CustomerFact.Purchase("f-1", ada, Instant.FromUtc(2026, 8, 3, 10, 0), orderId: "o-1", amount: 100),
            CustomerFact.FeatureUsage("f-2", ada, Instant.FromUtc(2026, 8, 10, 10, 0), "reports", quantity: 4),
            CustomerFact.Purchase("f-3", ada, Instant.FromUtc(2026, 9, 7, 10, 0), orderId: "o-2", amount: 150),
            CustomerFact.Purchase("f-4", ada, Instant.FromUtc(2026, 11, 2, 10, 0), orderId: "o-3", amount: 120),
            CustomerFact.NpsAnswer("f-5", ada, Instant.FromUtc(2026, 11, 15, 10, 0), score: 8),
            CustomerFact.Login("f-6", ada, Instant.FromUtc(2026, 12, 28, 10, 0)),
        ];
        ProfileRecord profile = engine.Replay(ada, facts).Profile!;

        // Population-level steps once (RFM cuts, value-tier cuts, the CLV fit), then each customer against them.
        var asOf = Instant.FromUtc(2027, 1, 1, 0, 0);
        ProfilePopulation population = engine.Prepare([profile /* , every other customer's profile */], asOf);
        CustomerView view = engine.Evaluate(profile, population, asOf);
        // view.Lifecycle: Growing since 2026-11-03, then Declining: the band AtRisk, fed to the lifecycle at asOf, fires
        // declining-health; view.Rfm, view.Tier, view.Contact; view.Health: every factor from the facts;
        // view.Value: the CLV, or null while the population's fit gives no model
        if (view.Changed)
        {
            profile = view.Profile; // save it: the stage moved, the band fed and the tier state are kept in the profile
        }

        // For a person: the decision in one line and every engine's reasons.
        Explanation<CustomerView> why = engine.Explain(profile, population, asOf);
        Console.WriteLine(why.Decision); // Declining · Potential · AtRisk 39 · no CLV
        #endregion

        Assert.Equal(("Growing", "Declining"), (view.Lifecycle.Transitions.Single().From, view.Lifecycle.Transitions.Single().To));
        Assert.Equal("declining-health", view.Lifecycle.Transitions.Single().RuleId);
        Assert.Equal("Declining · Potential · AtRisk 39 · no CLV", why.Decision);
        Assert.False(why.Result.Changed);
    }

    [Fact]
    public void Apply_ReportsWhatItRefuses()
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var ada = CustomerId.From("ada");
        var purchase = CustomerFact.Purchase("f-1", ada, Instant.FromUtc(2026, 12, 1, 10, 0), "o-1", 50);

        #region snippet: profile-apply
        ProfileOutcome outcome = engine.TryApply(null, purchase);           // Applied: a new profile, stage Onboarding
        ProfileRecord profile = outcome.Profile!;

        outcome = engine.TryApply(profile, purchase);                        // Duplicate: nothing changed
        outcome = engine.TryApply(profile, CustomerFact.Refund("f-2", ada, Instant.FromUtc(2026, 12, 2, 10, 0), "o-9", 10));
        // Rejected: "OrderId: no order 'o-9' within the refund window (90 days) before 2026-12-02T10:00:00Z."
        #endregion

        Assert.Equal(ProfileOutcomeStatus.Rejected, outcome.Status);
        Assert.Equal("OrderId: no order 'o-9' within the refund window (90 days) before 2026-12-02T10:00:00Z.", outcome.Reasons[0].Message);
    }

    [Fact]
    public void Leads_AreScoredFromTheAttributesAndContacts_AndMoveTheLifecycle()
    {
        #region snippet: profile-lead
        var engine = new ProfileEngine(new ProfileOptions { LeadScoring = new LeadScoringOptions() });
        var fay = CustomerId.From("fay");
        ProfileRecord profile = engine.Replay(fay,
        [
            CustomerFact.AttributesSet("f-1", fay, Instant.FromUtc(2026, 10, 1, 0, 0),
                new CustomerAttributes(Industry: "software", Size: "50-200", Region: "europe") { Flags = ["uses-erp"] }),
            CustomerFact.Contact("f-2", fay, Instant.FromUtc(2026, 12, 2, 0, 0), channel: "demo-request"),
        ]).Profile!;                                                   // the contact moved fay to Engaged

        var asOf = Instant.FromUtc(2027, 1, 1, 0, 0);
        CustomerView view = engine.Evaluate(profile, engine.Prepare([profile], asOf), asOf);
        // view.Lead: fit 100, a demo request 30 days old (half its 30 points) → 0.5 · 100 + 0.5 · 15 = 57.5, MarketingQualified

        profile = engine.TryApply(profile, CustomerFact.AttributesSet("f-3", fay, Instant.FromUtc(2027, 1, 2, 0, 0),
            new CustomerAttributes { Flags = ["spam"] })).Profile!;   // disqualified at this fold: stage Disqualified
        #endregion

        Assert.Equal(57.5, view.Lead!.Total);
        Assert.Equal(LeadQualification.MarketingQualified, view.Lead.Qualification);
        Assert.Equal("Disqualified", profile.Lifecycle.Stage);
    }

    [Fact]
    public async Task Service_AppliesAndSavesThroughTheStore()
    {
        #region snippet: profile-service
        var services = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureProfile(o => o.Features = ["reports", "exports"]))
            .AddInMemoryProfileStore(); // or the host's own IProfileStore
        using var provider = services.BuildServiceProvider();
        var profiles = provider.GetRequiredService<ProfileService>();

        var ada = CustomerId.From("ada");
        await profiles.ApplyAsync(CustomerFact.Login("f-9", ada, Instant.FromUtc(2026, 12, 28, 10, 0)), CancellationToken.None);
        #endregion

        Assert.NotNull(await provider.GetRequiredService<IProfileStore>().LoadAsync(ada));
    }

    [Fact]
    public async Task Loyalty_IsKeptBesideTheProfile_AndEvaluatedWithIt()
    {
        #region snippet: profile-loyalty
        var services = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureProfile(o => o.Loyalty = new LoyaltyOptions())) // 1 point a unit, 14 days pending
            .AddInMemoryProfileStore()
            .AddInMemoryLoyaltyStore(); // the ledgers, beside the profiles: or the host's own ILoyaltyStore
        using var provider = services.BuildServiceProvider();
        var profiles = provider.GetRequiredService<ProfileService>();
        var ada = CustomerId.From("ada");

        ProfileOutcome bought = await profiles.ApplyAsync(CustomerFact.Purchase("f-1", ada, Instant.FromUtc(2026, 12, 1, 10, 0), "o-1", 120.50));
        // bought.Loyalty: Applied, an Earn of 120 points keyed "fact:f-1", pending until 2026-12-15T10:00:00Z
        ProfileOutcome refunded = await profiles.ApplyAsync(CustomerFact.Refund("f-2", ada, Instant.FromUtc(2026, 12, 5, 10, 0), "o-1", 20.50));
        // inside the holding period: 20 of its 120 points cancelled

        var engine = provider.GetRequiredService<ProfileEngine>();
        var asOf = Instant.FromUtc(2027, 1, 1, 0, 0);
        ProfilePopulation population = engine.Prepare([refunded.Profile!], asOf);
        CustomerView? view = await profiles.EvaluateAsync(ada, population, asOf);
        // view.Loyalty.Balance: 100 available (its TierLevel is what tier rules read as LoyaltyLevel)

        LoyaltyRecord? ledger = (await provider.GetRequiredService<ILoyaltyStore>().LoadAsync(ada))?.Record;
        Console.WriteLine(engine.Explain(refunded.Profile!, ledger, population, asOf).Decision);
        // Onboarding · Potential · Healthy 100 · no CLV · loyalty 100 available, 0 pending; the reasons end with the ledger's
        #endregion

        Assert.Equal((LoyaltyOutcomeStatus.Applied, "fact:f-1", 120L), (bought.Loyalty!.Status, bought.Loyalty.Entries.Single().Key, bought.Loyalty.Entries.Single().Points));
        Assert.Equal(-20L, refunded.Loyalty!.Entries.Single().Points);
        Assert.Equal(100L, view!.Loyalty!.Balance.Available);
        Assert.Equal("Onboarding · Potential · Healthy 100 · no CLV · loyalty 100 available, 0 pending", engine.Explain(refunded.Profile!, ledger, population, asOf).Decision);
    }

    [Fact]
    public void ThePurchasesOnlyPreset_ScoresHealthFromBuying()
    {
        var services = new ServiceCollection();
        #region snippet: profile-purchases-only
        services.AddProfile(ProfilePresets.PurchasesOnly); // or: ProfilePresets.PurchasesOnly(options) on options of one's own

        // Three purchases in the last 365 days, the latest 30 days ago, one in the last 90 days against one in the 90 before:
        // health 50 × (1 − 30/365) + 30 × 3/6 + 20 × 1 = 80.9, every factor from the facts (coverage 1)
        #endregion

        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ProfileEngine>();
        var ada = CustomerId.From("ada");
        var asOf = Instant.FromUtc(2027, 1, 1, 0, 0);
        var profile = engine.Replay(ada,
        [
            CustomerFact.Purchase("f-1", ada, asOf - Duration.FromDays(200), "o-1", 80),
            CustomerFact.Purchase("f-2", ada, asOf - Duration.FromDays(100), "o-2", 120),
            CustomerFact.Purchase("f-3", ada, asOf - Duration.FromDays(30), "o-3", 100),
        ]).Profile!;
        var health = engine.Evaluate(profile, engine.Prepare([profile], asOf), asOf).Health;
        Assert.Equal((1.0, 80.9), (health.Coverage, Math.Round(health.Score!.Value.Value, 1)));
    }
}
