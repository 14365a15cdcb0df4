using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Tests.Profile;

/// <summary>
/// Prospects scored by the profile with the default lead policy (fit: industry software 30, 50–1000 employees 30, region
/// europe 20, flag uses-erp 20; engagement: demo-request 30, webinar 10 capped 20, pricing-page 10 capped 20; half-life 30
/// days; total = 0.5 · fit + 0.5 · engagement − negatives; MQL ≥ 50, SQL ≥ 75 with fit ≥ 60; "outside-icp" and "spam"
/// disqualify), every figure worked out by hand at 2027-01-01T00:00.
/// </summary>
public sealed class ProfileLeadTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2027, 1, 1, 0, 0);
    private static readonly CustomerId Fay = CustomerId.From("fay");
    private static readonly CustomerId Hal = CustomerId.From("hal");
    private static readonly CustomerId Ida = CustomerId.From("ida");
    private static readonly ProfileEngine Engine = new(new ProfileOptions { LeadScoring = new LeadScoringOptions() });
    private static readonly CustomerAttributes IdealFit = new("software", "50-200", "europe") { Flags = ["uses-erp"] };

    private static Instant Day(int year, int month, int day) => Instant.FromUtc(year, month, day, 0, 0);

    [Fact]
    public void AProspect_IsScoredFromItsAttributesAndItsDecayedContacts()
    {
        // fay: fit 30 + 30 (50-200 reads as 50 employees) + 20 + 20 = 100. A demo request and a webinar 30 days before the
        // as-of instant weigh 0.5: 15 + 5; a pricing-page visit 60 days before weighs 0.25: 2.5. Engagement 22.5, latest
        // interaction 30 days ago (no "no-recent-activity"): total 0.5 · 100 + 0.5 · 22.5 = 61.25 → marketing-qualified.
        var fay = Engine.Replay(Fay, [
            CustomerFact.AttributesSet("fay-a", Fay, Day(2026, 10, 1), IdealFit),
            CustomerFact.Contact("fay-c1", Fay, Day(2026, 11, 2), "pricing-page"),
            CustomerFact.Contact("fay-c2", Fay, Day(2026, 12, 2), "demo-request"),
            CustomerFact.Contact("fay-c3", Fay, Day(2026, 12, 2), "webinar"),
        ]).Profile!;

        var view = Engine.Evaluate(fay, Engine.Prepare([fay], AsOf), AsOf);

        Assert.Equal(LeadQualification.MarketingQualified, view.Lead!.Qualification);
        Assert.Equal((100, 22.5, 0, 61.25), (view.Lead.Fit, view.Lead.Engagement, view.Lead.Negative, view.Lead.Total));
        Assert.Equal(3, fay.LeadInteractions.Length);
        Assert.Equal("Engaged", view.Profile.Lifecycle.Stage);
    }

    [Fact]
    public void ADisqualifyingFlag_MovesTheProspectToDisqualified_AtTheFoldThatSetsIt()
    {
        // hal: an email open on 2026-10-01 → Engaged; tagged "spam" on 2026-10-02 → Disqualified at that fold. At the as-of
        // instant: no fit, the email open 92 days old (2 · 2^(−92/30) = 0.24), negatives "no-recent-activity" 15 → total 0.
        var hal = Engine.Replay(Hal, [
            CustomerFact.Contact("hal-c", Hal, Day(2026, 10, 1), "email-open"),
            CustomerFact.AttributesSet("hal-a", Hal, Day(2026, 10, 2), new CustomerAttributes { Flags = ["spam"] }),
        ]).Profile!;

        var view = Engine.Evaluate(hal, Engine.Prepare([hal], AsOf), AsOf);

        Assert.Equal("Disqualified", hal.Lifecycle.Stage);
        Assert.Equal(LeadQualification.Disqualified, hal.LeadQualification);
        Assert.Equal(LeadQualification.Disqualified, view.Lead!.Qualification);
        Assert.Equal(0, view.Lead.Total);
        Assert.Equal(15, view.Lead.Negative);
        Assert.Equal(0.24, view.Lead.Engagement, 2);
    }

    [Fact]
    public void AQualificationReachedWithoutAnyContact_MovesTheProspectToEngaged()
    {
        // ida, with no negative rule: fit 100 from her attributes alone → total 50 → marketing-qualified, which implies a
        // contact: Prospect → Engaged at the attributes' instant.
        var engine = new ProfileEngine(new ProfileOptions { LeadScoring = new LeadScoringOptions { NegativeRules = [] } });

        var ida = engine.Replay(Ida, [CustomerFact.AttributesSet("ida-a", Ida, Day(2026, 12, 1), IdealFit)]).Profile!;

        Assert.Equal("Engaged", ida.Lifecycle.Stage);
        Assert.Equal(LeadQualification.MarketingQualified, ida.LeadQualification);
        Assert.Equal(Day(2026, 12, 1), ida.Lifecycle.StageEnteredAt);
    }

    [Fact]
    public void ACustomerWhoBought_IsNoLongerScored_AndItsInteractionsAreDropped()
    {
        var fay = Engine.Replay(Fay, [
            CustomerFact.Contact("fay-c", Fay, Day(2026, 12, 2), "demo-request"),
            CustomerFact.Purchase("fay-p", Fay, Day(2026, 12, 3), "o-1", 100),
        ]).Profile!;

        var view = Engine.Evaluate(fay, Engine.Prepare([fay], AsOf), AsOf);

        Assert.Null(view.Lead);
        Assert.Empty(fay.LeadInteractions);
    }

    [Fact]
    public void WithoutALeadPolicy_NothingIsScoredNorKept()
    {
        var engine = new ProfileEngine(new ProfileOptions());

        var fay = engine.Replay(Fay, [CustomerFact.Contact("fay-c", Fay, Day(2026, 12, 2), "demo-request")]).Profile!;

        Assert.Null(engine.Evaluate(fay, engine.Prepare([fay], AsOf), AsOf).Lead);
        Assert.Empty(fay.LeadInteractions);
        Assert.Null(engine.LeadScoring);
    }

    [Fact]
    public void Explain_SaysWhatTheLeadScoreWasReadFrom()
    {
        var fay = Engine.Replay(Fay, [
            CustomerFact.AttributesSet("fay-a", Fay, Day(2026, 10, 1), IdealFit),
            CustomerFact.Contact("fay-c2", Fay, Day(2026, 12, 2), "demo-request"),
        ]).Profile!;

        var why = Engine.Explain(fay, Engine.Prepare([fay], AsOf), AsOf);

        // 0.5 · 100 + 0.5 · 15 = 57.5 → marketing-qualified.
        Assert.Equal("Engaged · General · Healthy 100 · no CLV · lead MarketingQualified 57.50", why.Decision);
        var lead = why.Reasons.Single(r => r.Code == "profile.lead");
        Assert.Equal("Never bought, scored as a lead: 57.50 (MarketingQualified) from the attributes and 1 kept interaction(s); the last fold left the prospect MarketingQualified.", lead.Message);
        Assert.Contains(why.Reasons, r => r.Code == "leads.fit-rule");
    }

    [Fact]
    public void ASizeBand_ReadsAsItsLowerBound()
    {
        Assert.Equal(50, ProfileLeadSize("50-200"));
        Assert.Equal(1000, ProfileLeadSize("1000+"));
        Assert.Equal(12, ProfileLeadSize("12"));
        Assert.Null(ProfileLeadSize("large"));
    }

    [Fact]
    public void MaxLeadInteractions_OutOfRange_IsRefusedNamingTheProperty()
    {
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new ProfileEngine(new ProfileOptions { MaxLeadInteractions = 0 }));

        Assert.Contains("MaxLeadInteractions: must be in range [1-10000] but was 0.", ex.Failures);
    }

    [Fact]
    public void AnInvalidLeadPolicy_IsRefusedWithItsPrefix()
    {
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new ProfileEngine(new ProfileOptions { LeadScoring = new LeadScoringOptions { HalfLifeDays = 0 } }));

        Assert.Contains(ex.Failures, f => f.StartsWith("LeadScoring.HalfLifeDays: ", StringComparison.Ordinal));
    }

    private static double? ProfileLeadSize(string size)
    {
        var engine = new ProfileEngine(new ProfileOptions { LeadScoring = new LeadScoringOptions { FitRules = [new() { Id = "size", Kind = LeadRuleKind.EmployeesBetween, MinEmployees = 0, Points = 10 }] } });
        var profile = engine.Replay(Fay, [CustomerFact.AttributesSet("a", Fay, Day(2026, 12, 1), new CustomerAttributes(Size: size))]).Profile!;
        var lead = engine.Explain(profile, engine.Prepare([profile], AsOf), AsOf).Result.Lead!;
        return lead.Contributions.FirstOrDefault(c => c.Source == "size") is { } c ? double.Parse(c.RawValue!, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
