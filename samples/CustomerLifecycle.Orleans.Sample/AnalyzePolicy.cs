using CustomerLifecycle.Health;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;

namespace CustomerLifecycle.Orleans.Sample;

/// <summary>The profile policy <c>customer-lifecycle analyze</c> runs with by default (<c>policy export-defaults</c> writes
/// it): the SDK's defaults, except where a transaction file has no data for them.</summary>
internal static class AnalyzePolicy
{
    public static void Configure(ProfileOptions profile)
    {
        // A transaction file has no logins or profile flags: the tier is the revenue-share tier of the predicted CLV.
        profile.TierValue = ProfileTierValue.Clv;
        profile.Tiering.Rules = [ValueTier("Core"), ValueTier("Key"), ValueTier("Potential")];

        // Health from purchase activity alone: how recent, how frequent, and whether buying is slowing down.
        profile.Health.Factors =
        [
            Linear("purchase-recency", 50, 0, 365, HealthDirection.LowerIsBetter),
            Linear("purchase-frequency", 30, 0, 6, HealthDirection.HigherIsBetter),
            Linear("purchase-trend", 20, -0.8, 0, HealthDirection.HigherIsBetter),
        ];
        profile.Health.Trend.UsageDrops = [];
    }

    private static TierRule ValueTier(string tier) => new()
    {
        Tier = tier,
        Match = RuleMatch.All,
        Criteria = [new TierCriterion { Field = TierField.ValueTier, Operator = CriterionOperator.AtOrAbove, Tier = tier }],
    };

    private static HealthFactorOptions Linear(string id, double weight, double min, double max, HealthDirection direction) => new()
    {
        Id = id,
        Weight = weight,
        Direction = direction,
        Normalizer = new HealthNormalizerOptions { Kind = HealthNormalizerKind.Linear, Min = min, Max = max },
    };
}
