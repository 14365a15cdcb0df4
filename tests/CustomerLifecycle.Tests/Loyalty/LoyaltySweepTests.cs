using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using FsCheck.Fluent;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>The nightly sweep: the batch Evaluate (expiry and tier reviews to the instant) and the KPIs over many ledgers.</summary>
public sealed class LoyaltySweepTests
{
    private static readonly LoyaltyOptions Tiered = LoyaltyGenerators.PolicyOf(allowNegativeBalance: true, withTiers: true);
    private static readonly LoyaltyEngine TieredEngine = new(Tiered);

    // 300 generated ledgers of up to 50 commands each, every kind, tiers reached, reviewed and matched.
    private static readonly LoyaltyRecord[] Records = [.. LoyaltyGenerators.Record(TieredEngine).Sample(60, 300)];

    [Fact]
    public void TheBatch_WritesTheSingleEvaluatesBalance_TierLevelIncluded()
    {
        var asOf = LoyaltyGenerators.Start + Duration.FromDays(800);
        var balances = new LoyaltyBalance[Records.Length];

        TieredEngine.Evaluate(Records, asOf, balances);

        Assert.Equal(Records.Select(r => TieredEngine.Evaluate(r, asOf).Balance), balances);
        Assert.Equal(Records.Select(r => TieredEngine.Evaluate(r, asOf).Tier!.Level), balances.Select(b => b.TierLevel));
        Assert.Contains(balances, b => b.TierLevel > 0);
    }

    [Fact]
    public void TheBatch_ReadsTheTierAfterAReview_AtTheInstantAsked()
    {
        // 1,200 points on 2026-03-02 reach Silver (1,000) in a rolling window; with nothing more, the review of 2027-03-02 in
        // Europe/Berlin finds 0 and announces the drop, which the 10-day grace period applies on 2027-03-12.
        var record = Run(TieredEngine, Purchase("p1", At(2026, 3, 2, 9), 1200m) with { Member = LoyaltyGenerators.Member });
        var balances = new LoyaltyBalance[3];
        var review = Instant.FromUtc(2027, 3, 2, 9, 0);

        TieredEngine.Evaluate([record], review - Duration.FromSeconds(1), balances.AsSpan(0, 1));
        TieredEngine.Evaluate([record], review + Duration.FromDays(10) - Duration.FromSeconds(1), balances.AsSpan(1, 1));
        TieredEngine.Evaluate([record], review + Duration.FromDays(10), balances.AsSpan(2, 1));

        Assert.Equal([1, 1, 0], balances.Select(b => b.TierLevel));
    }

    // A rolling window reads the zone's rules per event, whose cache NodaTime fills (and, shared with other tests running at
    // the same time, may refill) on a miss: in UTC there is none; calendar years in Berlin are read from the tiers' own table.
    [Theory]
    [InlineData(LoyaltyTierWindow.CalendarYear, "Europe/Berlin")]
    [InlineData(LoyaltyTierWindow.Rolling12Months, "UTC")]
    public void TheBatchAndTheKpis_AllocateNothing_OnceTheirBuffersHoldTheLargestLedger(LoyaltyTierWindow window, string zone)
    {
        var policy = LoyaltyGenerators.PolicyOf(allowNegativeBalance: true, withTiers: true);
        (policy.TierWindow, policy.TimeZoneId) = (window, zone);
        var engine = new LoyaltyEngine(policy);
        var records = LoyaltyGenerators.Record(engine).Sample(60, 300).ToArray();
        var asOf = LoyaltyGenerators.Start + Duration.FromDays(400);
        var balances = new LoyaltyBalance[records.Length];
        var calculator = new LoyaltyKpiCalculator(policy);
        engine.Evaluate(records, asOf, balances);
        calculator.Calculate(records, LoyaltyGenerators.Start, asOf);

        var sweep = Allocations.Fewest(() => engine.Evaluate(records, asOf, balances));
        var kpis = default(LoyaltyKpis);
        var measured = Allocations.Fewest(() => kpis = calculator.Calculate(records, LoyaltyGenerators.Start, asOf));

        Assert.Equal((0L, 0L), (sweep, measured));
        Assert.True(kpis.PointsIssued > 0);
        Assert.Contains(balances, b => b.TierLevel > 0);
    }
}
