using CustomerLifecycle.LeadScoring;
using Microsoft.Extensions.Options;
using NodaTime;
using static CustomerLifecycle.Tests.LeadScoring.LeadScoringTestData;

namespace CustomerLifecycle.Tests.LeadScoring;

public sealed class LeadScoringEngineTests
{
    [Fact]
    public void AnIdealProspect_WithFreshAndDecayedInteractions_IsMarketingQualified_ByHand()
    {
        var score = DefaultEngine.Evaluate(MarketingQualified(), AsOf);

        // Fit 30 + 30 + 20 + 20 = 100; engagement 30 + 10 × 0.5 + 10 × 0.25 = 37.5; total 0.5 × 100 + 0.5 × 37.5 = 68.75.
        Assert.Equal(new LeadAssessment(LeadQualification.MarketingQualified, 68.75, 100, 37.5, 0), score.ToAssessment());
        Assert.Equal(68.75, score.UnclampedTotal);
        Assert.Equal(
            [
                new LeadContribution(LeadContributionKind.FitRule, "industry", "software", 30, 0.5, 15),
                new LeadContribution(LeadContributionKind.FitRule, "company-size", "200", 30, 0.5, 15),
                new LeadContribution(LeadContributionKind.FitRule, "region", "europe", 20, 0.5, 10),
                new LeadContribution(LeadContributionKind.FitRule, "uses-erp", "uses-erp", 20, 0.5, 10),
                new LeadContribution(LeadContributionKind.Engagement, "webinar", null, 5, 0.5, 2.5) { Interactions = 1, DecayedWeight = 0.5 },
                new LeadContribution(LeadContributionKind.Engagement, "pricing-page", null, 2.5, 0.5, 1.25) { Interactions = 1, DecayedWeight = 0.25 },
                new LeadContribution(LeadContributionKind.Engagement, "demo-request", null, 30, 0.5, 15) { Interactions = 1, DecayedWeight = 1 },
            ],
            score.Contributions);
        Assert.Equal(["leads.qualified"], score.Reasons.Select(r => r.Code));
        Assert.Equal("MarketingQualified: total 68.75 >= 50 but < 75.", score.Reasons[0].Message);
    }

    [Fact]
    public void ASecondDemoRequest_MakesItSalesQualified()
    {
        var input = MarketingQualified() with { Interactions = [.. MarketingQualified().Interactions, Interaction("demo-request")] };

        var score = DefaultEngine.Evaluate(input, AsOf);

        // Engagement 67.5; total 50 + 33.75.
        Assert.Equal(new LeadAssessment(LeadQualification.SalesQualified, 83.75, 100, 67.5, 0), score.ToAssessment());
        Assert.Equal("SalesQualified: total 83.75 >= 75 and fit 100 >= 60.", score.Reasons[0].Message);
    }

    [Theory]
    [InlineData(0, 30)]     // today: full points
    [InlineData(30, 15)]    // one half-life (the default 30 days): half
    [InlineData(60, 7.5)]   // two half-lives: a quarter
    [InlineData(15, 21.213203435596427)] // half a half-life: 30 × 0.5^0.5
    public void AnInteraction_HalvesEveryHalfLife(double daysAgo, double engagement)
    {
        var score = DefaultEngine.Evaluate(new LeadInput(CustomerId.From("p")) { Interactions = [Interaction("demo-request", daysAgo)] }, AsOf);

        Assert.Equal(engagement, score.Engagement, 12);
        Assert.Equal(Math.Pow(0.5, daysAgo / 30), Assert.Single(score.Contributions, c => c.Kind == LeadContributionKind.Engagement).DecayedWeight, 15);
    }

    [Fact]
    public void TheHalfLife_IsConfigurable()
    {
        var engine = new LeadScoringEngine(new LeadScoringOptions { HalfLifeDays = 10 });

        var score = engine.Evaluate(new LeadInput(CustomerId.From("p")) { Interactions = [Interaction("demo-request", 20)] }, AsOf);

        Assert.Equal(7.5, score.Engagement);
    }

