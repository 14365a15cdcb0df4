using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Tests.LeadScoring;

public sealed class LeadScoringProperties
{
    private const double Tolerance = 1e-9;
    private static readonly Instant AsOf = LeadScoringGenerators.AsOf;

    private static Arbitrary<(LeadScoringOptions Policy, LeadInput Input)> Cases { get; } = LeadScoringGenerators.PolicyAndInput.ToArbitrary();

    private static Arbitrary<(LeadScoringOptions Policy, LeadInput Input, LeadInteraction Added, int At)> CasesWithAnInteraction { get; } =
        (from c in LeadScoringGenerators.PolicyAndInput
         from added in LeadScoringGenerators.Interaction([.. c.Policy.InteractionKinds.Select(k => k.Kind)], AsOf)
         from at in Gen.Choose(0, c.Input.Interactions.Count)
         select (c.Policy, c.Input, added, at))
        .ToArbitrary();

    private static LeadScore Score((LeadScoringOptions Policy, LeadInput Input) c) => new LeadScoringEngine(c.Policy).Evaluate(c.Input, AsOf);

    [Property]
    public Property Scores_AreWithin0And100() => Prop.ForAll(Cases, c =>
    {
        var score = Score(c);
        return score.Total is >= 0 and <= 100 && score.Fit is >= 0 and <= 100 && score.Engagement is >= 0 and <= 100 && score.Negative >= 0;
    });

    [Property]
    public Property Contributions_SumToTheUnclampedTotal_AndTheTotalIsItClamped() => Prop.ForAll(Cases, c =>
    {
        var score = Score(c);
        return Math.Abs(score.Contributions.Sum(x => x.Contribution) - score.UnclampedTotal) < Tolerance
            && score.Total == Math.Clamp(score.UnclampedTotal, 0, 100);
    });

    [Property]
    public Property AddingAnInteraction_NeverLowersEngagement() => Prop.ForAll(CasesWithAnInteraction, c =>
    {
        var engine = new LeadScoringEngine(c.Policy);
        var more = c.Input with { Interactions = [.. c.Input.Interactions.Take(c.At), c.Added, .. c.Input.Interactions.Skip(c.At)] };
        return engine.Evaluate(more, AsOf).Engagement >= engine.Evaluate(c.Input, AsOf).Engagement;
    });

    [Property]
    public Property AnOlderInteraction_NeverCountsMoreThanTheSameOneNewer() => Prop.ForAll(
        CasesWithAnInteraction,
        Gen.Choose(1, 400 * 24).ToArbitrary(),
        (c, hoursOlder) =>
        {
            var engine = new LeadScoringEngine(c.Policy);
            LeadInput With(LeadInteraction interaction) => c.Input with { Interactions = [.. c.Input.Interactions.Take(c.At), interaction, .. c.Input.Interactions.Skip(c.At)] };
            // Only interactions up to the evaluation instant count: one after it is ignored however new.
            var newer = c.Added with { At = Instant.Min(c.Added.At, AsOf) };
            var older = newer with { At = newer.At - Duration.FromHours(hoursOlder) };
            return engine.Evaluate(With(older), AsOf).Engagement <= engine.Evaluate(With(newer), AsOf).Engagement;
        });

    [Property]
    public Property AddingAMatchingFitAttribute_NeverLowersFit() => Prop.ForAll(Cases, c =>
    {
        var engine = new LeadScoringEngine(c.Policy);
        var before = engine.Evaluate(c.Input, AsOf).Fit;
        return c.Policy.FitRules.All(rule =>
        {
            var value = rule.Values.FirstOrDefault();
            var more = rule.Kind switch
            {
                LeadRuleKind.HasFlag => c.Input with { Flags = [.. c.Input.Flags, value!] },
                LeadRuleKind.IndustryIn when c.Input.Industry is null => c.Input with { Industry = value },
                LeadRuleKind.RegionIn when c.Input.Region is null => c.Input with { Region = value },
                LeadRuleKind.EmailDomainIn when c.Input.EmailDomain is null => c.Input with { EmailDomain = value },
                LeadRuleKind.EmployeesBetween when c.Input.Employees is null => c.Input with { Employees = rule.MinEmployees ?? rule.MaxEmployees },
                _ => c.Input,
            };
            var after = engine.Evaluate(more, AsOf).Fit;
            return after >= before && (more == c.Input || after >= Math.Min(100, rule.Points));
        });
    });

    [Property]
    public Property ADisqualifyingFlag_AlwaysDisqualifies_AndOnlyIt() => Prop.ForAll(Cases, c =>
    {
        var disqualified = c.Input.Flags.Any(f => c.Policy.DisqualifyingFlags.Contains(f, StringComparer.OrdinalIgnoreCase));
        return (Score(c).Qualification == LeadQualification.Disqualified) == disqualified;
    });

    [Property]
    public Property Batch_EqualsSingle() => Prop.ForAll(
        LeadScoringGenerators.Policy.SelectMany(p => Gen.ListOf(LeadScoringGenerators.Input(p, AsOf)).Select(inputs => (Policy: p, Inputs: inputs.ToArray()))).ToArbitrary(),
        c =>
        {
            var engine = new LeadScoringEngine(c.Policy);
            var outputs = new LeadAssessment[c.Inputs.Length];
            engine.Evaluate(c.Inputs, AsOf, outputs);
            return c.Inputs.Select(i => engine.Evaluate(i, AsOf).ToAssessment()).SequenceEqual(outputs);
        });

    [Property]
    public Property Explain_Result_IsWhatEvaluateReturns() => Prop.ForAll(Cases, c =>
    {
        var engine = new LeadScoringEngine(c.Policy);
        var explained = engine.Explain(c.Input, AsOf);
        var evaluated = engine.Evaluate(c.Input, AsOf);
        return explained.Result with { Contributions = evaluated.Contributions, Reasons = evaluated.Reasons } == evaluated
            && explained.Result.Contributions.SequenceEqual(evaluated.Contributions)
            && explained.Result.Reasons.SequenceEqual(evaluated.Reasons)
            && explained.Reasons.Count == evaluated.Reasons.Count + evaluated.Contributions.Count;
    });

    [Property]
    public Property DefaultPolicy_GivesEveryProspectAQualification_AndAnEventForEveryOneQualified() => Prop.ForAll(LeadScoringArbitraries.DefaultPolicyInputs(), input =>
    {
        var score = new LeadScoringEngine(new LeadScoringOptions()).Evaluate(input, AsOf);
        return Enum.IsDefined(score.Qualification) && (score.ToLifecycleEvent(AsOf) is null) == (score.Qualification == LeadQualification.Unqualified);
    });

    [Property(Arbitrary = [typeof(LeadScoringArbitraries)], MaxTest = 50)]
    public bool GeneratedPolicies_AreValid(LeadScoringOptions policy) => new LeadScoringOptionsValidator().Validate(null, policy).Succeeded;
}
