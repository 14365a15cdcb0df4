using CustomerLifecycle.Health;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Tests.Health.HealthPolicyEdits;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthEngineProperties
{
    private const double Tolerance = 1e-9;
    private static readonly Instant AsOf = Instant.FromUtc(2026, 11, 1, 0, 0);

    private static Arbitrary<(HealthOptions Policy, HealthInput Input)> Cases { get; } = HealthGenerators.PolicyAndInput.ToArbitrary();

    /// <summary>Generated cases, half of them with one factor required (missing data fails the score), which the generators leave out.</summary>
    private static Arbitrary<(HealthOptions Policy, HealthInput Input)> CasesWithRequiredFactors { get; } =
        (from c in HealthGenerators.PolicyAndInput
         from pick in Gen.Choose(-8, 7)
         select pick < 0 ? c : (WithFactor(c.Policy, pick % HealthGenerators.FactorsOf(c.Policy).Count(), f => f.MissingData = HealthMissingDataPolicy.Fail), c.Input))
        .ToArbitrary();

    private static Arbitrary<(HealthOptions Policy, HealthInput Input)> FlatLinearCases { get; } =
        (from policy in HealthGenerators.Policy.Select(FlatLinear).Where(IsValid)
         from input in HealthGenerators.Input(policy)
         select (policy, input))
        .ToArbitrary();

    private static double? ScoreOf(HealthOptions policy, in HealthInput input) => new HealthEngine(policy).Evaluate(input, AsOf).ComputedScore?.Value;

    [Property]
    public Property Score_IsAlwaysWithin0And100() => Prop.ForAll(CasesWithRequiredFactors, c =>
        ScoreOf(c.Policy, c.Input) is not { } score || (score >= 0 && score <= 100));

    [Property]
    public Property Coverage_IsWithin0And1() => Prop.ForAll(Cases, c =>
    {
        var coverage = new HealthEngine(c.Policy).Evaluate(c.Input, AsOf).Coverage;
        return coverage >= 0 && coverage <= 1 + Tolerance;
    });

    [Property]
    public Property Contributions_SumToTheScore() => Prop.ForAll(CasesWithRequiredFactors, c =>
    {
        var result = new HealthEngine(c.Policy).Evaluate(c.Input, AsOf);
        var sum = result.Factors.Sum(f => f.Points);
        var rootGroups = result.Groups.Where(g => g.ParentId is null).Sum(g => g.Points);
        var rootFactors = result.Factors.Where(f => c.Policy.Factors.Any(r => r.Id == f.FactorId)).Sum(f => f.Points);
        return result.ComputedScore is { } score
            ? Math.Abs(sum - score.Value) < Tolerance && Math.Abs(rootGroups + rootFactors - score.Value) < Tolerance
            : sum == 0;
    });

    [Property]
    public Property Explain_FactorContributions_SumToTheScore() => Prop.ForAll(CasesWithRequiredFactors, c =>
    {
        var explanation = new HealthEngine(c.Policy).Explain(c.Input, AsOf);
        var factors = explanation.Reasons.Where(r => r.Code == "health.factor").ToArray();
        var sum = factors.Sum(r => (double)r.Data["contribution"]!);
        return factors.Length == explanation.Result.Factors.Count
            && (explanation.Result.ComputedScore is { } score ? Math.Abs(sum - score.Value) < Tolerance : sum == 0);
    });

    [Property]
    public Property Explain_Result_IsWhatEvaluateReturns() => Prop.ForAll(
        CasesWithRequiredFactors,
        Gen.Choose(-1, 100).ToArbitrary(),
        (c, overrideScore) =>
        {
            var engine = new HealthEngine(c.Policy);
            var manualOverride = overrideScore < 0 ? null : new HealthOverride(HealthScore.From(overrideScore), "checked by hand", "ops", AsOf + Duration.FromDays(1));
            var explained = engine.Explain(c.Input, AsOf, manualOverride).Result;
            var evaluated = engine.Evaluate(c.Input, AsOf, manualOverride);
            return explained with { Factors = evaluated.Factors, Groups = evaluated.Groups, Reasons = evaluated.Reasons } == evaluated
                && explained.Factors.SequenceEqual(evaluated.Factors) && explained.Groups.SequenceEqual(evaluated.Groups) && explained.Reasons.SequenceEqual(evaluated.Reasons);
        });

    [Property]
    public Property Score_IsMonotoneInEachFactorInItsDirection() => Prop.ForAll(
        Cases,
        Gen.Choose(0, 7).ToArbitrary(),
        Gen.Choose(1, 500).Select(x => x / 100.0).ToArbitrary(),
        (c, pick, step) =>
        {
            var factors = HealthGenerators.FactorsOf(c.Policy).ToArray();
            var slot = pick % factors.Length;
            if (!c.Input.HasValue(slot))
            {
                return true;
            }

            var changed = c.Input;
            changed.Set(slot, c.Input.GetValue(slot) + step);
            var before = ScoreOf(c.Policy, c.Input);
            var after = ScoreOf(c.Policy, changed);
            if (before is not { } b || after is not { } a)
            {
                return before is null && after is null;
            }

            return factors[slot].Direction == HealthDirection.HigherIsBetter ? a >= b - Tolerance : a <= b + Tolerance;
        });

    [Property]
    public Property MultiplyingAllWeightsByAPositiveFactor_ChangesNothing() => Prop.ForAll(
        Cases,
        Gen.Choose(1, 1000).Select(x => x / 10.0).ToArbitrary(),
        (c, k) =>
        {
            var plain = ScoreOf(c.Policy, c.Input);
            var scaled = ScoreOf(WeightsTimes(c.Policy, k), c.Input);
            return plain is { } p && scaled is { } s ? Math.Abs(p - s) < 1e-7 : plain is null && scaled is null;
        });

    [Property]
    public Property ExcludingAMissingFactor_EqualsScoringWithoutIt() => Prop.ForAll(
        Cases,
        Gen.Choose(0, 7).ToArbitrary(),
        (c, pick) =>
        {
            var ids = new HealthEngine(c.Policy).FactorIds;
            var slot = pick % ids.Count;
            var without = Without(c.Policy, ids[slot]);
            if (!IsValid(without))
            {
                // Removing the factor would leave an empty group or no weight: not a policy one can score without it.
                return true;
            }

            var missing = WithFactor(c.Policy, slot, f => f.MissingData = HealthMissingDataPolicy.Exclude);
            var input = c.Input;
            input.Clear(slot);
            var values = Enumerable.Range(0, ids.Count).Where(i => i != slot && input.HasValue(i)).Select(i => KeyValuePair.Create(ids[i], input.GetValue(i)));
            var withMissing = ScoreOf(missing, input);
            var withoutIt = ScoreOf(without, new HealthEngine(without).CreateInput(values));
            return withMissing is { } a && withoutIt is { } b ? Math.Abs(a - b) < Tolerance : withMissing is null && withoutIt is null;
        });

    [Property]
    public Property SameInputs_GiveTheSameResult() => Prop.ForAll(Cases, c =>
    {
        var a = new HealthEngine(c.Policy).Evaluate(c.Input, AsOf);
        var b = new HealthEngine(Copy(c.Policy)).Evaluate(c.Input, AsOf);
        return a.ComputedScore == b.ComputedScore && a.Band == b.Band && a.Coverage == b.Coverage
            && a.Factors.SequenceEqual(b.Factors) && a.Reasons.SequenceEqual(b.Reasons);
    });

    [Property]
    public Property Batch_AgreesWithTheSingleCustomerPath() => Prop.ForAll(CasesWithRequiredFactors, c => BatchAgreesWithSingle(c.Policy, c.Input));

    [Property]
    public Property Batch_AgreesWithTheSingleCustomerPath_ForFlatLinearPolicies() => Prop.ForAll(FlatLinearCases, c => BatchAgreesWithSingle(c.Policy, c.Input));

    [Property]
    public Property DiffOfAResultWithItself_IsAllZeros() => Prop.ForAll(Cases, c =>
    {
        var result = new HealthEngine(c.Policy).Evaluate(c.Input, AsOf);
        var diff = HealthEngine.Diff(result, result);
        return diff.ScoreChange == 0 && diff.Factors.Count == result.Factors.Count && diff.Factors.All(f => f.PointsChange == 0);
    });

    [Property]
    public Property Hysteresis_NeverFlapsOnAConstantScore() => Prop.ForAll(
        Gen.Choose(0, 10000).Select(x => x / 100.0).ToArbitrary(),
        Gen.Choose(-1, 2).ToArbitrary(),
        Gen.Choose(1, 30).ToArbitrary(),
        (score, start, repeats) =>
        {
            // A constant score may move the band once (at once upwards, or after the pending downgrade's evaluations),
            // never back and forth: over any run, at most one change.
            var engine = new HealthEngine(new HealthOptions());
            var band = start;
            var streak = 0;
            var changes = 0;
            for (var i = 0; i < repeats; i++)
            {
                var next = engine.NextBand(band, score, ref streak);
                changes += next != band ? 1 : 0;
                band = next;
            }

            return changes <= 1;
        });

    [Property]
    public Property SettleBand_FoldedOverAHistory_GivesTheTrendsBand() => Prop.ForAll(
        Gen.ArrayOf(Gen.Choose(0, 100).Select(x => (double)x), 12).ToArbitrary(),
        scores =>
        {
            var engine = new HealthEngine(HealthTestPolicies.ScoreAndLogins());
            HealthBandState? state = null;
            var history = new List<HealthResult>();
            for (var i = 0; i < scores.Length; i++)
            {
                var result = HealthTestPolicies.Scored(engine, i, scores[i]);
                state = engine.SettleBand(state, result.Score!.Value);
                history.Add(result);
            }

            var trend = engine.AnalyzeTrend(history, HealthTestPolicies.AsOf + Duration.FromDays(scores.Length));
            return state?.Band == trend.Band;
        });

    [Property]
    public Property Hysteresis_HoveringWithinTheMarginBelowABand_NeverLeavesIt() => Prop.ForAll(
        Gen.ArrayOf(Gen.Choose(7801, 8200).Select(x => x / 100.0), 20).ToArbitrary(),
        scores =>
        {
            // Consecutive-evaluation switching off: only the margin (2 points below Healthy's 80) decides.
            var engine = new HealthEngine(new HealthOptions { Trend = new HealthTrendOptions { HysteresisEvaluations = 0 } });
            var band = 0;
            var streak = 0;
            foreach (var score in scores)
            {
                band = engine.NextBand(band, score, ref streak);
                if (band != 0)
                {
                    return false;
                }
            }

            return true;
        });

    private static bool BatchAgreesWithSingle(HealthOptions policy, HealthInput input)
    {
        var engine = new HealthEngine(policy);
        var single = engine.Evaluate(input, AsOf);
        var outputs = new HealthScoreSummary[1];
        engine.Evaluate([input], AsOf, outputs);
        var batch = outputs[0];
        return batch.Status == single.Status
            && batch.Score == (single.ComputedScore?.Value ?? 0)
            && (batch.BandIndex < 0 ? single.ComputedBand is null : engine.BandName(batch.BandIndex) == single.ComputedBand)
            && batch.Coverage == single.Coverage;
    }
}