    [Fact]
    public void AKindsCap_LimitsItsPoints_AndTheExplanationSaysSo()
    {
        var input = new LeadInput(CustomerId.From("p")) { Interactions = [.. Enumerable.Repeat(Interaction("email-open"), 7)] };

        var explanation = DefaultEngine.Explain(input, AsOf);

        // 7 opens × 2 points = 14, capped at 10.
        Assert.Equal(10, explanation.Result.Engagement);
        Assert.Equal(
            "Engagement \"email-open\": 7 interaction(s), decayed weight 7 × 2 points = 14, capped at 10 → 10 points × weight 0.5 = 5.",
            Assert.Single(explanation.Reasons, r => r.Code == "leads.engagement").Message);
    }

    [Fact]
    public void Engagement_IsCappedAt100_WithTheExcessAsItsOwnContribution()
    {
        var score = DefaultEngine.Evaluate(IdealProspect([.. Enumerable.Repeat(Interaction("demo-request"), 4)]), AsOf);

        // 4 × 30 = 120 engagement points: 100 count, the 20 above are taken off again.
        Assert.Equal(new LeadAssessment(LeadQualification.SalesQualified, 100, 100, 100, 0), score.ToAssessment());
        Assert.Equal(new LeadContribution(LeadContributionKind.EngagementCap, "engagement", "120", -20, 0.5, -10), score.Contributions.Single(c => c.Kind == LeadContributionKind.EngagementCap));
        Assert.Equal(100, score.Contributions.Sum(c => c.Contribution));
    }

    [Fact]
    public void Fit_IsCappedAt100_WithTheExcessAsItsOwnContribution()
    {
        var options = new LeadScoringOptions();
        options.FitRules.Add(new LeadRuleOptions { Id = "partner", Kind = LeadRuleKind.HasFlag, Values = ["partner"], Points = 30 });
        var input = IdealProspect(Interaction("demo-request")) with { Flags = ["uses-erp", "partner"] };

        var explanation = new LeadScoringEngine(options).Explain(input, AsOf);

        Assert.Equal(100, explanation.Result.Fit);
        Assert.Equal(65, explanation.Result.Total);
        Assert.Equal("The fit points 130 are capped at 100: -30 points × weight 0.5 = -15.", Assert.Single(explanation.Reasons, r => r.Code == "leads.fit-cap").Message);
    }

    [Theory]
    [InlineData(99.98, 0, LeadQualification.Unqualified)]           // total 49.99
    [InlineData(100, 0, LeadQualification.MarketingQualified)]      // total 50
    [InlineData(100, 49.98, LeadQualification.MarketingQualified)]  // total 74.99, fit 100
    [InlineData(100, 50, LeadQualification.SalesQualified)]         // total 75, fit 100
    [InlineData(59.5, 90.5, LeadQualification.MarketingQualified)]  // total 75, fit 59.5 < 60
    [InlineData(60, 90, LeadQualification.SalesQualified)]          // total 75, fit 60
    [InlineData(60, 89.98, LeadQualification.MarketingQualified)]   // total 74.99, fit 60
    public void TheThresholds_AreInclusive_AndSalesQualifiedNeedsTheMinimumFit(double fit, double engagement, LeadQualification expected)
    {
        var (engine, input) = Exact(fit, engagement);

        var score = engine.Evaluate(input, AsOf);

        Assert.Equal(expected, score.Qualification);
        Assert.Equal((0.5 * fit) + (0.5 * engagement), score.Total);
    }

    [Fact]
    public void AHighTotalWithLowFit_IsExplainedAsMarketingQualified()
    {
        var (engine, input) = Exact(59.5, 90.5);

        Assert.Equal("MarketingQualified: total 75 >= 50; not SalesQualified because fit 59.5 < 60.", engine.Evaluate(input, AsOf).Reasons[0].Message);
    }

