using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Serialization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerLifecycle.Tests.Docs;

public sealed class LeadScoringDocSamples
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);

    private static LeadInput Prospect(string id, string? industry, double? employees, params string[] flags) => new(CustomerId.From(id))
    {
        Industry = industry,
        Employees = employees,
        Region = "europe",
        Flags = flags,
        Interactions = [new("demo-request", AsOf), new("demo-request", AsOf), new("webinar", AsOf - Duration.FromDays(3))],
    };

    [Fact]
    public void QuickStart_ScoresOneProspectAndExplainsIt()
    {
        #region snippet: leads-quick-start
        var engine = new LeadScoringEngine(new LeadScoringOptions()); // the default policy
        var asOf = Instant.FromUtc(2026, 3, 1, 0, 0);

        var prospect = new LeadInput(CustomerId.From("p-1"))
        {
            Industry = "software",
            Employees = 200,
            Region = "europe",
            EmailDomain = "acme.io",
            Flags = ["uses-erp"],
            Interactions =
            [
                new("demo-request", asOf),                         // 30 points, today
                new("webinar", asOf - Duration.FromDays(30)),      // 10 points, one half-life ago: 5
                new("pricing-page", asOf - Duration.FromDays(60)), // 10 points, two half-lives ago: 2.5
            ],
        };

        LeadScore score = engine.Evaluate(prospect, asOf);
        // score.Qualification = MarketingQualified, score.Total = 68.75 = 0.5 × fit + 0.5 × engagement − negative
        // score.Fit = 100 (30 + 30 + 20 + 20), score.Engagement = 37.5 (30 + 5 + 2.5), score.Negative = 0

        // For a person: the same parameters, the decision in one line and every rule's part in it.
        Explanation<LeadScore> why = engine.Explain(prospect, asOf);
        Console.WriteLine(why);

        // p-1: MarketingQualified (total 68.75: fit 100, engagement 37.5, negative 0)
        // - MarketingQualified: total 68.75 >= 50 but < 75.
        // - Fit rule "industry" matched (software): 30 points × weight 0.5 = 15.
        // - …
        // - Engagement "webinar": 1 interaction(s), decayed weight 0.5 × 10 points → 5 points × weight 0.5 = 2.5.
        // - …
        #endregion

        Assert.Equal(new LeadAssessment(LeadQualification.MarketingQualified, 68.75, 100, 37.5, 0), score.ToAssessment());
        Assert.Equal("MarketingQualified (total 68.75: fit 100, engagement 37.5, negative 0)", why.Decision);
        Assert.Equal("Fit rule \"industry\" matched (software): 30 points × weight 0.5 = 15.", why.Reasons[1].Message);
        Assert.Equal("Engagement \"webinar\": 1 interaction(s), decayed weight 0.5 × 10 points → 5 points × weight 0.5 = 2.5.", why.Reasons[5].Message);
        Assert.StartsWith("p-1: MarketingQualified (total 68.75: fit 100, engagement 37.5, negative 0)\n- MarketingQualified: total 68.75 >= 50 but < 75.\n", why.ToString(), StringComparison.Ordinal);

        #region snippet: leads-lifecycle
        var lifecycle = new LifecycleEngine(new LifecycleOptions());
        var record = lifecycle.Create(prospect.Prospect, asOf - Duration.FromDays(90)); // stage Prospect

        // Contact for a marketing- or sales-qualified lead, Disqualification for a disqualified one, null for an unqualified one.
        if (score.ToLifecycleEvent(asOf) is { } qualified)
        {
            record = lifecycle.Apply(record, qualified).Record!; // stage Engaged; the same qualification again is a duplicate
        }
        #endregion

        Assert.Equal(LifecycleDefaults.Engaged, record.Stage);
    }

    [Fact]
    public void Configure_AWholePolicy()
    {
        #region snippet: leads-configure
        var options = new LeadScoringOptions
        {
            FitRules =
            [
                new() { Id = "saas", Kind = LeadRuleKind.IndustryIn, Values = ["saas", "software"], Points = 40 },
                new() { Id = "mid-market", Kind = LeadRuleKind.EmployeesBetween, MinEmployees = 100, MaxEmployees = 2000, Points = 40 },
                new() { Id = "dach", Kind = LeadRuleKind.RegionIn, Values = ["de", "at", "ch"], Points = 20 },
            ],
            InteractionKinds =
            [
                new() { Kind = "email-click", Points = 3, Cap = 15 },
                new() { Kind = "trial-signup", Points = 40 },
            ],
            HalfLifeDays = 14,
            NegativeRules = [new() { Id = "bounced", Kind = LeadRuleKind.HasFlag, Values = ["bounced"], Points = 30 }],
            DisqualifyingFlags = ["spam", "existing-customer"],
            FitWeight = 0.6,
            EngagementWeight = 0.4,
            SalesQualifiedMinimumFit = 70,
        };

        var engine = new LeadScoringEngine(options);  // validates: OptionsValidationException lists every problem
        string json = PolicyJson.Serialize(options);   // store it per tenant …
        var again = PolicyJson.Deserialize<LeadScoringOptions>(json); // … and read it back

        // In a host: AddCustomerLifecycle registers the default policy; change it there, or register lead scoring alone.
        var services = new ServiceCollection();
        services.AddCustomerLifecycle(b => b.ConfigureLeadScoring(o => o.HalfLifeDays = 14));
        #endregion

        var prospect = new LeadInput(CustomerId.From("p")) { Industry = "SaaS", Employees = 500, Region = "de", Interactions = [new("trial-signup", AsOf)] };
        Assert.Equal(new LeadAssessment(LeadQualification.SalesQualified, 76, 100, 40, 0), engine.Evaluate(prospect, AsOf).ToAssessment());
        Assert.Equal(json, PolicyJson.Serialize(again));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<LeadScoringEngine>());
    }

    [Fact]
    public void Batch_ScoresManyProspects()
    {
        var engine = new LeadScoringEngine(new LeadScoringOptions());
        var asOf = AsOf;
        LeadInput[] prospects = [Prospect("p-1", "software", 200, "uses-erp"), Prospect("p-2", "retail", 5), Prospect("p-3", "software", 200, "spam")];
        var events = new List<LifecycleEvent>();

        #region snippet: leads-batch
        var assessments = new LeadAssessment[prospects.Length];
        engine.Evaluate(prospects, asOf, assessments); // nothing allocated per prospect

        for (var i = 0; i < prospects.Length; i++)
        {
            // assessments[i]: Qualification, Total, Fit, Engagement, Negative; the same numbers Evaluate(prospects[i], asOf) gives.
            if (assessments[i].ToLifecycleEvent(prospects[i].Prospect, asOf) is { } lifecycleEvent)
            {
                events.Add(lifecycleEvent);
            }
        }
        #endregion

        Assert.Equal([LeadQualification.SalesQualified, LeadQualification.Unqualified, LeadQualification.Disqualified], assessments.Select(a => a.Qualification));
        Assert.Equal(["lead-scoring:SalesQualified:p-1", "lead-scoring:Disqualified:p-3"], events.Select(e => e.Id));
    }
}
