using CustomerLifecycle.Tiering;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.Tiering;

public sealed class TieringOptionsValidatorTests
{
    private readonly TieringOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(_validator.Validate(null, new TieringOptions()).Succeeded);
    }

    [Fact]
    public void EveryPublishedTable_IsValid()
    {
        foreach (var table in new[] { RfmSegmentTables.RfmPackage02(), RfmSegmentTables.RfmPackage03(), RfmSegmentTables.ElevenSegmentGrid() })
        {
            var options = new TieringOptions();
            options.Rfm.Segments = table;
            Assert.True(_validator.Validate(null, options).Succeeded);
        }
    }

    [Fact]
    public void Rfm_ReportsEveryFailure()
    {
        var options = new TieringOptions();
        options.Rfm.ScoreCount = 1;
        options.Rfm.WindowDays = -1;
        options.Rfm.UnmatchedSegment = " ";
        options.Rfm.Segments = [new RfmSegmentRule { Recency = new ScoreRange(4, 2), Frequency = new ScoreRange(double.NaN, 2) }, null!];

        Assert.Equal(
            [
                "Rfm.ScoreCount: must be between 2 and 100 but was 1.",
                "Rfm.WindowDays: must be >= 0 but was -1.",
                "Rfm.UnmatchedSegment: must not be empty.",
                "Rfm.Segments[0].Name: must not be empty.",
                "Rfm.Segments[0].Recency.Min: must be at most Max (2) but was 4.",
                "Rfm.Segments[0].Frequency.Min: must be a finite number but was NaN.",
                "Rfm.Segments[1]: must not be null.",
            ],
            Failures(options));
    }

    [Fact]
    public void Thresholds_MustBeAscendingAndOnePerScoreBoundary()
    {
        var options = new TieringOptions();
        options.Rfm.Method = RfmScoringMethod.Thresholds;
        options.Rfm.RecencyDaysCuts = [30, 90, 60, 365];
        options.Rfm.FrequencyCuts = [1, 2];
        options.Rfm.MonetaryCuts = [1, double.PositiveInfinity, 3, 4];

        Assert.Equal(
            [
                "Rfm.RecencyDaysCuts[2]: must be greater than the cut point before it (90) but was 60.",
                "Rfm.FrequencyCuts: must have ScoreCount - 1 = 4 values but had 2.",
                "Rfm.MonetaryCuts[1]: must be a finite number but was Infinity.",
            ],
            Failures(options));
    }

    [Fact]
    public void Tiers_ReportEveryFailure()
    {
        var options = new TieringOptions();
        options.Tiers[0].RevenueSharePercent = 60;
        options.Tiers[1].RevenueSharePercent = double.NaN;
        options.Tiers[2].Name = "Core";
        options.Tiers[2].ContactIntervalDays = 0;
        options.Tiers[3].MinimumContactGapDays = 400;

        Assert.Equal(
            [
                "Tiers[1].RevenueSharePercent: must be in range [0-100] but was NaN.",
                "Tiers[2].Name: 'Core' is already the name of Tiers[0].",
                "Tiers[2].ContactIntervalDays: must be >= 1 but was 0.",
                "Tiers[2].MinimumContactGapDays: must be between 0 and ContactIntervalDays (0) but was 60.",
                "Tiers[3].MinimumContactGapDays: must be between 0 and ContactIntervalDays (365) but was 400.",
                "Rules[3].Tier: 'Potential' is not a tier; tiers are Core, Key, General.",
                "Rules[3].Criteria[0].Tier: 'Potential' is not a tier; tiers are Core, Key, General.",
            ],
            Failures(options));
    }

    [Fact]
    public void Shares_MustSumToAtMost100()
    {
        var options = new TieringOptions();
        options.Tiers[1].RevenueSharePercent = 40;

        Assert.Equal(["Tiers: the revenue shares must sum to at most 100 but sum to 110."], Failures(options));
    }

    [Fact]
    public void NoTiers_IsAFailure()
    {
        var options = new TieringOptions { Tiers = [], Rules = [] };

        Assert.Equal(["Tiers: must list at least one tier.", "FallbackTier: 'General' is not a tier; tiers are (none)."], Failures(options));
    }

    [Fact]
    public void Rules_ReportEveryFailure()
    {
        var options = new TieringOptions
        {
            Rules =
            [
                new TierRule { Tier = "Gold", Criteria = [] },
                new TierRule
                {
                    Tier = "Key",
                    Criteria =
                    [
                        new TierCriterion { Field = TierField.ValueTier, Operator = CriterionOperator.AtLeast },
                        new TierCriterion { Field = TierField.HasGrowthPotential, Operator = CriterionOperator.AtMost },
                        new TierCriterion { Field = TierField.LoginsPerWeek, Operator = CriterionOperator.AtLeast, Threshold = double.NaN },
                        new TierCriterion { Field = TierField.ValueTier, Operator = CriterionOperator.AtOrAbove, Tier = null },
                        null!,
                    ],
                },
            ],
            FallbackTier = "Bronze",
        };

        Assert.Equal(
            [
                "Rules[0].Tier: 'Gold' is not a tier; tiers are Core, Key, Potential, General.",
                "Rules[0].Criteria: must list at least one criterion.",
                "Rules[1].Criteria[0].Operator: ValueTier takes AtOrAbove but was AtLeast.",
                "Rules[1].Criteria[1].Operator: HasGrowthPotential takes IsTrue or IsFalse but was AtMost.",
                "Rules[1].Criteria[2].Threshold: must be a finite number but was NaN.",
                "Rules[1].Criteria[3].Tier: null is not a tier; tiers are Core, Key, Potential, General.",
                "Rules[1].Criteria[4]: must not be null.",
                "FallbackTier: 'Bronze' is not a tier; tiers are Core, Key, Potential, General.",
            ],
            Failures(options));
    }

    [Fact]
    public void HysteresisAndCadence_ReportEveryFailure()
    {
        var options = new TieringOptions();
        options.Hysteresis.DowngradeAfterEvaluations = 0;
        options.Hysteresis.MaxTiersPerDowngrade = 0;
        options.Hysteresis.ValueMarginPercent = double.NaN;
        options.Cadence.KeyMomentLookaheadDays = 400;

        Assert.Equal(
            [
                "Hysteresis.DowngradeAfterEvaluations: must be >= 1 but was 0.",
                "Hysteresis.MaxTiersPerDowngrade: must be >= 1 but was 0.",
                "Hysteresis.ValueMarginPercent: must be at least 0 and below 100 but was NaN.",
                "Cadence.KeyMomentLookaheadDays: must be between 0 and 366 but was 400.",
            ],
            Failures(options));
    }

    [Fact]
    public void NullSections_AreFailures()
    {
        var options = new TieringOptions { Rfm = null!, Hysteresis = null!, Cadence = null!, Rules = null! };

        Assert.Equal(["Rfm: must not be null.", "Rules: must not be null.", "Hysteresis: must not be null.", "Cadence: must not be null."], Failures(options));
    }

    [Fact]
    public void Validate_RejectsNull()
        => Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => _validator.Validate(null, null!)).ParamName);

    [Fact]
    public void Engine_RejectsABadPolicyWithEveryFailure()
    {
        var options = new TieringOptions();
        options.Rfm.ScoreCount = 0;
        options.Hysteresis.DowngradeAfterEvaluations = 0;

        var ex = Assert.Throws<OptionsValidationException>(() => new TieringEngine(options));

        Assert.Equal(["Rfm.ScoreCount: must be between 2 and 100 but was 0.", "Hysteresis.DowngradeAfterEvaluations: must be >= 1 but was 0."], ex.Failures);
    }

    [Fact]
    public void Engine_RejectsNull()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new TieringEngine(null!)).ParamName);
    }

    [Fact]
    public void Engine_CopiesThePolicy()
    {
        var options = new TieringOptions();
        var engine = new TieringEngine(options);

        options.Tiers[0].Name = "Changed";
        options.Rfm.Segments.Clear();

        Assert.Equal("Core", engine.TierNames[0]);
        Assert.Equal(10, engine.SegmentNames.Length);
    }

    private List<string> Failures(TieringOptions options)
    {
        var result = _validator.Validate(null, options);
        Assert.True(result.Failed);
        return [.. result.Failures!];
    }
}