    [Fact]
    public void TheThresholds_AreConfigurable()
    {
        var engine = new LeadScoringEngine(new LeadScoringOptions { MarketingQualifiedMinimum = 30, SalesQualifiedMinimum = 60, SalesQualifiedMinimumFit = 100 });

        // Total 68.75 with fit 100: sales-qualified under these thresholds.
        Assert.Equal(LeadQualification.SalesQualified, engine.Evaluate(MarketingQualified(), AsOf).Qualification);
    }

    [Fact]
    public void TheWeights_AreConfigurable()
    {
        var engine = new LeadScoringEngine(new LeadScoringOptions { FitWeight = 0.25, EngagementWeight = 0.75 });

        // 0.25 × 100 + 0.75 × 37.5 = 53.125.
        Assert.Equal(53.125, engine.Evaluate(MarketingQualified(), AsOf).Total);
    }

    [Fact]
    public void ADisqualifyingFlag_OverridesAHighScore()
    {
        var input = IdealProspect([.. Enumerable.Repeat(Interaction("demo-request"), 4)]) with { Flags = ["uses-erp", "SPAM"] };

        var explanation = DefaultEngine.Explain(input, AsOf);

        Assert.Equal(LeadQualification.Disqualified, explanation.Result.Qualification);
        Assert.Equal(100, explanation.Result.Total);
        Assert.Equal("Disqualified (total 100: fit 100, engagement 100, negative 0)", explanation.Decision);
        Assert.Equal("Disqualified: a disqualifying signal overrides the score (total 100, fit 100).", explanation.Reasons[0].Message);
        Assert.Equal("The flag \"SPAM\" disqualifies the prospect whatever its score.", Assert.Single(explanation.Reasons, r => r.Code == "leads.disqualified").Message);
    }

    [Fact]
    public void NegativeRules_Subtract_AndABelowZeroTotalIsClampedWithAReason()
    {
        var input = new LeadInput(CustomerId.From("p")) { EmailDomain = "Gmail.com", Flags = ["unsubscribed"] };

        var explanation = DefaultEngine.Explain(input, AsOf);

        // −20 unsubscribed, −10 personal e-mail, −15 no interaction at all: −45, clamped to 0.
        var score = explanation.Result;
        Assert.Equal(new LeadAssessment(LeadQualification.Unqualified, 0, 0, 0, 45), score.ToAssessment());
        Assert.Equal(-45, score.UnclampedTotal);
        Assert.Equal(
            [
                "Negative rule \"unsubscribed\" matched (unsubscribed): -20 points.",
                "Negative rule \"personal-email\" matched (Gmail.com): -10 points.",
                "Negative rule \"no-recent-activity\" matched (no interaction): -15 points.",
            ],
            explanation.Reasons.Where(r => r.Code == "leads.negative").Select(r => r.Message));
        Assert.Equal("The contributions sum to -45; the total is clamped to 0.", Assert.Single(explanation.Reasons, r => r.Code == "leads.clamped").Message);
    }

    [Theory]
    [InlineData(89.99, false)]
    [InlineData(90, true)]
    [InlineData(120.5, true)]
    public void NoRecentActivity_MatchesFrom90DaysAfterTheLatestInteraction(double daysAgo, bool matches)
    {
        var score = DefaultEngine.Evaluate(new LeadInput(CustomerId.From("p")) { Interactions = [Interaction("site-visit", daysAgo)] }, AsOf);

        Assert.Equal(matches ? 15 : 0, score.Negative);
    }

    [Fact]
    public void NoRecentActivity_SaysHowLongItHasBeen()
    {
        var explanation = DefaultEngine.Explain(new LeadInput(CustomerId.From("p")) { Interactions = [Interaction("site-visit", 120.5)] }, AsOf);

        Assert.Equal("Negative rule \"no-recent-activity\" matched (120.5 days since the latest interaction): -15 points.", Assert.Single(explanation.Reasons, r => r.Code == "leads.negative").Message);
    }

    [Theory]
    [InlineData(49.0, false)]
    [InlineData(50.0, true)]
    [InlineData(1000.0, true)]
    [InlineData(1000.5, false)]
    public void CompanySize_MatchesWithinItsInclusiveRange(double employees, bool matches)
    {
        var score = DefaultEngine.Evaluate(new LeadInput(CustomerId.From("p")) { Employees = employees }, AsOf);

        Assert.Equal(matches ? 30 : 0, score.Fit);
    }

