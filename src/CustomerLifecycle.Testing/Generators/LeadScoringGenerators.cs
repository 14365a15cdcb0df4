using CustomerLifecycle.LeadScoring;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Generators;

/// <summary>FsCheck generators for the lead-scoring engine: policies (fit, negative and disqualifying rules over a small
/// vocabulary, interaction kinds with and without caps) and the prospects a policy scores.</summary>
/// <remarks>
/// Attribute values and flags are drawn mostly from the policy's own rules, so that rules match often, and sometimes from
/// outside them; interactions fall within a year before the instant of evaluation, and a few after it or of a kind the
/// policy does not know, so that the ignored cases come up too.
/// </remarks>
public static class LeadScoringGenerators
{
    private static readonly string[] Industries = ["software", "manufacturing", "retail", "finance"];
    private static readonly string[] Regions = ["europe", "north-america", "asia"];
    private static readonly string[] Domains = ["example.com", "gmail.com", "acme.io"];
    private static readonly string[] Flags = ["uses-erp", "competitor", "student", "unsubscribed", "outside-icp", "spam"];
    private static readonly string[] Kinds = ["email-open", "site-visit", "webinar", "demo-request", "pricing-page"];

    /// <summary>Gets the instant the arbitraries' inputs are generated around (<see cref="LeadScoringArbitraries"/>): 2026-01-01T00:00:00Z.</summary>
    public static Instant AsOf { get; } = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>Gets a generator of valid lead-scoring policies: 0–5 fit rules and 0–4 negative rules of every kind,
    /// 1–5 interaction kinds (some capped), a half-life of 1–90 days, fit and engagement weights summing to 1, and thresholds
    /// in order.</summary>
    public static Gen<LeadScoringOptions> Policy { get; } =
        from fit in Gen.Choose(0, 5).SelectMany(n => Gen.CollectToList(Enumerable.Range(0, n), i => Rule($"fit-{i}", allowNoActivity: false)))
        from negative in Gen.Choose(0, 4).SelectMany(n => Gen.CollectToList(Enumerable.Range(0, n), i => Rule($"negative-{i}", allowNoActivity: true)))
        from kinds in Gen.Choose(1, Kinds.Length).SelectMany(n => Gen.CollectToList(Kinds.Take(n), InteractionKind))
        from halfLife in Gen.Choose(1, 90)
        from disqualifying in Gen.SubListOf(Flags).Select(f => f.ToList())
        from fitTenths in Gen.Choose(0, 10)
        from mql in Gen.Choose(0, 100)
        from sql in Gen.Choose(mql, 100)
        from sqlFit in Gen.Choose(0, 100)
        select new LeadScoringOptions
        {
            FitRules = fit,
            NegativeRules = negative,
            InteractionKinds = kinds,
            HalfLifeDays = halfLife,
            DisqualifyingFlags = disqualifying,
            FitWeight = fitTenths / 10.0,
            EngagementWeight = (10 - fitTenths) / 10.0,
            MarketingQualifiedMinimum = mql,
            SalesQualifiedMinimum = sql,
            SalesQualifiedMinimumFit = sqlFit,
        };

