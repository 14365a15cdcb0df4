using CustomerLifecycle.Loyalty;
using Microsoft.Extensions.Options;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyKpiCalculatorTests
{
    private static readonly LoyaltyKpiCalculator Calculator = new(new LoyaltyOptions());

    [Fact]
    public void TwoMembers_OverFifteenMonths_GiveTheHandCheckedFigures()
    {
        // A: 1,000 earned and spent on the gift card; 700 earned on 2025-03-01 expire on 2026-03-01, unwritten until the
        // purchase of 2026-05-01 (after the period: neither its 50 points nor its date count, but the expiry it writes does).
        var a = Run(
            DefaultEngine,
            Purchase("a1", At(2025, 1, 10), 1000m),
            Redeem("a2", At(2025, 2, 1)),
            Purchase("a3", At(2025, 3, 1), 700m),
            Purchase("a4", At(2026, 5, 1), 50m));

        // B: a referral's 500 expire on 2026-01-05, written by the credit of 2026-02-01, whose 300 are still held at the end.
        var b = Run(
            DefaultEngine,
            new LoyaltyRecord { Member = CustomerId.From("m-2") },
            Activity("b1", At(2025, 1, 5)) with { Member = CustomerId.From("m-2") },
            Adjust("b2", At(2026, 2, 1), 300) with { Member = CustomerId.From("m-2") });

        var kpis = Calculator.Calculate([a, b], At(2025, 1, 1), At(2026, 4, 1));

        // Issued 1,000 + 700 + 500 + 300 = 2,500; redeemed 1,000; expired 700 + 500 = 1,200; held 300, × 0.1 = 30.
        Assert.Equal(
            new LoyaltyKpis(At(2025, 1, 1), At(2026, 4, 1), 2, 2500, 1000, 1200, 300, 30.0m, 120.0m, 0.4m, 0.48m),
            kpis);
    }

    [Fact]
    public void ALotEndingExactlyAtThePeriodsEnd_IsOwedInThisPeriod_AndLostInTheNext()
    {
        var account = Run(DefaultEngine, Activity("a", At(2025, 1, 1)));

        var first = Calculator.Calculate([account], At(2025, 1, 1), At(2026, 1, 1));
        var second = Calculator.Calculate([account], At(2026, 1, 1), At(2027, 1, 1));

        Assert.Equal((500L, 0L, 50.0m), (first.OutstandingPoints, first.PointsExpired, first.Liability));
        Assert.Equal((0L, 500L, (decimal?)null), (second.OutstandingPoints, second.PointsExpired, second.BreakageRate));
    }

    [Fact]
    public void AReversedRedemption_IsNotRedeemed_AndAMembersDebtIsNotSetAgainstAnothersPoints()
    {
        var engine = Engine(o => { o.AllowNegativeBalance = true; o.HoldingDays = 0; });
        var debtor = Run(engine, Purchase("p", At(2025, 1, 1), 1000m), Redeem("r", At(2025, 1, 2)), Refund("f", At(2025, 1, 3), "o-p", 1000m));
        var other = CustomerId.From("m-2");
        var keeper = Run(
            engine,
            new LoyaltyRecord { Member = other },
            Adjust("c", At(2025, 1, 1), 1000) with { Member = other },
            Redeem("r", At(2025, 1, 2)) with { Member = other },
            Reverse("v", At(2025, 1, 3), "r") with { Member = other });

        var kpis = Calculator.Calculate([debtor, keeper], At(2025, 1, 1), At(2025, 2, 1));

        Assert.Equal((2000L, 1000L, 1000L, 100.0m, 0.5m), (kpis.PointsIssued, kpis.PointsRedeemed, kpis.OutstandingPoints, kpis.Liability, kpis.RedemptionRate));
    }

    [Fact]
    public void TheGuards_RefuseAnEmptyPeriodANullRecordAndAnInvalidPolicy()
    {
        Assert.Equal("periodEnd", Assert.Throws<ArgumentException>(() => Calculator.Calculate([], At(2025, 1, 1), At(2025, 1, 1))).ParamName);
        Assert.Equal("records", Assert.Throws<ArgumentException>(() => Calculator.Calculate([null!], At(2025, 1, 1), At(2025, 2, 1))).ParamName);
        Assert.Throws<ArgumentNullException>(() => new LoyaltyKpiCalculator(null!));
        Assert.Equal(["PointValue: must be >= 0 but was -1."], Assert.Throws<OptionsValidationException>(() => new LoyaltyKpiCalculator(new LoyaltyOptions { PointValue = -1m })).Failures);
        Assert.Equal(new LoyaltyKpis(At(2025, 1, 1), At(2025, 2, 1), 0, 0, 0, 0, 0, 0m, 0m, null, null), Calculator.Calculate([], At(2025, 1, 1), At(2025, 2, 1)));
    }
}
