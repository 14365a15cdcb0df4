using CustomerLifecycle.Profile;
using CustomerLifecycle.Value;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

/// <summary>
/// The five customers of <see cref="ProfileTestKit"/> at 2027-01-01, every figure worked out by hand from their facts.
/// Net spends: ada 570, bob 19 × 500 − 200 = 9300, cy 600, dee 0, eve 80 − 30 = 50; total 10520. Revenue-share cuts: bob
/// alone reaches 50% (Core) and 80% (Key), bob + cy + ada (10470) reach 95%: value tiers bob Core, cy and ada Potential
/// (cut 570), dee and eve General.
/// </summary>
public sealed class ProfileExampleTests
{
    private static readonly ProfileRecord[] Customers = Population();
    private static readonly ProfilePopulation Prepared = WithModel(Engine.Prepare(Customers, AsOf));

    public static TheoryData<string, string, string, int, int, int, string, string, double> Expected() => new()
    {
        // ada: first purchase 2026-08-03, 3 months later with activity the day before → Growing. Last purchase 59.6 days ago
        // → R4 (≤ 90), 4 purchases → F3 (≥ 3), 570 → M3 (≥ 500): Potential Loyalist. Value tier Potential, growth potential
        // and 3 logins a week → Key. Health (25·100 + 20·50 + 15·100 + 15·100 + 15·80 + 10·100) / 100 = 87.
        { "ada", "Growing", "Potential Loyalist", 4, 3, 3, "Key", "Healthy", 87 },

        // bob: Mature at 12 months (2026-06-15) with ≥ 3 purchases in 12 months and a referral → Loyal. 16.6 days → R5,
        // 19 → F5, 9300 → M5: Champions. Core value tier, 4 logins a week, 564 days' tenure → Core. Health: usage trend
        // has no baseline (no usage Jul–Sep) and no invoice: (25·100 + 20·100 + 15·100 + 15·100) / 75 = 100.
        { "bob", "Loyal", "Champions", 5, 5, 5, "Core", "Healthy", 100 },

        // cy: Growing from 2026-05-01, cancelled 2026-11-20 → Churned. 305.6 days → R2, 2 → F2, 600 → M3: Loyal Customers.
        // Value tier Potential → Potential. Health: no login in 28 days (0), no feature (0), usage 2 (Oct–Dec) vs 3 (Jul–Sep)
        // → −1/3 → 58.33, support 1 open complaint + 2 tickets in 90 days = 3 → 40, NPS 3 → 30, no invoice:
        // (15·58.33 + 15·40 + 15·30) / 90 = 21.39.
        { "cy", "Churned", "Loyal Customers", 2, 2, 3, "Potential", "AtRisk", 21.39 },

        // dee: a contact → Engaged. Never bought → R1 F1 M1: Lost. Ideal profile → Potential. Health: 2 logins in 28 days =
        // 0.5 a week → 16.67, no feature (0), support 100, no usage baseline, NPS or invoice: (25·16.67 + 0 + 15·100) / 60 = 31.94.
        { "dee", "Engaged", "Lost", 1, 1, 1, "Potential", "AtRisk", 31.94 },

        // eve: a purchase 2026-12-10 → Onboarding. 21.6 days → R5, 1 → F1, 50 → M1: New Customers. General value tier, no
        // rule → General. Health: never logged in, no usage, feature adoption 0, support 100, invoice 30 days overdue → 50:
        // (0 + 15·100 + 10·50) / 45 = 44.44 → AtRisk, fed to the lifecycle at the evaluation: declining-health moves her from
        // Onboarding to Declining at 2027-01-01.
        { "eve", "Declining", "New Customers", 5, 1, 1, "General", "AtRisk", 44.44 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void EachCustomer_HasTheStageSegmentTierAndHealthWorkedOutByHand(string customer, string stage, string segment, int r, int f, int m, string tier, string band, double score)
    {
        var view = Engine.Evaluate(Profile(customer), Prepared, AsOf);

        Assert.Equal(stage, view.Profile.Lifecycle.Stage);
        Assert.Equal(segment, view.Rfm.Score.Segment);
        Assert.Equal((r, f, m), (view.Rfm.Score.Recency, view.Rfm.Score.Frequency, view.Rfm.Score.Monetary));
        Assert.Equal(tier, view.Tier.Assignment.TierName);
        Assert.Equal(band, view.Health.Band);
        Assert.Equal(score, view.Health.Score!.Value.Value, 2);
    }

    [Fact]
    public void EveryHealthFactor_IsDerivedFromTheFacts()
    {
        var ada = Engine.Evaluate(Profile("ada"), Prepared, AsOf).Health;
        var cy = Engine.Evaluate(Profile("cy"), Prepared, AsOf).Health;

        // ada: 12 logins in 28 days = 3 a week; 2 of 4 features; usage 12 (Dec logins) vs 8 (Aug, Sep) = +0.5; no ticket;
        // NPS 8; the one invoice paid.
        Assert.Equal([3, 0.5, 0.5, 0, 8, 0], ada.Factors.Select(c => c.RawValue!.Value));
        Assert.Equal(1, ada.Coverage);

        // cy: no login in the window; no feature; −1/3; 1 open complaint + tickets t-1 and t-3 opened within 90 days; NPS 3;
        // never invoiced (missing).
        Assert.Equal([0, 0, -1 / 3.0, 3, 3], cy.Factors.Take(5).Select(c => c.RawValue!.Value));
        Assert.Null(cy.Factor("payment")!.RawValue);
    }

    [Fact]
    public void TheClv_IsTheModelsPrediction_ForTheSummaryWorkedOutByHand()
    {
        // ada, weekly periods: purchase days 08-03, 09-07, 10-05, 11-02 → x = 3; last repeat 91 days = 13 weeks after the
        // first; T = 151 days to 2027-01-01; repeat spend (150 + 200 + 120) / 3.
        var summary = CustomerSummary.Create(Ada, 3, 13, 151 / 7.0, 470 / 3.0);
        var expected = new ValueEngine(new ValueOptions()).Evaluate(summary, Model);

        var view = Engine.Evaluate(Profile("ada"), Prepared, AsOf);

        Assert.Equal(expected, view.Value);
        Assert.Equal(110.61, view.Value!.Value.Clv, 2);
    }

    [Fact]
    public void TheClvSummary_CountsRefundsAfterTheFirstPurchaseDay_AsTheValueEngineDoes()
    {
        // bob: 18 repeat months of 500, the refund of 200 on 2026-12-20 after them → (9000 − 200) / 18.
        var transactions = BobFacts().Where(f => f.Kind is CustomerFactKind.Purchase or CustomerFactKind.Refund)
            .Select(f => new ValueTransaction(Bob, f.OccurredAt, f.Kind == CustomerFactKind.Refund ? -f.Amount!.Value : f.Amount!.Value))
            .ToArray();
        var summarized = new ValueEngine(new ValueOptions()).Summarize(transactions, AsOf).Customers.Single();
        var model = new ValueEngine(new ValueOptions()).Evaluate(summarized, Model);

        var view = Engine.Evaluate(Profile("bob"), Prepared, AsOf);

        Assert.Equal(8800 / 18.0, summarized.MonetaryValue, 9);
        Assert.Equal(model, view.Value);
    }

    [Fact]
    public void ACustomerWhoNeverBought_HasNoClv_AndTheExplanationSaysWhy()
    {
        var why = Engine.Explain(Profile("dee"), Prepared, AsOf);

        Assert.Null(why.Result.Value);
        Assert.Equal("Engaged · Potential · AtRisk 32 · no CLV", why.Decision);
        Assert.Contains(why.Reasons, r => r.Code == "profile.no-clv" && r.Message == "No CLV: the customer has not bought yet.");
    }

    [Fact]
    public void APopulationWhoseFitGaveNoModel_GivesNoClv()
    {
        var fewBuyers = Engine.Prepare([Profile("dee"), Profile("eve")], AsOf);

        var view = Engine.Evaluate(Profile("eve"), fewBuyers, AsOf);

        Assert.Null(fewBuyers.Model);
        Assert.Null(view.Value);
    }

    [Fact]
    public void TheDecision_NamesStageTierHealthAndClv_AndTheReasonsKeepTheirEnginesPrefixes()
    {
        var why = Engine.Explain(Profile("ada"), Prepared, AsOf);

        Assert.Equal("ada", why.Subject);
        Assert.Equal("Growing · Key · Healthy 87 · CLV 110.61", why.Decision);
        Assert.Equal(["health", "lifecycle", "profile", "tiering", "value"], why.Reasons.Select(r => r.Code.Split('.')[0]).Distinct().Order());
        Assert.Contains(why.Reasons, r => r.Code == "profile.tier-value" && r.Message == "The tiers rank the net spend: 570.00 for this customer.");
        Assert.Contains(why.Reasons, r => r.Message == "Segment 'Potential Loyalist': scores R4 F3 M3 match R 3-5, F 3-5, M 2-5.");
        Assert.Contains(why.Reasons, r => r.Message == "Factor \"nps\": 8 → 80 points × 15% of the score = 12 points.");
    }

    [Fact]
    public void TheContactPlan_FollowsTheTier_FromTheLastContact()
    {
        var bob = Engine.Evaluate(Profile("bob"), Prepared, AsOf);
        var dee = Engine.Evaluate(Profile("dee"), Prepared, AsOf);

        Assert.Equal(At(2026, 12, 15, 12) + NodaTime.Duration.FromDays(30), bob.Contact.Due.NextDue);
        Assert.Equal(At(2026, 12, 1) + NodaTime.Duration.FromDays(182), dee.Contact.Due.NextDue);
    }

    [Fact]
    public void Evaluating_FiresTheTimeRulesDue_AndReturnsTheProfileToSave()
    {
        // eve has had no activity since 2026-12-10: 60 days later, still onboarding, she has churned.
        var eve = Profile("eve");

        var view = Engine.Evaluate(eve, Prepared, At(2027, 3, 1));

        Assert.True(view.Changed);
        Assert.Equal("Churned", view.Profile.Lifecycle.Stage);
        Assert.Equal(At(2026, 12, 10) + NodaTime.Duration.FromDays(60), view.Lifecycle.Transitions.Single().At);
        Assert.Equal("Onboarding", eve.Lifecycle.Stage);

        // ada: no rule fires, but a first evaluation keeps her tier state and feeds her band (Healthy); evaluating the saved
        // profile again at the same instant changes nothing and returns that very profile.
        var ada = Engine.Evaluate(Profile("ada"), Prepared, AsOf);
        Assert.True(ada.Changed);
        Assert.Empty(ada.Lifecycle.Transitions);
        Assert.Same(ada.Profile, Engine.Evaluate(ada.Profile, Prepared, AsOf).Profile);
    }

    private static ProfileRecord Profile(string customer) => Customers.Single(p => p.Customer.Value == customer);

    [Fact]
    public void TheBatch_AllocatesNothing_ForProfilesThatDoNotChange()
    {
        var outputs = new CustomerViewSummary[Customers.Length];
        Engine.Evaluate(Customers, Prepared, AsOf, outputs);
        var settled = outputs.Select(o => o.Profile).ToArray();
        Engine.Evaluate(settled, Prepared, AsOf, outputs);

        var changed = -1;
        var allocated = Allocations.Fewest(() => changed = Engine.Evaluate(settled, Prepared, AsOf, outputs));

        Assert.Equal(0, changed);
        Assert.Equal(0, allocated);
    }
}
