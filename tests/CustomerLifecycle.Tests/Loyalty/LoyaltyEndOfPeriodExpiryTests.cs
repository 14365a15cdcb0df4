using CustomerLifecycle.Loyalty;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyEndOfPeriodExpiryTests
{
    private static LoyaltyEngine EndOf(LoyaltyExpiryPeriod period, int after, string zone = "UTC") => Engine(o =>
    {
        o.ExpiryMode = LoyaltyExpiryMode.EndOfPeriod;
        o.ExpiryPeriod = period;
        o.ExpiryPeriodsAfter = after;
        o.HoldingDays = 0;
        o.TimeZoneId = zone;
    });

    [Theory]
    [InlineData(2026, 3, 15, 12, 2027, 12, 31, 23)] // any day of 2026 in Berlin: the end of 2027 there, 00:00 CET = 23:00 UTC
    [InlineData(2026, 12, 31, 22, 2027, 12, 31, 23)] // 23:00 on 31 December in Berlin is still 2026
    [InlineData(2026, 12, 31, 23, 2028, 12, 31, 23)] // 00:00 on 1 January 2027 in Berlin: earned in 2027
    public void CalendarYearPlusOne_InTheZone_EndsWithTheNextYearAtLocalMidnight(int y, int m, int d, int h, int ey, int em, int ed, int eh)
    {
        var entry = EndOf(LoyaltyExpiryPeriod.CalendarYear, 1, "Europe/Berlin").TryApply(null, Activity("a1", At(y, m, d, h))).Entries[0];

        Assert.Equal(At(ey, em, ed, eh), entry.ExpiresAt);
    }

    [Fact]
    public void QuartersAndMonths_CountFromThePeriodTheLotWasEarnedIn()
    {
        Assert.Equal(At(2026, 7, 1), EndOf(LoyaltyExpiryPeriod.CalendarQuarter, 0).TryApply(null, Activity("a1", At(2026, 5, 20))).Entries[0].ExpiresAt);
        Assert.Equal(At(2026, 4, 1), EndOf(LoyaltyExpiryPeriod.CalendarMonth, 2).TryApply(null, Activity("a1", At(2026, 1, 31, 23, 59, 59))).Entries[0].ExpiresAt);
    }

    [Fact]
    public void LotsOfOneYear_ExpireTogether_AndTheForecastAndExplanationSaySo()
    {
        var engine = EndOf(LoyaltyExpiryPeriod.CalendarYear, 0);
        var account = Run(engine, Activity("a1", At(2026, 2, 1)), Activity("a2", At(2026, 11, 30), LoyaltyActivityKind.SurveyAnswered));

        var december = engine.Evaluate(account, At(2026, 12, 2));
        Assert.Equal((550L, 550L, (Instant?)At(2027, 1, 1)), (december.Balance.Available, december.Balance.ExpiringSoon, december.Balance.NextExpiry));
        var reason = Assert.Single(engine.Explain(account, At(2026, 12, 2)).Reasons, r => r.Code == "loyalty.expiry-policy");
        Assert.Equal("End-of-period expiry: points expire at the end of the calendar year they were earned in, in UTC; the next 550 points expire at 2027-01-01T00:00:00Z.", reason.Message);

        var january = engine.TryApply(account, Activity("a3", At(2027, 1, 5), LoyaltyActivityKind.ReviewWritten));
        Assert.Equal([(At(2027, 1, 1), -500L), (At(2027, 1, 1), -50L)], january.Entries.Where(e => e.Kind == LoyaltyEntryKind.Expire).Select(e => (e.At, e.Points)));
        var balance = engine.Evaluate(january.Record!, At(2027, 1, 5)).Balance;
        Assert.Equal((100L, 550L, (Instant?)At(2028, 1, 1)), (balance.Available, balance.Expired, balance.NextExpiry));
    }

    [Fact]
    public void TheExplanation_NamesLaterPeriods()
    {
        var engine = EndOf(LoyaltyExpiryPeriod.CalendarQuarter, 2);
        var account = Run(engine, Activity("a1", At(2026, 2, 1)));

        Assert.Equal(
            "End-of-period expiry: points expire 2 calendar quarters after the end of the one they were earned in, in UTC; the next 500 points expire at 2026-10-01T00:00:00Z.",
            Assert.Single(engine.Explain(account, At(2026, 2, 1)).Reasons, r => r.Code == "loyalty.expiry-policy").Message);
    }
}
