using CustomerLifecycle.Health;
using Microsoft.Extensions.Options;
using NodaTime;
using static CustomerLifecycle.Tests.Health.HealthTestPolicies;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthEngineTests
{
    private static readonly HealthEngine Default = new(new HealthOptions());

    private static double ScoreOf(HealthFactorOptions factor, double value)
    {
        var engine = new HealthEngine(Single(factor));
        var input = default(HealthInput);
        input.Set(0, value);
        return engine.Evaluate(input, AsOf).ComputedScore!.Value.Value;
    }

    [Fact]
    public void DefaultPolicy_ScoresTheTypicalCustomerAt63InWarning()
    {
        var result = Default.Evaluate(Default.CreateInput(TypicalValues()), AsOf);

        Assert.Equal(HealthStatus.Scored, result.Status);
        Assert.Equal(63, result.ComputedScore!.Value.Value, 12);
        Assert.Equal(result.ComputedScore, result.Score);
        Assert.Equal("Warning", result.Band);
        Assert.Equal("Warning", result.ComputedBand);
        Assert.Equal(1, result.Coverage, 12);
        Assert.Equal(["login-frequency", "feature-adoption", "usage-trend", "support", "nps", "payment"], result.Factors.Select(f => f.FactorId));
        Assert.Equal([50, 50, 50, 80, 90, 75], result.Factors.Select(f => Math.Round(f.NormalizedValue!.Value, 9)));
        Assert.Equal([25, 20, 15, 15, 15, 10], result.Factors.Select(f => f.Weight));
        Assert.Equal([0.25, 0.2, 0.15, 0.15, 0.15, 0.1], result.Factors.Select(f => Math.Round(f.EffectiveWeight, 12)));
        Assert.Equal([12.5, 10, 7.5, 12, 13.5, 7.5], result.Factors.Select(f => Math.Round(f.Points, 9)));
        Assert.Equal(1.5, result.Factor("login-frequency")!.RawValue);
        Assert.Empty(result.Groups);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal("health.band", reason.Code);
        Assert.Equal("Score 63 is in band Warning [60, 80), with 100% of the weight covered by data.", reason.Message);
    }

    [Fact]
    public void DefaultPolicy_ClampsValuesOutsideTheRanges()
    {
        var values = TypicalValues();
        values["login-frequency"] = 10;
        values["payment"] = 90;
        var result = Default.Evaluate(Default.CreateInput(values), AsOf);

        Assert.Equal(100, result.Factor("login-frequency")!.NormalizedValue);
        Assert.Equal(0, result.Factor("payment")!.NormalizedValue);
        Assert.Equal(68, result.ComputedScore!.Value.Value, 12); // 25 + 10 + 7.5 + 12 + 13.5 + 0
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1.5, 50)]
    [InlineData(3, 100)]
    [InlineData(7, 100)]
    [InlineData(-2, 0)]
    public void Linear_MapsMinTo0AndMaxTo100AndClamps(double value, double expected)
        => Assert.Equal(expected, ScoreOf(new() { Id = "x", Normalizer = new() { Min = 0, Max = 3 } }, value), 12);

    [Theory]
    [InlineData(0, 100)]
    [InlineData(15, 75)]
    [InlineData(60, 0)]
    public void Linear_LowerIsBetter_MirrorsTheValue(double value, double expected)
        => Assert.Equal(expected, ScoreOf(new() { Id = "x", Direction = HealthDirection.LowerIsBetter, Normalizer = new() { Min = 0, Max = 60 } }, value), 12);

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(0, 100)]
    [InlineData(0.5, 60)]
    [InlineData(3, 60)]
    [InlineData(3.01, 0)]
    [InlineData(50, 0)]
    public void StepGrid_HonoursInclusiveAndExclusiveBounds(double value, double expected)
    {
        var factor = new HealthFactorOptions
        {
            Id = "tickets",
            Normalizer = new()
            {
                Kind = HealthNormalizerKind.StepGrid,
                Steps =
                [
                    new() { To = 0, ToInclusive = true, Points = 100 },
                    new() { From = 0, FromInclusive = false, To = 3, ToInclusive = true, Points = 60 },
                    new() { From = 3, FromInclusive = false, Points = 0 },
                ],
            },
        };

        Assert.Equal(expected, ScoreOf(factor, value));
    }

    [Fact]
    public void StepGrid_BelowTheFirstStep_TakesTheFirstStepsPoints()
    {
        var factor = new HealthFactorOptions
        {
            Id = "x",
            Normalizer = new() { Kind = HealthNormalizerKind.StepGrid, Steps = [new() { From = 10, To = 20, Points = 40 }, new() { From = 20, Points = 90 }] },
        };

        Assert.Equal(40, ScoreOf(factor, 5));
        Assert.Equal(40, ScoreOf(factor, 10));
        Assert.Equal(90, ScoreOf(factor, 20));
    }

    [Theory]
    [InlineData(5, 50)]
    [InlineData(6, 73.10585786300049)]
    [InlineData(4, 26.894142136999513)]
    public void Logistic_Is50AtTheMidpoint(double value, double expected)
        => Assert.Equal(expected, ScoreOf(new() { Id = "x", Normalizer = new() { Kind = HealthNormalizerKind.Logistic, Midpoint = 5, Steepness = 1 } }, value), 9);

    [Theory]
    [InlineData(150, HealthDirection.HigherIsBetter, 75)]
    [InlineData(300, HealthDirection.HigherIsBetter, 100)]
    [InlineData(-5, HealthDirection.HigherIsBetter, 0)]
    [InlineData(150, HealthDirection.LowerIsBetter, 25)]
    public void RatioToTarget_IsValueOverTargetClamped(double value, HealthDirection direction, double expected)
        => Assert.Equal(expected, ScoreOf(new() { Id = "x", Direction = direction, Normalizer = new() { Kind = HealthNormalizerKind.RatioToTarget, Target = 200 } }, value), 12);

    [Fact]
    public void MissingFactor_IsExcludedAndTheOtherWeightsRenormalised()
    {
        var values = TypicalValues();
        values.Remove("nps");
        var result = Default.Evaluate(Default.CreateInput(values), AsOf);

        Assert.Equal(4950.0 / 85, result.ComputedScore!.Value.Value, 12);
        Assert.Equal("AtRisk", result.Band);
        Assert.Equal(0.85, result.Coverage, 12);
        var nps = result.Factor("nps")!;
        Assert.Equal(new HealthFactorContribution("nps", HealthFactorDataState.Excluded, null, null, null, 15, 0, 0), nps);
        Assert.Equal(25.0 / 85, result.Factor("login-frequency")!.EffectiveWeight, 12);
        var reason = result.Reasons[1];
        Assert.Equal("health.factor-missing", reason.Code);
        Assert.Equal("Factor \"nps\" has no value; it was left out and the other weights re-normalised.", reason.Message);
    }

    [Fact]
    public void NaNValue_IsHandledByTheMissingDataPolicyAndNeverReachesTheScore()
    {
        var values = TypicalValues();
        values["nps"] = double.NaN;
        var result = Default.Evaluate(Default.CreateInput(values), AsOf);

        Assert.Equal(4950.0 / 85, result.ComputedScore!.Value.Value, 12);
        Assert.Equal(HealthFactorDataState.Excluded, result.Factor("nps")!.State);
        Assert.Equal(double.NaN, result.Factor("nps")!.RawValue);
        Assert.Equal("health.factor-invalid", result.Reasons[1].Code);
        Assert.Equal("Factor \"nps\" has the value NaN, which is not a finite number; it was left out and the other weights re-normalised.", result.Reasons[1].Message);
    }

    [Fact]
    public void InfiniteValue_IsHandledByTheMissingDataPolicy()
    {
        var values = TypicalValues();
        values["payment"] = double.PositiveInfinity;
        var result = Default.Evaluate(Default.CreateInput(values), AsOf);

        Assert.Equal(5550.0 / 90, result.ComputedScore!.Value.Value, 12);
        Assert.Equal(HealthFactorDataState.Excluded, result.Factor("payment")!.State);
    }

    [Fact]
    public void TreatAsZero_CountsTheFactorWith0PointsAtFullWeight()
    {
        var options = new HealthOptions();
        options.Factors[4].MissingData = HealthMissingDataPolicy.TreatAsZero;
        var engine = new HealthEngine(options);
        var values = TypicalValues();
        values.Remove("nps");
        var result = engine.Evaluate(engine.CreateInput(values), AsOf);

        Assert.Equal(49.5, result.ComputedScore!.Value.Value, 12);
        Assert.Equal(0.85, result.Coverage, 12);
        Assert.Equal(new HealthFactorContribution("nps", HealthFactorDataState.TreatedAsZero, null, null, 0, 15, 0.15, 0), result.Factor("nps"));
        Assert.Equal("Factor \"nps\" has no value; it counted as 0 points at its full weight.", result.Reasons[1].Message);
    }

    [Fact]
    public void Fail_LeavesTheCustomerUnscored()
    {
        var options = new HealthOptions();
        options.Factors[5].MissingData = HealthMissingDataPolicy.Fail;
        var engine = new HealthEngine(options);
        var values = TypicalValues();
        values.Remove("payment");
        var result = engine.Evaluate(engine.CreateInput(values), AsOf);

        Assert.Equal(HealthStatus.MissingRequiredFactor, result.Status);
        Assert.Null(result.Score);
        Assert.Null(result.ComputedScore);
        Assert.Null(result.Band);
        Assert.Equal(0, result.Coverage);
        Assert.Equal(HealthFactorDataState.Missing, result.Factor("payment")!.State);
        Assert.All(result.Factors, f => Assert.Equal(0, f.Points));
        Assert.Equal(["health.missing-required", "health.factor-missing"], result.Reasons.Select(r => r.Code));
        Assert.Equal("Factor \"payment\" has no value; the factor is required, so the customer was not scored.", result.Reasons[1].Message);
    }

    [Fact]
    public void CarryForward_UsesAValueWithinItsTimeToLive()
    {
        var options = new HealthOptions();
        options.Factors[4].MissingData = HealthMissingDataPolicy.CarryForward;
        options.Factors[4].CarryForwardDays = 90;
        var engine = new HealthEngine(options);
        var input = engine.CreateInput(TypicalValues());
        var observedAt = AsOf - Duration.FromDays(30);
        input.Set(engine.SlotOf("nps"), 9, observedAt);
        var result = engine.Evaluate(input, AsOf);

        Assert.Equal(63, result.ComputedScore!.Value.Value, 12);
        Assert.Equal(1, result.Coverage, 12);
        var nps = result.Factor("nps")!;
        Assert.Equal(HealthFactorDataState.CarriedForward, nps.State);
        Assert.Equal(observedAt, nps.ObservedAt);
        Assert.Equal("health.factor-carried-forward", result.Reasons[1].Code);
        Assert.Equal("Factor \"nps\" uses the value 9 observed at 2026-10-02T00:00:00Z, within its carry-forward time-to-live.", result.Reasons[1].Message);
    }

    [Fact]
    public void CarryForward_ExcludesAValueOlderThanItsTimeToLive()
    {
        var options = new HealthOptions();
        options.Factors[4].MissingData = HealthMissingDataPolicy.CarryForward;
        var engine = new HealthEngine(options);
        var input = engine.CreateInput(TypicalValues());
        input.Set(engine.SlotOf("nps"), 9, AsOf - Duration.FromDays(91));
        var result = engine.Evaluate(input, AsOf);

        Assert.Equal(4950.0 / 85, result.ComputedScore!.Value.Value, 12);
        Assert.Equal(HealthFactorDataState.Excluded, result.Factor("nps")!.State);
        Assert.Equal("health.factor-stale", result.Reasons[1].Code);
        Assert.Equal(
            "Factor \"nps\" has the value 9 observed at 2026-08-02T00:00:00Z, older than its carry-forward time-to-live; it was left out and the other weights re-normalised.",
            result.Reasons[1].Message);
    }

    [Fact]
    public void CarryForward_AtExactlyItsTimeToLive_StillUsesTheValue()
    {
        var options = new HealthOptions();
        options.Factors[4].MissingData = HealthMissingDataPolicy.CarryForward;
        var engine = new HealthEngine(options);
        var input = engine.CreateInput(TypicalValues());
        input.Set(engine.SlotOf("nps"), 9, AsOf - Duration.FromDays(90));

        Assert.Equal(HealthFactorDataState.CarriedForward, engine.Evaluate(input, AsOf).Factor("nps")!.State);
    }

    [Fact]
    public void NoData_LeavesTheCustomerUnscored()
    {
        var result = Default.Evaluate(default, AsOf);

        Assert.Equal(HealthStatus.NoData, result.Status);
        Assert.Null(result.Score);
        Assert.Equal("health.no-data", result.Reasons[0].Code);
        Assert.Equal(7, result.Reasons.Count);
    }

    [Theory]
    [InlineData(100, "Healthy")]
    [InlineData(80, "Healthy")]
    [InlineData(79.99999, "Warning")]
    [InlineData(60, "Warning")]
    [InlineData(59.99999, "AtRisk")]
    [InlineData(0, "AtRisk")]
    public void Bands_AreBoundedExactlyAtTheirThresholds(double score, string band)
    {
        Assert.Equal(band, Default.BandOf(HealthScore.From(score)));
        var engine = new HealthEngine(Single(new() { Id = "x", Normalizer = new() { Min = 0, Max = 100 } }));
        var input = default(HealthInput);
        input.Set(0, score);
        Assert.Equal(band, engine.Evaluate(input, AsOf).Band);
    }

    [Fact]
    public void Groups_NestAndRenormaliseWithinEachLevel()
    {
        var options = new HealthOptions
        {
            Factors = [new() { Id = "nps", Weight = 1, Normalizer = new() { Min = 0, Max = 10 } }],
            Groups =
            [
                new()
                {
                    Id = "usage",
                    Weight = 3,
                    Factors = [new() { Id = "logins", Weight = 1, Normalizer = new() { Min = 0, Max = 4 } }],
                    Groups = [new() { Id = "features", Weight = 1, Factors = [new() { Id = "reports", Normalizer = new() { Min = 0, Max = 10 } }, new() { Id = "exports", Normalizer = new() { Min = 0, Max = 10 } }] }],
                },
            ],
            Trend = new HealthTrendOptions { UsageDrops = [] },
        };
        var engine = new HealthEngine(options);
        Assert.Equal(["nps", "logins", "reports", "exports"], engine.FactorIds);

        // nps 100 (share 1/4); usage (3/4) = mean of logins 50 and features (mean of 20 and 60 = 40) = 45.
        var all = engine.Evaluate(engine.CreateInput(new Dictionary<string, double> { ["nps"] = 10, ["logins"] = 2, ["reports"] = 2, ["exports"] = 6 }), AsOf);
        Assert.Equal(25 + 0.75 * 45, all.ComputedScore!.Value.Value, 12);
        Assert.Equal([0.25, 0.375, 0.1875, 0.1875], all.Factors.Select(f => f.EffectiveWeight));
        Assert.Equal(
            [
                new HealthGroupContribution("usage", null, 45, 3, 0.75, 33.75),
                new HealthGroupContribution("features", "usage", 40, 1, 0.375, 15),
            ],
            all.Groups);

        // Without the features group, usage is logins alone.
        var partial = engine.Evaluate(engine.CreateInput(new Dictionary<string, double> { ["nps"] = 10, ["logins"] = 2 }), AsOf);
        Assert.Equal(25 + 0.75 * 50, partial.ComputedScore!.Value.Value, 12);
        Assert.Equal(0.625, partial.Coverage, 12);
        Assert.Equal(new HealthGroupContribution("features", "usage", null, 1, 0, 0), partial.Groups[1]);
        Assert.Equal(partial.ComputedScore!.Value.Value, partial.Factors.Sum(f => f.Points), 12);
    }

    [Fact]
    public void Override_IsInForceBesideTheComputedScore()
    {
        var input = Default.CreateInput(TypicalValues());
        var manual = new HealthOverride(HealthScore.From(85), "Renewal signed yesterday", "maria", AsOf + Duration.FromDays(30));
        var result = Default.Evaluate(input, AsOf, manual);

        Assert.Equal(85, result.Score!.Value.Value);
        Assert.Equal("Healthy", result.Band);
        Assert.Equal(63, result.ComputedScore!.Value.Value, 12);
        Assert.Equal("Warning", result.ComputedBand);
        Assert.Same(manual, result.Override);
        Assert.Equal("health.override", result.Reasons[^1].Code);
        Assert.Equal("Score overridden to 85 by maria until 2026-12-01T00:00:00Z: Renewal signed yesterday (computed score 63).", result.Reasons[^1].Message);
    }

    [Fact]
    public void Override_AtItsExpiry_IsNoLongerInForce()
    {
        var manual = new HealthOverride(HealthScore.From(85), "Renewal signed", "maria", AsOf);
        var result = Default.Evaluate(Default.CreateInput(TypicalValues()), AsOf, manual);

        Assert.Null(result.Override);
        Assert.Equal(result.ComputedScore, result.Score);
        Assert.Equal("health.override-expired", result.Reasons[^1].Code);
        Assert.Equal("The override to 85 by maria expired at 2026-11-01T00:00:00Z; the computed score is in force.", result.Reasons[^1].Message);
    }

    [Fact]
    public void UnlockedOverride_LapsesWhenTheComputedBandGetsWorseThanWhenItWasSet()
    {
        var manual = new HealthOverride(HealthScore.From(85), "Champion promoted", "maria", AsOf + Duration.FromDays(30), locked: false, computedScoreWhenSet: HealthScore.From(70));
        var values = TypicalValues();
        values["login-frequency"] = 0; // 63 − 12.5 = 50.5, AtRisk: worse than Warning when it was set.
        var result = Default.Evaluate(Default.CreateInput(values), AsOf, manual);

        Assert.Null(result.Override);
        Assert.Equal(50.5, result.Score!.Value.Value, 12);
        Assert.Equal("health.override-released", result.Reasons[^1].Code);
        Assert.Equal(
            "The override to 85 by maria lapsed because the computed score fell from 70 (Warning) to 50.5 (AtRisk) since it was set; lock an override to keep it.",
            result.Reasons[^1].Message);

        var locked = new HealthOverride(HealthScore.From(85), "Champion promoted", "maria", AsOf + Duration.FromDays(30), locked: true, computedScoreWhenSet: HealthScore.From(70));
        Assert.Equal(85, Default.Evaluate(Default.CreateInput(values), AsOf, locked).Score!.Value.Value);
    }

    [Fact]
    public void Diff_ListsEachFactorsChangeLargestFirst()
    {
        var before = Default.Evaluate(Default.CreateInput(TypicalValues()), AsOf);
        var values = TypicalValues();
        values["login-frequency"] = 0.3; // 10 points → 2.5: −10
        values["payment"] = 0;           // 75 → 100: +2.5
        var after = Default.Evaluate(Default.CreateInput(values), AsOf + Duration.FromDays(7));
        var diff = HealthEngine.Diff(before, after);

        Assert.Equal(-7.5, diff.ScoreChange, 9);
        Assert.Equal(["login-frequency", "payment", "feature-adoption", "nps", "support", "usage-trend"], diff.Factors.Select(f => f.FactorId));
        Assert.Equal(-10, diff.Factors[0].PointsChange, 9);
        Assert.Equal(2.5, diff.Factors[1].PointsChange, 9);
        Assert.Equal(1.5, diff.Factors[0].RawValueBefore);
        Assert.Equal(0.3, diff.Factors[0].RawValueAfter);
    }

    [Fact]
    public void Diff_BetweenPolicies_CountsAFactorInOnlyOneResultAsZeroInTheOther()
    {
        var before = Default.Evaluate(Default.CreateInput(TypicalValues()), AsOf);
        var other = new HealthEngine(Single(new() { Id = "nps", Normalizer = new() { Min = 0, Max = 10 } }));
        var after = other.Evaluate(other.CreateInput(new Dictionary<string, double> { ["nps"] = 9 }), AsOf);

        var diff = HealthEngine.Diff(before, after);

        Assert.Equal(90 - 63, diff.ScoreChange, 9);
        Assert.Equal(6, diff.Factors.Count);
        Assert.Equal(("nps", 13.5, 90.0), (diff.Factors[0].FactorId, Math.Round(diff.Factors[0].PointsBefore, 9), diff.Factors[0].PointsAfter));
        var payment = diff.Factors.Single(f => f.FactorId == "payment");
        Assert.Equal((7.5, 0.0, 15.0, (double?)null), (Math.Round(payment.PointsBefore, 9), payment.PointsAfter, payment.RawValueBefore, payment.RawValueAfter));
    }

    [Fact]
    public void Engine_IsSafeToShareAcrossThreads()
    {
        var inputs = Enumerable.Range(0, 64).Select(i =>
        {
            var input = Default.CreateInput(TypicalValues());
            input.Set(0, i / 16.0);
            return input;
        }).ToArray();
        var expected = inputs.Select(i => Default.Evaluate(i, AsOf).ComputedScore).ToArray();
        var actual = new HealthScore?[inputs.Length];

        Parallel.For(0, inputs.Length * 8, n => actual[n % inputs.Length] = Default.Evaluate(inputs[n % inputs.Length], AsOf).ComputedScore);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Batch_WritesCompactSummariesInInputOrder()
    {
        var missing = TypicalValues();
        missing.Remove("nps");
        HealthInput[] inputs = [Default.CreateInput(TypicalValues()), Default.CreateInput(missing), default];
        var outputs = new HealthScoreSummary[3];
        Default.Evaluate(inputs, AsOf, outputs);

        Assert.Equal(HealthStatus.Scored, outputs[0].Status);
        Assert.Equal(63, outputs[0].Score, 12);
        Assert.Equal(1, outputs[0].BandIndex);
        Assert.Equal("Warning", Default.BandName(outputs[0].BandIndex));
        Assert.Equal(2, outputs[1].BandIndex);
        Assert.Equal(0.85, outputs[1].Coverage, 12);
        Assert.Equal(new HealthScoreSummary(HealthStatus.NoData, 0, -1, 0), outputs[2]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Batch_AppliesCarryForwardLikeTheSingleCustomerPath(bool logistic)
    {
        var options = new HealthOptions();
        options.Factors[4].MissingData = HealthMissingDataPolicy.CarryForward;
        options.Factors[4].CarryForwardDays = 30;
        options.Factors[5].MissingData = HealthMissingDataPolicy.TreatAsZero;
        if (logistic)
        {
            // A non-linear factor takes the general flat kernel instead of the linear one.
            options.Factors[0].Normalizer = new() { Kind = HealthNormalizerKind.Logistic, Midpoint = 1.5, Steepness = 2 };
        }

        var engine = new HealthEngine(options);
        var nps = engine.SlotOf("nps");
        var payment = engine.SlotOf("payment");
        var inputs = new HealthInput[4];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = engine.CreateInput(TypicalValues());
        }

        inputs[0].Set(nps, 9, AsOf - Duration.FromDays(30));  // carried forward
        inputs[1].Set(nps, 9, AsOf - Duration.FromDays(31));  // stale: excluded
        inputs[2].Set(nps, 9, AsOf + Duration.FromDays(1));   // observed after asOf: taken as current
        inputs[3].Clear(payment);                              // treated as zero
        var outputs = new HealthScoreSummary[inputs.Length];
        engine.Evaluate(inputs, AsOf, outputs);

        for (var i = 0; i < inputs.Length; i++)
        {
            var single = engine.Evaluate(inputs[i], AsOf);
            Assert.Equal(new HealthScoreSummary(single.Status, single.ComputedScore!.Value.Value, engine.BandNames.ToList().IndexOf(single.ComputedBand!), single.Coverage), outputs[i]);
        }

        Assert.Equal(HealthFactorDataState.CarriedForward, engine.Evaluate(inputs[0], AsOf).Factor("nps")!.State);
        Assert.Equal(0.85, outputs[1].Coverage, 12);
        Assert.Equal(1, outputs[2].Coverage, 12);
        Assert.Equal(0.9, outputs[3].Coverage, 12);
        if (!logistic)
        {
            Assert.Equal(63, outputs[0].Score, 12);
            Assert.Equal(4950.0 / 85, outputs[1].Score, 12);
            Assert.Equal(63 - 7.5, outputs[3].Score, 12);
        }
    }

    [Fact]
    public void Batch_WithAFailingFactor_ReportsMissingRequiredFactor()
    {
        var options = new HealthOptions();
        options.Factors[5].MissingData = HealthMissingDataPolicy.Fail;
        var engine = new HealthEngine(options);
        var values = TypicalValues();
        values.Remove("payment");
        var outputs = new HealthScoreSummary[2];

        engine.Evaluate([engine.CreateInput(values), engine.CreateInput(TypicalValues())], AsOf, outputs);

        Assert.Equal(new HealthScoreSummary(HealthStatus.MissingRequiredFactor, 0, -1, 0), outputs[0]);
        Assert.Equal(HealthStatus.Scored, outputs[1].Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Batch_AllocatesNothingPerCustomer(bool grouped)
    {
        var options = new HealthOptions();
        if (grouped)
        {
            // Moves two factors into a group: the general kernel with group sums on the stack.
            options.Groups.Add(new HealthGroupOptions { Id = "experience", Weight = 25, Factors = [options.Factors[3], options.Factors[4]] });
            options.Factors.RemoveRange(3, 2);
        }

        var engine = new HealthEngine(options);
        var inputs = new HealthInput[2000];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = engine.CreateInput(TypicalValues());
            inputs[i].Set(0, i % 4);
        }

        var outputs = new HealthScoreSummary[inputs.Length];
        engine.Evaluate(inputs, AsOf, outputs);
        var allocated = Allocations.Fewest(() => engine.Evaluate(inputs, AsOf, outputs));

        Assert.Equal(0, allocated);
        Assert.Equal(engine.Evaluate(inputs[0], AsOf).ComputedScore!.Value.Value, outputs[0].Score);
        // Grouped: (25 × 0 + 20 × 50 + 15 × 50 + 10 × 75 + 25 × mean(80, 90)) / 95; flat: 63 without the 12.5 login points.
        Assert.Equal(grouped ? 4625.0 / 95 : 63 - 12.5, outputs[0].Score, 12);
    }

    [Fact]
    public void Batch_WithOutputsTooShort_ThrowsAndWritesNothing()
    {
        HealthInput[] inputs = [Default.CreateInput(TypicalValues()), default];
        var outputs = new HealthScoreSummary[1];

        var ex = Assert.Throws<ArgumentException>(() => Default.Evaluate(inputs, AsOf, outputs));

        Assert.Equal("outputs", ex.ParamName);
        Assert.StartsWith("The outputs span has 1 elements but there are 2 inputs; it must be at least as long.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(default, outputs[0]);
    }

    [Fact]
    public void SlotOf_UnknownId_NamesTheIdAndTheFactors()
    {
        var ex = Assert.Throws<ArgumentException>(() => Default.SlotOf("logins"));

        Assert.StartsWith(
            "No factor has the id \"logins\"; the factors are login-frequency, feature-adoption, usage-trend, support, nps, payment.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WithAnInvalidPolicy_ThrowsWithEveryFailure()
    {
        var options = new HealthOptions();
        options.Factors[0].Weight = -1;
        options.Bands[1].Max = 75;

        var ex = Assert.Throws<OptionsValidationException>(() => new HealthEngine(options));

        Assert.Equal(
            [
                "Factors[0].Weight: must be a finite number >= 0 but was -1.",
                "Bands[1].Max: must equal Bands[0].Min (80) so the bands neither overlap nor leave a gap, but was 75.",
            ],
            ex.Failures);
    }

    [Fact]
    public void Constructor_CopiesThePolicy()
    {
        var options = new HealthOptions();
        var engine = new HealthEngine(options);
        options.Factors[0].Weight = 1000;
        options.Bands[0].Name = "Great";

        Assert.Equal(63, engine.Evaluate(engine.CreateInput(TypicalValues()), AsOf).ComputedScore!.Value.Value, 12);
        Assert.Equal("Healthy", engine.BandNames[0]);
    }

    [Fact]
    public void BandName_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.BandName(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.BandName(-1));
    }
}
