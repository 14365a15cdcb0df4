using CustomerLifecycle.Health;
using CustomerLifecycle.Profile;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

/// <summary>The purchase factors (<c>purchase-recency</c>, <c>purchase-frequency</c>, <c>purchase-trend</c>) and the tiers
/// ranked by CLV, on the customers of <see cref="ProfileTestKit"/> at 2027-01-01 00:00.</summary>
public sealed class ProfilePurchaseFactorTests
{
    [Fact]
    public void ThePurchaseFactors_AreDerivedFromThePurchases_AsWorkedOutByHand()
    {
        var engine = new ProfileEngine(WithPurchaseFactors(Policy()));
        var population = engine.Prepare(Population(), AsOf);

        // ada: last purchase 2026-11-02 10:00 → 59 days 14 hours = 59.5833 days; all 4 purchases within 365 days; days ago
        // 60 and 88 (≤ 90) against 116 and 151 (91–180): 2 vs 2 → trend 0.
        AssertRaw([59 + (14 / 24.0), 4, 0], engine, population, "ada");

        // bob: last purchase 2026-12-15 10:00 → 16.5833 days; the 12 purchases from 2026-01-15 (2025-12-15 is 382 days
        // ago); Oct, Nov, Dec 15 (78, 47, 17 days ago) against Jul, Aug, Sep 15 (170, 139, 108): 3 vs 3 → 0.
        AssertRaw([16 + (14 / 24.0), 12, 0], engine, population, "bob");

        // cy: 2026-03-01 10:00 → 305.5833 days; 2 purchases (334 and 306 days ago); none in either trend window → 0.
        AssertRaw([305 + (14 / 24.0), 2, 0], engine, population, "cy");

        // eve: one purchase 2026-12-10 10:00 → 21.5833 days, 1 in the year; 1 recent against none before: no baseline (NaN, left out).
        var eve = engine.Evaluate(Profile(engine, "eve"), population, AsOf).Health;
        Assert.Equal(21 + (14 / 24.0), eve.Factor("purchase-recency")!.RawValue!.Value, 9);
        Assert.Equal(1, eve.Factor("purchase-frequency")!.RawValue);
        Assert.True(double.IsNaN(eve.Factor("purchase-trend")!.RawValue!.Value));
        Assert.Equal(0, eve.Factor("purchase-trend")!.EffectiveWeight);

        // dee never bought: every purchase factor is missing.
        var dee = engine.Evaluate(Profile(engine, "dee"), population, AsOf).Health;
        Assert.All(["purchase-recency", "purchase-frequency", "purchase-trend"], id => Assert.Null(dee.Factor(id)!.RawValue));
    }

    [Fact]
    public void ThePurchaseDaysKept_AreBoundedByTheLongerOfTheTwoWindows()
    {
        var options = WithPurchaseFactors(Policy());
        options.PurchaseWindowDays = 30;
        options.PurchaseTrendDays = 20;
        var engine = new ProfileEngine(options);

        // 60 daily purchases: the last fact's day and the 40 days before it (2 × 20 > 30) are kept.
        var facts = Enumerable.Range(0, 60).Select(i => CustomerFact.Purchase($"p{i}", Ada, At(2026, 1, 1) + NodaTime.Duration.FromDays(i), $"o{i}", 1));
        var profile = engine.Replay(Ada, facts).Profile!;

        Assert.Equal(41, profile.DailyPurchases.Length);
        Assert.All(profile.DailyPurchases, d => Assert.Equal(1, d.Count));
    }

    [Fact]
    public void TiersRankedByClv_RankThePopulationsPredictions()
    {
        var byClv = Policy();
        byClv.TierValue = ProfileTierValue.Clv;
        var engine = new ProfileEngine(byClv);
        var customers = Population();

        var prepared = engine.Prepare(customers, AsOf);
        Assert.NotNull(prepared.Model);
        var views = customers.Select(c => engine.Evaluate(c, prepared, AsOf)).ToList();

        // The cuts rank the CLVs (dee, who never bought, ranks 0), and each customer's share is its CLV over their total.
        var total = views.Sum(v => v.Value?.Clv ?? 0);
        Assert.Equal(total, prepared.ValueTiers.Total, 9);
        Assert.All(views, v => Assert.Equal((v.Value?.Clv ?? 0) / total, v.Tier.ValueShare, 12));
        Assert.NotEqual(Engine.Prepare(customers, AsOf).ValueTiers.Total, prepared.ValueTiers.Total);
        var why = engine.Explain(customers[1], prepared, AsOf);
        Assert.Equal(
            $"The tiers rank the predicted CLV: {views[1].Value!.Value.Clv.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} for this customer.",
            why.Reasons.Single(r => r.Code == "profile.tier-value").Message);
    }

    private static void AssertRaw(double[] expected, ProfileEngine engine, ProfilePopulation population, string customer)
    {
        var health = engine.Evaluate(Profile(engine, customer), population, AsOf).Health;
        string[] ids = ["purchase-recency", "purchase-frequency", "purchase-trend"];
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(expected[i], health.Factor(ids[i])!.RawValue!.Value, 9);
        }
    }

    private static ProfileRecord Profile(ProfileEngine engine, string customer) => Population().Single(p => p.Customer.ToString() == customer) is var p
        ? engine.Replay(p.Customer, FactsOf(customer)).Profile!
        : throw new InvalidOperationException();

    private static IEnumerable<CustomerFact> FactsOf(string customer) => customer switch
    {
        "ada" => AdaFacts(),
        "bob" => BobFacts(),
        "cy" => CyFacts(),
        "dee" => DeeFacts(),
        _ => EveFacts(),
    };

    private static ProfileOptions WithPurchaseFactors(ProfileOptions options)
    {
        options.Health.Factors.Add(Linear("purchase-recency", 0, 365, HealthDirection.LowerIsBetter));
        options.Health.Factors.Add(Linear("purchase-frequency", 0, 6, HealthDirection.HigherIsBetter));
        options.Health.Factors.Add(Linear("purchase-trend", -0.8, 0, HealthDirection.HigherIsBetter));
        return options;
    }

    private static HealthFactorOptions Linear(string id, double min, double max, HealthDirection direction) => new()
    {
        Id = id,
        Weight = 10,
        Direction = direction,
        Normalizer = new HealthNormalizerOptions { Kind = HealthNormalizerKind.Linear, Min = min, Max = max },
    };
}