    [Fact]
    public void Attributes_AreComparedIgnoringCase()
    {
        var input = new LeadInput(CustomerId.From("p")) { Industry = "Software", Region = "EUROPE", Flags = ["Uses-ERP"], Interactions = [Interaction("Demo-Request")] };

        var score = DefaultEngine.Evaluate(input, AsOf);

        Assert.Equal(70, score.Fit);
        Assert.Equal(30, score.Engagement);
    }

    [Fact]
    public void FutureInteractions_AndUnknownKinds_AreIgnoredWithAReason()
    {
        var input = MarketingQualified() with
        {
            Interactions = [.. MarketingQualified().Interactions, new LeadInteraction("demo-request", AsOf + Duration.FromDays(1)), Interaction("podcast"), Interaction("Podcast", 3)],
        };

        var score = DefaultEngine.Evaluate(input, AsOf);

        Assert.Equal(DefaultEngine.Evaluate(MarketingQualified(), AsOf).ToAssessment(), score.ToAssessment());
        Assert.Equal(
            [
                "1 interaction(s) after the evaluation instant 2026-03-01T00:00:00Z ignored.",
                "2 interaction(s) of kind \"podcast\" ignored: the policy has no such interaction kind.",
            ],
            score.Reasons.Where(r => r.Code == "leads.ignored").Select(r => r.Message));
    }

    [Fact]
    public void AnInteractionAtTheEvaluationInstant_Counts()
    {
        Assert.Equal(30, DefaultEngine.Evaluate(new LeadInput(CustomerId.From("p")) { Interactions = [new LeadInteraction("demo-request", AsOf)] }, AsOf).Engagement);
    }

    [Fact]
    public void Explain_ShowsTheDecision_AndEveryContribution()
    {
        var explanation = DefaultEngine.Explain(MarketingQualified(), AsOf);

        Assert.Equal("p-1", explanation.Subject);
        Assert.Equal("MarketingQualified (total 68.75: fit 100, engagement 37.5, negative 0)", explanation.Decision);
        Assert.Equal(
            [
                "MarketingQualified: total 68.75 >= 50 but < 75.",
                "Fit rule \"industry\" matched (software): 30 points × weight 0.5 = 15.",
                "Fit rule \"company-size\" matched (200): 30 points × weight 0.5 = 15.",
                "Fit rule \"region\" matched (europe): 20 points × weight 0.5 = 10.",
                "Fit rule \"uses-erp\" matched (uses-erp): 20 points × weight 0.5 = 10.",
                "Engagement \"webinar\": 1 interaction(s), decayed weight 0.5 × 10 points → 5 points × weight 0.5 = 2.5.",
                "Engagement \"pricing-page\": 1 interaction(s), decayed weight 0.25 × 10 points → 2.5 points × weight 0.5 = 1.25.",
                "Engagement \"demo-request\": 1 interaction(s), decayed weight 1 × 30 points → 30 points × weight 0.5 = 15.",
            ],
            explanation.Reasons.Select(r => r.Message));
        Assert.Equal(["leads.qualified", "leads.fit-rule", "leads.fit-rule", "leads.fit-rule", "leads.fit-rule", "leads.engagement", "leads.engagement", "leads.engagement"], explanation.Reasons.Select(r => r.Code));
        Assert.Equal(68.75, explanation.Reasons.Skip(1).Sum(r => (double)r.Data["contribution"]!));
    }

    [Fact]
    public void Batch_EqualsSingle_ForEveryProspect()
    {
        LeadInput[] inputs = [MarketingQualified(), IdealProspect(), new LeadInput(CustomerId.From("empty")), MarketingQualified() with { Flags = ["spam"] }];
        var outputs = new LeadAssessment[inputs.Length + 1];

        DefaultEngine.Evaluate(inputs, AsOf, outputs);

        Assert.Equal(inputs.Select(i => DefaultEngine.Evaluate(i, AsOf).ToAssessment()), outputs.Take(inputs.Length));
        Assert.Equal(default, outputs[^1]);
    }

