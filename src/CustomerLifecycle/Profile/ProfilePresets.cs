using CustomerLifecycle.Health;
using CustomerLifecycle.Tiering;

namespace CustomerLifecycle.Profile;

/// <summary>
/// Ready-made profile policies for hosts whose facts are of one kind, to start from and adjust. Each configures a
/// <see cref="ProfileOptions"/> in place, so it serves both as <c>services.AddCustomerProfile(ProfilePresets.PurchasesOnly)</c>
/// and on an instance of one's own.
/// </summary>
public static class ProfilePresets
{
    /// <summary>
    /// Configures <paramref name="options"/> for a host that records purchases and refunds only (an order export, a transaction
    /// file: no logins, usage, surveys, support or attributes): the SDK's defaults, except that customers are tiered by the
    /// revenue share of their predicted CLV (<see cref="ProfileTierValue.Clv"/>; Core, Key, Potential, else the last tier),
    /// and health comes from buying alone: <c>purchase-recency</c> (weight 50, 0–365 days, fewer better),
    /// <c>purchase-frequency</c> (30, 0–6 purchases in the last 365 days, more better) and <c>purchase-trend</c> (20, the last
    /// 90 days' purchases against the 90 before, −80 % to 0, higher better), with no usage drops to watch.
    /// </summary>
    /// <remarks>The CLI's <c>analyze</c> runs with this policy unless given one of its own.</remarks>
    /// <param name="options">The options to configure; their other settings are kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static void PurchasesOnly(ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TierValue = ProfileTierValue.Clv;
        options.Tiering.Rules = [ValueTier("Core"), ValueTier("Key"), ValueTier("Potential")];
        options.Health.Factors =
        [
            Linear("purchase-recency", 50, 0, 365, HealthDirection.LowerIsBetter),
            Linear("purchase-frequency", 30, 0, 6, HealthDirection.HigherIsBetter),
            Linear("purchase-trend", 20, -0.8, 0, HealthDirection.HigherIsBetter),
        ];
        options.Health.Trend.UsageDrops = [];
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
