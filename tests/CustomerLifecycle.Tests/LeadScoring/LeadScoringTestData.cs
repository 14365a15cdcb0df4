using CustomerLifecycle.LeadScoring;
using NodaTime;

namespace CustomerLifecycle.Tests.LeadScoring;

/// <summary>Prospects and policies whose scores are worked out by hand in the tests.</summary>
internal static class LeadScoringTestData
{
    public static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);

    public static readonly LeadScoringEngine DefaultEngine = new(new LeadScoringOptions());

    public static Instant DaysAgo(double days) => AsOf - Duration.FromTicks((long)(days * NodaConstants.TicksPerDay));

    public static LeadInteraction Interaction(string kind, double daysAgo = 0) => new(kind, DaysAgo(daysAgo));

    /// <summary>Every default fit rule matches: fit 100.</summary>
    public static LeadInput IdealProspect(params LeadInteraction[] interactions) => new(CustomerId.From("p-1"))
    {
        Industry = "software",
        Employees = 200,
        Region = "europe",
        EmailDomain = "acme.io",
        Flags = ["uses-erp"],
        Interactions = interactions,
    };

    /// <summary>A demo request today, a webinar one half-life ago, a pricing-page visit two half-lives ago: engagement 30 + 5 + 2.5 = 37.5.</summary>
    public static LeadInput MarketingQualified() => IdealProspect(Interaction("demo-request"), Interaction("webinar", 30), Interaction("pricing-page", 60));

    /// <summary>
    /// A policy where the total is worked out exactly: the flag "fit" is worth <paramref name="fit"/> fit points, one "touch"
    /// interaction is worth <paramref name="engagement"/> engagement points, no negative rules, weights 0.5 / 0.5.
    /// </summary>
    public static (LeadScoringEngine Engine, LeadInput Input) Exact(double fit, double engagement) =>
        (new LeadScoringEngine(new LeadScoringOptions
        {
            FitRules = [new LeadRuleOptions { Id = "fit", Kind = LeadRuleKind.HasFlag, Values = ["fit"], Points = fit }],
            InteractionKinds = [new LeadInteractionKindOptions { Kind = "touch", Points = engagement }],
            NegativeRules = [],
        }),
        new LeadInput(CustomerId.From("exact")) { Flags = ["fit"], Interactions = [Interaction("touch")] });
}