    [Fact]
    public void Batch_AllocatesNothingPerProspect()
    {
        var inputs = Enumerable.Range(0, 200).Select(i => MarketingQualified() with { Employees = i * 10, Flags = i % 3 == 0 ? ["uses-erp"] : ["unsubscribed"] }).ToArray();
        var outputs = new LeadAssessment[inputs.Length];
        DefaultEngine.Evaluate(inputs, AsOf, outputs);

        var allocated = Allocations.Fewest(() => DefaultEngine.Evaluate(inputs, AsOf, outputs));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Batch_ShortOutputs_AreRejected_BeforeAnythingIsWritten()
    {
        var outputs = new LeadAssessment[1];

        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate([MarketingQualified(), MarketingQualified()], AsOf, outputs));

        Assert.Equal("The outputs span has 1 elements but there are 2 inputs; it must be at least as long. (Parameter 'outputs')", ex.Message);
        Assert.Equal(default, outputs[0]);
    }

    [Fact]
    public void Batch_BadInput_IsNamedByIndex_AndEarlierResultsAreReset()
    {
        var outputs = new LeadAssessment[3];

        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate([MarketingQualified(), MarketingQualified() with { Employees = -1 }, null!], AsOf, outputs));

        Assert.Equal("inputs[1].Employees: must be a finite number >= 0 but was -1. (Parameter 'inputs')", ex.Message);
        Assert.All(outputs, o => Assert.Equal(default, o));
        Assert.Equal("inputs[0]: must not be null. (Parameter 'inputs')", Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate([null!], AsOf, outputs)).Message);
    }

    [Fact]
    public void BadInput_IsRefused_NamingEveryFieldAndValue()
    {
        var input = new LeadInput(CustomerId.From("p"))
        {
            Employees = double.NaN,
            Flags = ["uses-erp", " "],
            Interactions = [Interaction("site-visit"), new LeadInteraction("webinar", default), new LeadInteraction(null!, AsOf)],
        };

        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate(input, AsOf));

        Assert.Equal(
            "Employees: must be a finite number >= 0 but was NaN. Flags[1]: must not be empty. "
            + "Interactions[1].At: must be set but was default(Instant) (1970-01-01T00:00:00Z). Interactions[2].Kind: must not be empty. (Parameter 'input')",
            ex.Message);
    }

    [Fact]
    public void NullLists_AndInfiniteSizes_AreRefused()
    {
        var input = new LeadInput(CustomerId.From("p")) { Employees = double.PositiveInfinity, Flags = null!, Interactions = null! };

        var ex = Assert.Throws<ArgumentException>(() => DefaultEngine.Explain(input, AsOf));

        Assert.Equal("Employees: must be a finite number >= 0 but was Infinity. Flags: must not be null. Interactions: must not be null. (Parameter 'input')", ex.Message);
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => DefaultEngine.Evaluate(null!, AsOf)).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentNullException>(() => DefaultEngine.Explain(null!, AsOf)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new LeadScoringEngine(null!)).ParamName);
        Assert.Equal("prospect", Assert.Throws<ArgumentException>(() => new LeadInput(default)).ParamName);
    }

    [Fact]
    public void AnInvalidPolicy_IsRefusedByTheConstructor_ListingEveryProblem()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new LeadScoringEngine(new LeadScoringOptions { HalfLifeDays = 0, FitWeight = 2 }));

        Assert.Equal(["HalfLifeDays: must be in range [1-36500] but was 0.", "FitWeight: must be in range [0-1] but was 2."], ex.Failures);
    }

    [Fact]
    public void TheEngine_CopiesThePolicy()
    {
        var options = new LeadScoringOptions();
        var engine = new LeadScoringEngine(options);

        options.FitRules.Clear();
        options.InteractionKinds[5].Points = 0;

        Assert.Equal(68.75, engine.Evaluate(MarketingQualified(), AsOf).Total);
    }
}
