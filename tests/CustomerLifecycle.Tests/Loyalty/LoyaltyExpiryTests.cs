using CustomerLifecycle.Loyalty;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyExpiryTests
{
    private static readonly LoyaltyRecord OneLot = Run(DefaultEngine, Activity("a1", At(2026, 1, 10)));
    private static readonly Instant Ends = At(2027, 1, 10);

    [Fact]
    public void ALot_IsAvailableUntilTwelveMonthsAfterItWasEarned_ThenExpired()
    {
        var before = DefaultEngine.Evaluate(OneLot, Ends - Duration.FromSeconds(1));
        var after = DefaultEngine.Evaluate(OneLot, Ends);

        Assert.Equal((500L, 0L, (Instant?)Ends), (before.Balance.Available, before.Balance.Expired, before.Balance.NextExpiry));
        Assert.Equal((0L, 500L, (Instant?)null), (after.Balance.Available, after.Balance.Expired, after.Balance.NextExpiry));
        Assert.Equal(new LoyaltyLot("a1", At(2026, 1, 10), At(2026, 1, 10), Ends, 500, 500, LoyaltyLotState.Expired), Assert.Single(after.Lots));
    }

    [Fact]
    public void ExpiringSoon_CountsLotsEndingWithinThirtyDays()
    {
        Assert.Equal(0, DefaultEngine.Evaluate(OneLot, At(2026, 12, 10)).Balance.ExpiringSoon);
        Assert.Equal(500, DefaultEngine.Evaluate(OneLot, At(2026, 12, 11)).Balance.ExpiringSoon);
    }

    [Fact]
    public void ACommandAfterALotsEnd_FirstWritesItsExpiry_KeyedByTheCommand()
    {
        var outcome = DefaultEngine.TryApply(OneLot, Activity("a2", At(2027, 2, 1), LoyaltyActivityKind.SurveyAnswered));

        Assert.Equal([LoyaltyEntryKind.Expire, LoyaltyEntryKind.Earn], outcome.Entries.Select(e => e.Kind));
        var expiry = outcome.Entries[0];
        Assert.Equal(("a2", Ends, -500L, "loyalty.expire"), (expiry.Key, expiry.At, expiry.Points, expiry.RuleId));
        Assert.Equal("Lot a1 (earned 2026-01-10T00:00:00Z) expired at 2027-01-10T00:00:00Z with 500 points left.", expiry.Reason);
        var balance = DefaultEngine.Evaluate(outcome.Record!, At(2027, 2, 1)).Balance;
        Assert.Equal((50L, 500L, 550L), (balance.Available, balance.Expired, balance.Earned));
    }

    [Fact]
    public void ALotsLifetime_IsCalendarMonthsInThePolicysZone_EndingOnTheLastDayOfAShorterMonth()
    {
        var engine = Engine(o =>
        {
            o.LifetimeMonths = 1;
            o.HoldingDays = 0;
            o.TimeZoneId = "Europe/Berlin";
        });

        // 31 March 10:00 in Berlin (CEST, UTC+2) plus one month is 30 April 10:00 there.
        var entry = engine.TryApply(null, Activity("a1", At(2026, 3, 31, 8))).Entries[0];

        Assert.Equal(At(2026, 4, 30, 8), entry.ExpiresAt);
    }

    [Fact]
    public void TheBalanceValue_IsTheHeldPointsAtTheDefaultPointValue_1000PointsFor100()
    {
        var account = Run(DefaultEngine, Adjust("c", At(2026, 1, 1), 1000));

        Assert.Equal(100m, DefaultEngine.Evaluate(account, At(2026, 1, 1)).Balance.Value);
    }
}
