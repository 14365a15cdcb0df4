namespace CustomerLifecycle.Tiering;

/// <summary>The default tiering policy (docs/tiering.md), in one place.</summary>
internal static class TieringDefaults
{
    public const int RfmScoreCount = 5;
    public const string UnmatchedSegment = "Others";
    public const string FallbackTier = "General";
    public const int DowngradeAfterEvaluations = 3;
    public const int MaxTiersPerDowngrade = 1;
    public const int KeyMomentLookaheadDays = 30;
    public const int ContactIntervalDays = 365;
    public const double ScoreRangeMin = 1;
    public const double ScoreRangeMax = 5;

    public static readonly double[] RecencyDaysCuts = [30, 90, 180, 365];
    public static readonly double[] FrequencyCuts = [2, 3, 5, 10];
    public static readonly double[] MonetaryCuts = [100, 500, 1000, 5000];

    public static List<TierDefinition> Tiers() =>
    [
        new() { Name = "Core", RevenueSharePercent = 50, ContactIntervalDays = 30, MinimumContactGapDays = 15, ContentTheme = "strategic reviews, executive visits, exclusive benefits, roadmap" },
        new() { Name = "Key", RevenueSharePercent = 30, ContactIntervalDays = 91, MinimumContactGapDays = 30, ContentTheme = "usage review, needs collection, cross-sell" },
        new() { Name = "Potential", RevenueSharePercent = 15, ContactIntervalDays = 182, MinimumContactGapDays = 60, ContentTheme = "onboarding help, feature tips, success stories" },
        new() { Name = "General", RevenueSharePercent = 5, ContactIntervalDays = 365, MinimumContactGapDays = 90, ContentTheme = "greetings, basic support" },
    ];

    public static List<TierRule> Rules() =>
    [
        new()
        {
            Tier = "Core",
            Match = RuleMatch.All,
            Criteria =
            [
                new() { Field = TierField.ValueTier, Operator = CriterionOperator.AtOrAbove, Tier = "Core" },
                new() { Field = TierField.LoginsPerWeek, Operator = CriterionOperator.AtLeast, Threshold = 3 },
                new() { Field = TierField.TenureDays, Operator = CriterionOperator.AtLeast, Threshold = 365 },
            ],
        },
        new()
        {
            Tier = "Key",
            Match = RuleMatch.All,
            Criteria =
            [
                new() { Field = TierField.ValueTier, Operator = CriterionOperator.AtOrAbove, Tier = "Key" },
                new() { Field = TierField.LoginsPerWeek, Operator = CriterionOperator.AtLeast, Threshold = 1 },
            ],
        },
        new()
        {
            Tier = "Key",
            Match = RuleMatch.All,
            Criteria =
            [
                new() { Field = TierField.HasGrowthPotential, Operator = CriterionOperator.IsTrue },
                new() { Field = TierField.LoginsPerWeek, Operator = CriterionOperator.AtLeast, Threshold = 1 },
            ],
        },
        new()
        {
            Tier = "Potential",
            Match = RuleMatch.Any,
            Criteria =
            [
                new() { Field = TierField.ValueTier, Operator = CriterionOperator.AtOrAbove, Tier = "Potential" },
                new() { Field = TierField.MatchesIdealProfile, Operator = CriterionOperator.IsTrue },
            ],
        },
    ];
}
