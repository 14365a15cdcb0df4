using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Value;
using NodaTime;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

/// <summary>
/// The hand-built company: the five customers of <see cref="ProfileTestKit"/> and seven more, facts over two years, evaluated
/// at 2027-01-01T00:00 by a profile engine that also scores leads (the default lead policy, see ProfileLeadTests). The new
/// buyers spend 120 + 180 + 60 + 130 = 490, so the total is 10520 + 490 = 11010 and the revenue-share cuts stay as in
/// ProfileExampleTests: bob alone reaches 50% and 80% (8808), bob + cy + ada = 10470 reach 95% (10459.5), bob + cy = 9900 do
/// not; every new customer is in the General value tier. Health: login-frequency 0–3 a week (weight 25), feature-adoption
/// 0–1 (20), usage-trend −0.8–0 (15), support 0–5 lower is better (15), NPS 0–10 (15), payment 0–60 days overdue lower is
/// better (10); bands Healthy ≥ 80, Warning ≥ 60, AtRisk below. RFM thresholds: recency 30/90/180/365 days, frequency
/// 2/3/5/10, monetary 100/500/1000/5000.
/// </summary>
public sealed class ProfileCompanyTests
{
    private static readonly CustomerId Fay = CustomerId.From("fay");
    private static readonly CustomerId Gus = CustomerId.From("gus");
    private static readonly CustomerId Hal = CustomerId.From("hal");
    private static readonly CustomerId Ivy = CustomerId.From("ivy");
    private static readonly CustomerId Jon = CustomerId.From("jon");
    private static readonly CustomerId Kim = CustomerId.From("kim");
    private static readonly CustomerId Lou = CustomerId.From("lou");
    private static readonly CustomerAttributes IdealFit = new("software", "50-200", "europe") { Flags = ["uses-erp"] };

    private static readonly ProfileEngine Company = new(CompanyPolicy());
    private static readonly ProfileRecord[] Customers = Build();
    private static readonly ProfilePopulation Prepared = WithModel(Company.Prepare(Customers, AsOf));