    /// <summary>A generator of one fit or negative rule with the given id.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="allowNoActivity">Whether the rule may be a <see cref="LeadRuleKind.NoActivityForDays"/> rule (negative rules only).</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public static Gen<LeadRuleOptions> Rule(string id, bool allowNoActivity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var kinds = allowNoActivity ? Enum.GetValues<LeadRuleKind>() : [.. Enum.GetValues<LeadRuleKind>().Where(k => k != LeadRuleKind.NoActivityForDays)];
        return from kind in Gen.Elements(kinds)
               from points in Gen.Choose(0, 60).Select(p => (double)p)
               from values in ValuesOf(kind) is { Length: > 0 } vocabulary
                   ? Gen.NonEmptyListOf(Gen.Elements(vocabulary)).Select(v => v.Distinct().ToList())
                   : Gen.Constant(new List<string>())
               from min in Gen.Choose(0, 500)
               from span in Gen.Choose(0, 2000)
               from bounds in Gen.Elements(0, 1, 2)
               from days in Gen.Choose(1, 180)
               select new LeadRuleOptions
               {
                   Id = id,
                   Kind = kind,
                   Points = points,
                   Values = values,
                   MinEmployees = bounds != 2 ? min : null,
                   MaxEmployees = bounds != 1 ? min + span : null,
                   Days = days,
               };
    }

    /// <summary>A generator of an interaction kind's points (0–40) and cap (none, or 5–60).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is blank.</exception>
    public static Gen<LeadInteractionKindOptions> InteractionKind(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return from points in Gen.Choose(0, 40)
               from cap in Gen.Frequency((1, Gen.Constant<double?>(null)), (2, Gen.Choose(5, 60).Select(c => (double?)c)))
               select new LeadInteractionKindOptions { Kind = kind, Points = points, Cap = cap };
    }

    /// <summary>A generator of prospects for <paramref name="policy"/>, with interactions around <paramref name="asOf"/>.</summary>
    /// <param name="policy">The policy whose rule values, flags and interaction kinds the prospects draw on.</param>
    /// <param name="asOf">The instant the prospects will be scored at.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static Gen<LeadInput> Input(LeadScoringOptions policy, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rules = policy.FitRules.Concat(policy.NegativeRules).ToArray();
        string[] Vocabulary(LeadRuleKind kind, string[] others) => [.. rules.Where(r => r.Kind == kind).SelectMany(r => r.Values).Concat(others).Distinct()];
        var industries = Vocabulary(LeadRuleKind.IndustryIn, Industries);
        var regions = Vocabulary(LeadRuleKind.RegionIn, Regions);
        var domains = Vocabulary(LeadRuleKind.EmailDomainIn, Domains);
        var flags = Vocabulary(LeadRuleKind.HasFlag, [.. Flags, .. policy.DisqualifyingFlags]);
        string[] kinds = [.. policy.InteractionKinds.Select(k => k.Kind), "unknown-kind"];
        return from id in Gen.Choose(1, 1_000_000)
               from industry in Optional(industries)
               from region in Optional(regions)
               from domain in Optional(domains)
               from employees in Gen.Frequency((1, Gen.Constant<double?>(null)), (4, Gen.Choose(0, 3000).Select(e => (double?)e)))
               from flagList in Gen.SubListOf(flags).Select(f => f.ToList())
               from interactions in Gen.Choose(0, 12).SelectMany(n => Gen.ListOf(Interaction(kinds, asOf), n))
               select new LeadInput(CustomerId.From($"prospect-{id}"))
               {
                   Industry = industry,
                   Region = region,
                   EmailDomain = domain,
                   Employees = employees,
                   Flags = flagList,
                   Interactions = [.. interactions],
               };
    }

    /// <summary>A generator of one interaction of one of <paramref name="kinds"/>: mostly within the year before
    /// <paramref name="asOf"/> (on the minute), sometimes exactly at it, sometimes up to 10 days after it.</summary>
    /// <param name="kinds">The kinds to draw from.</param>
    /// <param name="asOf">The instant the interaction will be scored at.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kinds"/> is empty.</exception>
    public static Gen<LeadInteraction> Interaction(IReadOnlyList<string> kinds, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentOutOfRangeException.ThrowIfZero(kinds.Count);
        return from kind in Gen.Elements(kinds.ToArray())
               from minutes in Gen.Frequency(
                   (1, Gen.Constant(0)),
                   (1, Gen.Choose(-10 * 24 * 60, -1)),
                   (10, Gen.Choose(1, 365 * 24 * 60)))
               select new LeadInteraction(kind, asOf - Duration.FromMinutes(minutes));
    }

    /// <summary>A generator of a policy from <see cref="Policy"/> with a prospect for it from <see cref="Input"/>, around <see cref="AsOf"/>.</summary>
    public static Gen<(LeadScoringOptions Policy, LeadInput Input)> PolicyAndInput { get; } =
        from policy in Policy
        from input in Input(policy, AsOf)
        select (policy, input);

    private static string[] ValuesOf(LeadRuleKind kind) => kind switch
    {
        LeadRuleKind.IndustryIn => Industries,
        LeadRuleKind.RegionIn => Regions,
        LeadRuleKind.EmailDomainIn => Domains,
        LeadRuleKind.HasFlag => Flags,
        _ => [],
    };

    private static Gen<string?> Optional(string[] values)
        => Gen.Frequency((1, Gen.Constant<string?>(null)), (4, Gen.Elements(values).Select(v => (string?)v)));
}
