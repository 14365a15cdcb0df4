using CustomerLifecycle.Health;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthOptionsValidatorTests
{
    private static IEnumerable<string> Failures(HealthOptions options)
    {
        var result = new HealthOptionsValidator().Validate(null, options);
        return result.Succeeded ? [] : result.Failures!;
    }

    [Fact]
    public void DefaultPolicy_IsValid() => Assert.True(new HealthOptionsValidator().Validate(null, new HealthOptions()).Succeeded);

    [Fact]
    public void DefaultPolicy_IsDesignSection23()
    {
        var options = new HealthOptions();
        Assert.Equal(["login-frequency", "feature-adoption", "usage-trend", "support", "nps", "payment"], options.Factors.Select(f => f.Id));
        Assert.Equal([25, 20, 15, 15, 15, 10], options.Factors.Select(f => f.Weight));
        Assert.All(options.Factors, f => Assert.Equal(HealthMissingDataPolicy.Exclude, f.MissingData));
        Assert.Equal(["Healthy", "Warning", "AtRisk"], options.Bands.Select(b => b.Name));
        Assert.Equal([80, 60, 0], options.Bands.Select(b => b.Min));
        Assert.Equal(90, options.Trend.WindowDays);
        Assert.Equal(20, options.Trend.ScoreDropPoints);
        Assert.Equal(2, options.Trend.HysteresisMargin);
        Assert.Equal(3, options.Trend.HysteresisEvaluations);
        Assert.Equal(("login-frequency", 80.0), (options.Trend.UsageDrops[0].FactorId, options.Trend.UsageDrops[0].DropPercent));
    }

    [Fact]
    public void FactorErrors_NameTheFieldAndTheValue()
    {
        var options = new HealthOptions();
        options.Factors[0].Weight = double.NaN;
        options.Factors[1].Id = "login-frequency";
        options.Factors[2].Normalizer.Max = -1;
        options.Factors[3].Normalizer = null!;
        options.Factors[4].MissingData = HealthMissingDataPolicy.CarryForward;
        options.Factors[4].CarryForwardDays = 0;
        options.Factors[5].Normalizer = new() { Kind = HealthNormalizerKind.Logistic, Steepness = 0 };

        Assert.Equal(
            [
                "Factors[0].Weight: must be a finite number >= 0 but was NaN.",
                "Factors[1].Id: \"login-frequency\" is already used by another factor or group.",
                "Factors[2].Normalizer.Max: must be greater than Min (-0.8) but was -1.",
                "Factors[3].Normalizer: must not be null.",
                "Factors[4].CarryForwardDays: must be in range [1-36500] but was 0.",
                "Factors[5].Normalizer.Steepness: must be a finite number > 0 but was 0.",
            ],
            Failures(options));
    }

    [Fact]
    public void NormaliserParameters_MustBeFinite()
    {
        var options = new HealthOptions();
        options.Factors[0].Normalizer.Min = double.NaN;
        options.Factors[1].Normalizer = new() { Kind = HealthNormalizerKind.RatioToTarget, Target = -1 };
        options.Factors[2].Normalizer = new() { Kind = HealthNormalizerKind.Logistic, Midpoint = double.PositiveInfinity };
        options.Factors[3].Normalizer.Kind = (HealthNormalizerKind)9;
        options.Factors[4].Direction = (HealthDirection)5;

        Assert.Equal(
            [
                "Factors[0].Normalizer.Min: must be a finite number but was NaN.",
                "Factors[1].Normalizer.Target: must be a finite number > 0 but was -1.",
                "Factors[2].Normalizer.Midpoint: must be a finite number but was Infinity.",
                "Factors[3].Normalizer.Kind: must be Linear, StepGrid, Logistic or RatioToTarget but was 9.",
                "Factors[4].Direction: must be HigherIsBetter or LowerIsBetter but was 5.",
            ],
            Failures(options));
    }

    [Fact]
    public void LinearRange_MustBeFinite()
    {
        var options = new HealthOptions();
        options.Factors[0].Normalizer = new() { Min = -1e308, Max = 1e308 };

        Assert.Equal(["Factors[0].Normalizer.Max: the range Max − Min must be a finite number, but Max was 1E+308 and Min -1E+308."], Failures(options));
    }

    [Fact]
    public void StepGridErrors_NameTheStep()
    {
        var options = HealthTestPolicies.Single(new()
        {
            Id = "tickets",
            Direction = HealthDirection.LowerIsBetter,
            Normalizer = new()
            {
                Kind = HealthNormalizerKind.StepGrid,
                Steps =
                [
                    new() { To = 5, ToInclusive = true, Points = 120 },
                    new() { From = 6, To = 10, Points = 50 },
                    new() { From = 10, To = 8, Points = 0 },
                ],
            },
        });

        Assert.Equal(
            [
                "Factors[0].Direction: a step grid states its points directly, so it must be HigherIsBetter but was LowerIsBetter.",
                "Factors[0].Normalizer.Steps[0].Points: must be in range [0-100] but was 120.",
                "Factors[0].Normalizer.Steps[1].From: must equal Factors[0].Normalizer.Steps[0].To (5) so the steps neither overlap nor leave a gap, but was 6.",
                "Factors[0].Normalizer.Steps[2].To: must be greater than From (10) but was 8.",
            ],
            Failures(options));
    }

    [Fact]
    public void StepGridBoundaries_MustBelongToExactlyOneStep()
    {
        HealthOptions Grid(params HealthStepOptions[] steps) => HealthTestPolicies.Single(new()
        {
            Id = "x",
            Normalizer = new() { Kind = HealthNormalizerKind.StepGrid, Steps = [.. steps] },
        });

        Assert.Equal(
            ["Factors[0].Normalizer.Steps[1].FromInclusive: both steps include 5; exactly one of Factors[0].Normalizer.Steps[0].ToInclusive and Factors[0].Normalizer.Steps[1].FromInclusive must be true."],
            Failures(Grid(new() { To = 5, ToInclusive = true }, new() { From = 5, FromInclusive = true })));
        Assert.Equal(
            ["Factors[0].Normalizer.Steps[1].FromInclusive: no step includes 5; exactly one of Factors[0].Normalizer.Steps[0].ToInclusive and Factors[0].Normalizer.Steps[1].FromInclusive must be true."],
            Failures(Grid(new() { To = 5, ToInclusive = false }, new() { From = 5, FromInclusive = false })));
        Assert.Equal(
            ["Factors[0].Normalizer.Steps[0].To: only the last step may have no upper bound."],
            Failures(Grid(new() { From = 0 }, new() { From = 5 })));
        Assert.Equal(["Factors[0].Normalizer.Steps: a step grid needs at least one step."], Failures(Grid()));
    }

    [Fact]
    public void TreeErrors_NameTheGroupPath()
    {
        var options = new HealthOptions
        {
            Factors = [new() { Id = "a", Weight = 0 }],
            Groups =
            [
                new() { Id = "empty", Weight = 0 },
                new()
                {
                    Id = "zeros",
                    Weight = 0,
                    Factors = [new() { Id = "z", Weight = 0 }],
                    Groups = [new() { Id = "inner", Weight = 0, Factors = [new() { Id = "", Weight = 1 }] }],
                },
            ],
            Trend = new HealthTrendOptions { UsageDrops = [new() { FactorId = "logins", DropPercent = 0 }] },
        };

        Assert.Equal(
            [
                "Groups[0]: the group \"empty\" is empty; add a factor or a group to it.",
                "Groups[1].Groups[0].Factors[0].Id: must not be empty.",
                "Groups[1]: every weight in the group \"zeros\" is zero; at least one factor or group must weigh more than 0.",
                "Factors: every weight at the root is zero; at least one factor or group must weigh more than 0.",
                "Trend.UsageDrops[0].FactorId: no factor has the id \"logins\".",
                "Trend.UsageDrops[0].DropPercent: must be in range (0-100] but was 0.",
            ],
            Failures(options));
    }

    [Fact]
    public void NoFactors_AndTooManyFactors_AreRejected()
    {
        Assert.Equal(
            ["Factors: the policy has no factor; add at least one.", "Trend.UsageDrops[0].FactorId: no factor has the id \"login-frequency\"."],
            Failures(new HealthOptions { Factors = [] }));

        var many = new HealthOptions
        {
            Factors = Enumerable.Range(0, 17).Select(i => new HealthFactorOptions { Id = $"f{i}" }).ToList(),
            Trend = new HealthTrendOptions { UsageDrops = [] },
        };
        Assert.Equal(["Factors: at most 16 factors are supported but the policy has 17."], Failures(many));
    }

    [Fact]
    public void BandErrors_CatchOverlapsGapsAndNames()
    {
        var options = new HealthOptions
        {
            Bands =
            [
                new() { Name = "Good", Min = 70, Max = 95 },
                new() { Name = "Good", Min = 40, Max = 75 },
                new() { Name = "", Min = 10, Max = 40 },
            ],
        };

        Assert.Equal(
            [
                "Bands[0].Max: the first band must end at 100 but was 95.",
                "Bands[1].Name: \"Good\" is already used by Bands[0].",
                "Bands[1].Max: must equal Bands[0].Min (70) so the bands neither overlap nor leave a gap, but was 75.",
                "Bands[2].Name: must not be empty.",
                "Bands[2].Min: the last band must start at 0 but was 10.",
            ],
            Failures(options));
    }

    [Fact]
    public void BandErrors_CountAndRange()
    {
        Assert.Equal(
            [
                "Bands: at least two bands are needed but there are 1.",
                "Bands[0].Min: must be less than Max (100) but was 100.",
                "Bands[0].Min: the last band must start at 0 but was 100.",
            ],
            Failures(new HealthOptions { Bands = [new() { Name = "All", Min = 100, Max = 100 }] }));
        Assert.Equal(
            ["Bands[1].Min: must be in range [0-100] but was -5."],
            Failures(new HealthOptions { Bands = [new() { Name = "Up", Min = 50, Max = 100 }, new() { Name = "Down", Min = -5, Max = 50 }] }));
    }

    [Fact]
    public void TrendErrors_NameTheFieldAndTheValue()
    {
        var options = new HealthOptions
        {
            Trend = new HealthTrendOptions { WindowDays = 0, StablePoints = -1, ScoreDropPoints = 0, HysteresisMargin = double.NaN, HysteresisEvaluations = -1 },
        };

        Assert.Equal(
            [
                "Trend.WindowDays: must be in range [1-36500] but was 0.",
                "Trend.StablePoints: must be a finite number >= 0 but was -1.",
                "Trend.ScoreDropPoints: must be a finite number > 0 but was 0.",
                "Trend.HysteresisMargin: must be a finite number >= 0 but was NaN.",
                "Trend.HysteresisEvaluations: must be >= 0 but was -1.",
            ],
            Failures(options));
    }

    [Fact]
    public void DaySpans_AreAtMostACentury()
    {
        var options = new HealthOptions { Trend = new HealthTrendOptions { WindowDays = int.MaxValue } };
        options.Factors[0].MissingData = HealthMissingDataPolicy.CarryForward;
        options.Factors[0].CarryForwardDays = 36_501;

        Assert.Equal(
            [
                "Factors[0].CarryForwardDays: must be in range [1-36500] but was 36501.",
                "Trend.WindowDays: must be in range [1-36500] but was 2147483647.",
            ],
            Failures(options));
    }

    [Fact]
    public void NullCollections_AreRejected()
    {
        Assert.Equal(
            ["Factors: must not be null.", "Groups: must not be null.", "Bands: must not be null.", "Trend: must not be null."],
            Failures(new HealthOptions { Factors = null!, Groups = null!, Bands = null!, Trend = null! }));
    }

    [Fact]
    public void Validate_NullOptions_Throws()
        => Assert.Throws<ArgumentNullException>(() => new HealthOptionsValidator().Validate(Options.DefaultName, null!));
}
