using CustomerLifecycle.Health;
using CustomerLifecycle.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthEngineProperties
{
    private const double Tolerance = 1e-9;
    private static readonly Instant AsOf = Instant.FromUtc(2026, 11, 1, 0, 0);

    private static double? ScoreOf(HealthScenario scenario, HealthOptions? options = null, int? without = null)
    {
        var engine = new HealthEngine(options ?? scenario.Options(without: without));
        return engine.Evaluate(scenario.Input(engine, without), AsOf).ComputedScore?.Value;
    }

    [Property]
    public Property Score_IsAlwaysWithin0And100() => Prop.ForAll(HealthGenerators.Scenarios(), scenario =>
        ScoreOf(scenario) is not { } score || (score >= 0 && score <= 100));

    [Property]
    public Property Coverage_IsWithin0And1() => Prop.ForAll(HealthGenerators.Scenarios(), scenario =>
    {
        var engine = new HealthEngine(scenario.Options());
        var coverage = engine.Evaluate(scenario.Input(engine), AsOf).Coverage;
        return coverage >= 0 && coverage <= 1 + Tolerance;
    });

    [Property]
    public Property Contributions_SumToTheScore() => Prop.ForAll(HealthGenerators.Scenarios(), scenario =>
    {
        var engine = new HealthEngine(scenario.Options());
        var result = engine.Evaluate(scenario.Input(engine), AsOf);
        var sum = result.Factors.Sum(f => f.Points);
        var rootGroups = result.Groups.Where(g => g.ParentId is null).Sum(g => g.Points);
        var rootFactors = result.Factors.Where(f => scenario.Factors[int.Parse(f.FactorId[1..], System.Globalization.CultureInfo.InvariantCulture)].Group == 0).Sum(f => f.Points);
        return result.ComputedScore is { } score
            ? Math.Abs(sum - score.Value) < Tolerance && Math.Abs(rootGroups + rootFactors - score.Value) < Tolerance
            : sum == 0;
    });

    [Property]
    public Property Score_IsMonotoneInEachFactorInItsDirection() => Prop.ForAll(
        HealthGenerators.Scenarios(),
        Gen.Choose(0, 7).ToArbitrary(),
        Gen.Choose(1, 500).Select(x => x / 100.0).ToArbitrary(),
        (scenario, pick, step) =>
        {
            var index = pick % scenario.Factors.Length;
            if (scenario.Factors[index].Value is not { } value)
            {
                return true;
            }

            var before = ScoreOf(scenario);
            var after = ScoreOf(scenario.WithValue(index, value + step));
            if (before is not { } b || after is not { } a)
            {
                return before is null && after is null;
            }

            return scenario.Factors[index].Direction == HealthDirection.HigherIsBetter ? a >= b - Tolerance : a <= b + Tolerance;
        });

    [Property]
    public Property MultiplyingAllWeightsByAPositiveFactor_ChangesNothing() => Prop.ForAll(
        HealthGenerators.Scenarios(),
        Gen.Choose(1, 1000).Select(x => x / 10.0).ToArbitrary(),
        (scenario, k) =>
        {
            var plain = ScoreOf(scenario);
            var scaled = ScoreOf(scenario, scenario.Options(weightScale: k));
            return plain is { } p && scaled is { } s ? Math.Abs(p - s) < 1e-7 : plain is null && scaled is null;
        });

    [Property]
    public Property ExcludingAMissingFactor_EqualsScoringWithoutIt() => Prop.ForAll(
        HealthGenerators.Scenarios(),
        Gen.Choose(0, 7).ToArbitrary(),
        (scenario, pick) =>
        {
            var index = pick % scenario.Factors.Length;
            var missing = scenario.WithValue(index, null).WithPolicy(index, HealthMissingDataPolicy.Exclude);
            if (!missing.IsValid(without: index))
            {
                // Removing the factor would leave an empty group or no weight: not a policy one can score without it.
                return true;
            }

            var withMissing = ScoreOf(missing);
            var without = ScoreOf(missing, without: index);
            return withMissing is { } a && without is { } b ? Math.Abs(a - b) < Tolerance : withMissing is null && without is null;
        });

    [Property]
    public Property SameInputs_GiveTheSameResult() => Prop.ForAll(HealthGenerators.Scenarios(), scenario =>
    {
        var first = new HealthEngine(scenario.Options());
        var second = new HealthEngine(scenario.Options());
        var a = first.Evaluate(scenario.Input(first), AsOf);
        var b = second.Evaluate(scenario.Input(second), AsOf);
        return a.ComputedScore == b.ComputedScore && a.Band == b.Band && a.Coverage == b.Coverage
            && a.Factors.SequenceEqual(b.Factors) && a.Reasons.SequenceEqual(b.Reasons);
    });

    [Property]
    public Property Batch_AgreesWithTheSingleCustomerPath() => Prop.ForAll(HealthGenerators.Scenarios(), BatchAgreesWithSingle);

    [Property]
    public Property Batch_AgreesWithTheSingleCustomerPath_ForFlatLinearPolicies() => Prop.ForAll(HealthGenerators.FlatLinearScenarios(), BatchAgreesWithSingle);

    [Property]
    public Property DiffOfAResultWithItself_IsAllZeros() => Prop.ForAll(HealthGenerators.Scenarios(), scenario =>
    {
        var engine = new HealthEngine(scenario.Options());
        var result = engine.Evaluate(scenario.Input(engine), AsOf);
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

    private static bool BatchAgreesWithSingle(HealthScenario scenario)
    {
        var engine = new HealthEngine(scenario.Options());
        var input = scenario.Input(engine);
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