    public static TheoryData<string, string, string, string, string, double, string?, double?> Expected() => new()
    {
        // The five of ProfileExampleTests keep their figures (same cuts, same facts); dee is now scored as a lead: no fit
        // rule, her "email" contact is no interaction kind of the policy, so "no-recent-activity" −15 → 0, unqualified.
        { "ada", "Growing", "Potential Loyalist", "Key", "Healthy", 87, null, null },
        { "bob", "Loyal", "Champions", "Core", "Healthy", 100, null, null },
        { "cy", "Churned", "Loyal Customers", "Potential", "AtRisk", 21.39, null, null },
        { "dee", "Engaged", "Lost", "Potential", "AtRisk", 31.94, "Unqualified", 0 },
        // eve and jon are AtRisk in an active stage: the band, fed to the lifecycle at the evaluation, fires declining-health.
        { "eve", "Declining", "New Customers", "General", "AtRisk", 44.44, null, null },

        // fay, gus, hal: prospects who never logged in (login-frequency missing, as for eve), no usage, NPS or invoice:
        // feature adoption 0 and support 100: (20·0 + 15·100) / 35 = 42.86. Never bought → R1 F1
        // M1: Lost; General. fay: fit 100, engagement 22.5 (ProfileLeadTests) → 61.25 MQL. gus: fit 100; three demo requests,
        // two webinars and two pricing-page visits 30 days old: 3·30·0.5 + 10·(2·0.5) + 10·(2·0.5) = 65 → 0.5·100 + 0.5·65 =
        // 82.5 ≥ 75 with fit ≥ 60: SQL. hal: tagged "spam" → Disqualified (stage and lead), total 0.
        { "fay", "Engaged", "Lost", "General", "AtRisk", 42.86, "MarketingQualified", 61.25 },
        { "gus", "Engaged", "Lost", "General", "AtRisk", 42.86, "SalesQualified", 82.5 },
        { "hal", "Disqualified", "Lost", "General", "AtRisk", 42.86, "Disqualified", 0 },

        // ivy: one purchase of 120 on 2026-12-01 → Onboarding (1 month). 30.58 days → R4, 1 → F1, 120 → M2: New Customers.
        // 12 logins in 28 days = 3 a week → 100; no feature; usage 12 (Oct–Dec) with no baseline (missing):
        // (25·100 + 20·0 + 15·100) / 60 = 66.67 → Warning.
        { "ivy", "Onboarding", "New Customers", "General", "Warning", 66.67, null, null },

        // jon: purchases 2026-06-01 (100) and 2026-09-01 (80), a login on the 10th of every month and four more in December →
        // Growing at 3 months. 121.58 days → R3, 2 → F2, 180 → M2: Loyal Customers. 5 logins in 28 days = 1.25 a week →
        // 41.67; no feature; usage 7 (Oct 1, Nov 1, Dec 5) vs 3 (Jul–Sep) → +1.33 → 100; support 100:
        // (25·41.67 + 0 + 15·100 + 15·100) / 75 = 53.89 → AtRisk, fed at the evaluation: declining-health → Declining.
        { "jon", "Declining", "Loyal Customers", "General", "AtRisk", 53.89, null, null },

        // kim: one purchase of 60 on 2026-10-01, nothing since → churned by the evaluation (60 days without activity while
        // onboarding). 91.58 days → R3, F1, 60 → M1: About To Sleep. Never logged in: (20·0 + 15·100) / 35 = 42.86.
        { "kim", "Churned", "About To Sleep", "General", "AtRisk", 42.86, null, null },

        // lou: a purchase of 130 on 2026-12-05 → Onboarding; ideal profile → Potential. 26.58 days → R5, F1, M2: New Customers.
        // 8 logins in 28 days = 2 a week → 66.67; 1 of 4 features → 25; usage no baseline; support 100; NPS 9 → 90; invoice
        // due 2026-12-17 unpaid, 15 days overdue → 75: (25·66.67 + 20·25 + 15·100 + 15·90 + 10·75) / 85 = 67.84 → Warning.
        { "lou", "Onboarding", "New Customers", "Potential", "Warning", 67.84, null, null },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void EachOfTheDozen_HasTheStageSegmentTierHealthAndLeadWorkedOutByHand(string customer, string stage, string segment, string tier, string band, double score, string? qualification, double? lead)
    {
        var view = Company.Evaluate(Profile(customer), Prepared, AsOf);

        Assert.Equal(stage, view.Profile.Lifecycle.Stage);
        Assert.Equal(segment, view.Rfm.Score.Segment);
        Assert.Equal(tier, view.Tier.Assignment.TierName);
        Assert.Equal(band, view.Health.Band);
        Assert.Equal(score, view.Health.Score!.Value.Value, 2);
        Assert.Equal(qualification, view.Lead?.Qualification.ToString());
        Assert.Equal(lead, view.Lead?.Total);
    }

    public static TheoryData<string, int, double, double, double> ClvSummaries() => new()
    {
        // Weekly periods, purchase days in UTC: x repeat days, t_x weeks from the first to the last purchase day, T weeks
        // from the first purchase day to 2027-01-01, the mean repeat spend. One purchase: x = 0, nothing repeated.
        { "ivy", 0, 0, 31 / 7.0, 0 },
        { "jon", 1, 92 / 7.0, 214 / 7.0, 80 },
        { "kim", 0, 0, 92 / 7.0, 0 },
        { "lou", 0, 0, 27 / 7.0, 0 },
    };

    [Theory]
    [MemberData(nameof(ClvSummaries))]
    public void EachNewBuyersClv_IsTheModelsPrediction_ForTheSummaryWorkedOutByHand(string customer, int x, double tx, double t, double spend)
    {
        var expected = new ValueEngine(new ValueOptions()).Evaluate(CustomerSummary.Create(CustomerId.From(customer), x, tx, t, spend), Model);

        var view = Company.Evaluate(Profile(customer), Prepared, AsOf);

        Assert.Equal(expected, view.Value);
    }

    [Fact]
    public void TheFirstEvaluation_ChangesEveryProfile_KimEveAndJonMoveAStage_AndTheBatchAgrees()
    {
        var outputs = new CustomerViewSummary[Customers.Length];

        var changed = Company.Evaluate(Customers, Prepared, AsOf, outputs);

        // Every one of the twelve is scored, so each gets its band fed and its first tier state: all twelve change. Stages
        // move for three: kim churned 60 days after her only purchase (time rule), eve and jon are AtRisk in an active stage
        // (declining-health at the evaluation); cy (Churned), the prospects and hal (Disqualified) have no rule on the band.
        Assert.Equal(12, changed);
        Assert.All(outputs, o => Assert.True(o.Changed));
        Assert.Equal(new[] { "eve", "jon", "kim" }, Customers.Where((_, i) => outputs[i].Transitions > 0).Select(p => p.Customer.Value).Order());
        Assert.Equal(Instant.FromUtc(2026, 10, 1, 10, 0) + Duration.FromDays(60), Company.Evaluate(Profile("kim"), Prepared, AsOf).Lifecycle.Transitions.Single().At);
        Assert.Equal(("declining-health", AsOf), Company.Evaluate(Profile("jon"), Prepared, AsOf).Lifecycle.Transitions.Select(t => (t.RuleId, t.At)).Single());
        Assert.Equal(Customers.Select(p => Company.Evaluate(p, Prepared, AsOf).Profile), outputs.Select(o => o.Profile));
        Assert.Equal(
            Customers.Select(p => Company.Evaluate(p, Prepared, AsOf).Lead?.ToAssessment()),
            outputs.Select(o => o.Lead));
    }

    [Fact]
    public void ASecondEvaluationAtTheSameInstant_ChangesNoProfile()
    {
        var outputs = new CustomerViewSummary[Customers.Length];
        Company.Evaluate(Customers, Prepared, AsOf, outputs);
        var saved = outputs.Select(o => o.Profile).ToArray();

        var changed = Company.Evaluate(saved, Prepared, AsOf, outputs);

        Assert.Equal(0, changed);
        Assert.Equal(saved, outputs.Select(o => o.Profile));
    }

    [Fact]
    public void TheBatch_AllocatesNothing_ForCustomersWhoBoughtAndDoNotChange()
    {
        // Prospects build their lead input per evaluation; customers who bought allocate nothing.
        var buyers = Customers.Where(p => p.Lifecycle.FirstPurchaseAt is not null).ToArray();
        var outputs = new CustomerViewSummary[buyers.Length];
        Company.Evaluate(buyers, Prepared, AsOf, outputs);
        var settled = outputs.Select(o => o.Profile).ToArray();
        Company.Evaluate(settled, Prepared, AsOf, outputs);

        var changed = -1;
        var allocated = Allocations.Fewest(() => changed = Company.Evaluate(settled, Prepared, AsOf, outputs));

        Assert.Equal(0, changed);
        Assert.Equal(0, allocated);
    }

    private static ProfileOptions CompanyPolicy()
    {
        var policy = Policy();
        policy.LeadScoring = new LeadScoringOptions();
        return policy;
    }

    private static ProfileRecord Profile(string customer) => Customers.Single(p => p.Customer.Value == customer);

    private static Instant Day(int year, int month, int day) => Instant.FromUtc(year, month, day, 0, 0);

    private static ProfileRecord[] Build() =>
    [
        Replay(Ada, AdaFacts()),
        Replay(Bob, BobFacts()),
        Replay(Cy, CyFacts()),
        Replay(Dee, DeeFacts()),
        Replay(Eve, EveFacts()),
        Replay(Fay, [
            CustomerFact.AttributesSet("fay-a", Fay, Day(2026, 10, 1), IdealFit),
            CustomerFact.Contact("fay-c1", Fay, Day(2026, 11, 2), "pricing-page"),
            CustomerFact.Contact("fay-c2", Fay, Day(2026, 12, 2), "demo-request"),
            CustomerFact.Contact("fay-c3", Fay, Day(2026, 12, 2), "webinar"),
        ]),
        Replay(Gus, [
            CustomerFact.AttributesSet("gus-a", Gus, Day(2026, 10, 1), IdealFit),
            .. new[] { "demo-request", "demo-request", "demo-request", "webinar", "webinar", "pricing-page", "pricing-page" }
                .Select((kind, i) => CustomerFact.Contact($"gus-c{i}", Gus, Day(2026, 12, 2), kind)),
        ]),
        Replay(Hal, [
            CustomerFact.Contact("hal-c", Hal, Day(2026, 10, 1), "email-open"),
            CustomerFact.AttributesSet("hal-a", Hal, Day(2026, 10, 2), new CustomerAttributes { Flags = ["spam"] }),
        ]),
        Replay(Ivy, [
            CustomerFact.Purchase("ivy-p", Ivy, At(2026, 12, 1), "o-1", 120),
            .. Enumerable.Range(0, 12).Select(i => CustomerFact.Login($"ivy-l{i}", Ivy, At(2026, 12, 6 + (2 * i)))),
        ]),
        Replay(Jon, [
            CustomerFact.Purchase("jon-p1", Jon, At(2026, 6, 1), "o-1", 100),
            CustomerFact.Purchase("jon-p2", Jon, At(2026, 9, 1), "o-2", 80),
            .. Enumerable.Range(6, 7).Select(month => CustomerFact.Login($"jon-l{month}", Jon, At(2026, month, 10))),
            .. new[] { 14, 18, 22, 26 }.Select(day => CustomerFact.Login($"jon-d{day}", Jon, At(2026, 12, day))),
        ]),
        Replay(Kim, [CustomerFact.Purchase("kim-p", Kim, At(2026, 10, 1), "o-1", 60)]),
        Replay(Lou, [
            CustomerFact.AttributesSet("lou-a", Lou, At(2026, 12, 1), new CustomerAttributes(MatchesIdealProfile: true)),
            CustomerFact.Purchase("lou-p", Lou, At(2026, 12, 5), "o-1", 130),
            CustomerFact.PaymentDue("lou-i", Lou, At(2026, 12, 5, 11), "i-1", Day(2026, 12, 17)),
            CustomerFact.FeatureUsage("lou-u", Lou, At(2026, 12, 10), "reports"),
            CustomerFact.NpsAnswer("lou-n", Lou, At(2026, 12, 20), 9),
            .. Enumerable.Range(0, 8).Select(i => CustomerFact.Login($"lou-l{i}", Lou, At(2026, 12, 8 + (2 * i)))),
        ]),
    ];

    private static ProfileRecord Replay(CustomerId customer, IEnumerable<CustomerFact> facts) => Company.Replay(customer, facts).Profile!;
}
