using CustomerLifecycle.Health;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Tests.Profile;

public sealed class ProfilePresetsTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2027, 1, 1, 0, 0);

    [Fact]
    public void PurchasesOnly_TiersByPredictedClv_AndScoresHealthFromBuyingAlone_KeepingTheOtherSettings()
    {
        var options = new ProfileOptions { Features = ["reports"], RefundWindowDays = 30 };

        ProfilePresets.PurchasesOnly(options);

        Assert.Equal(ProfileTierValue.Clv, options.TierValue);
        Assert.Equal(["Core", "Key", "Potential"], options.Tiering.Rules.Select(r => r.Tier));
        Assert.All(options.Tiering.Rules, r => Assert.Equal((RuleMatch.All, TierField.ValueTier, CriterionOperator.AtOrAbove, r.Tier), (r.Match, r.Criteria.Single().Field, r.Criteria.Single().Operator, r.Criteria.Single().Tier)));
        Assert.Equal(
            [("purchase-recency", 50.0, 0.0, 365.0, HealthDirection.LowerIsBetter), ("purchase-frequency", 30.0, 0.0, 6.0, HealthDirection.HigherIsBetter), ("purchase-trend", 20.0, -0.8, 0.0, HealthDirection.HigherIsBetter)],
            options.Health.Factors.Select(f => (f.Id, f.Weight, f.Normalizer.Min, f.Normalizer.Max, f.Direction)));
        Assert.All(options.Health.Factors, f => Assert.Equal(HealthNormalizerKind.Linear, f.Normalizer.Kind));
        Assert.Empty(options.Health.Trend.UsageDrops);
        Assert.Equal(["reports"], options.Features);
        Assert.Equal(30, options.RefundWindowDays);
    }

    [Fact]
    public void PurchasesOnly_ScoresABuyersHealthFromTheirPurchases_WithEveryFactorPresent()
    {
        var options = new ProfileOptions();
        ProfilePresets.PurchasesOnly(options);
        var engine = new ProfileEngine(options);
        var ada = CustomerId.From("ada");

        // Three purchases in the last 365 days, the latest 30 days ago; one in the last 90 days and one in the 90 before.
        var profile = engine.Replay(ada,
        [
            CustomerFact.Purchase("f-1", ada, AsOf - Duration.FromDays(200), orderId: "o-1", amount: 80),
            CustomerFact.Purchase("f-2", ada, AsOf - Duration.FromDays(100), orderId: "o-2", amount: 120),
            CustomerFact.Purchase("f-3", ada, AsOf - Duration.FromDays(30), orderId: "o-3", amount: 100),
        ]).Profile!;

        var health = engine.Evaluate(profile, engine.Prepare([profile], AsOf), AsOf).Health;

        // Recency 30 days: 1 - 30/365 of 50 points; frequency 3 of 6: half of 30; trend 1 against 1 (0 %): all of 20.
        Assert.Equal(1.0, health.Coverage);
        Assert.Equal([("purchase-recency", 30.0), ("purchase-frequency", 3.0), ("purchase-trend", 0.0)], health.Factors.Select(f => (f.FactorId, f.RawValue!.Value)));
        Assert.Equal(50 * (1 - (30.0 / 365)) + 15 + 20, health.Score!.Value.Value, 9);
    }

    [Fact]
    public void PurchasesOnly_RefusesNoOptions()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ProfilePresets.PurchasesOnly(null!));

        Assert.Equal("options", error.ParamName);
    }
}
