using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Tests.Value;

public sealed class TransactionSummaryTests
{
    private static readonly Instant Day0 = Instant.FromUtc(2024, 1, 1, 0, 0);

    private static ValueTransaction T(string id, int day, double amount, int hour = 10)
        => new(CustomerId.From(id), Day0 + Duration.FromDays(day) + Duration.FromHours(hour), amount);

    private static ValueEngine Engine(ValueTimeUnit unit = ValueTimeUnit.Days, string zone = "UTC")
        => new(new ValueOptions { TimeUnit = unit, TimeZoneId = zone });

    [Fact]
    public void Summarize_Cdnow_MatchesTheShippedSummaryFile()
    {
        var summary = Engine(ValueTimeUnit.Weeks).Summarize(CdnowData.Transactions, CdnowData.CalibrationEnd, CdnowData.HoldoutEnd);

        var expected = CdnowData.Summaries.ToDictionary(s => s.CustomerId);
        Assert.Equal(2357, summary.Customers.Count);
        foreach (var c in summary.Customers)
        {
            var e = expected[c.CustomerId];
            Assert.Equal(e.Frequency, c.Frequency);
            // The file rounds to 2 decimals.
            Assert.InRange(Math.Abs(e.Recency - c.Recency), 0, 0.005 + 1e-9);
            Assert.InRange(Math.Abs(e.T - c.T), 0, 0.005 + 1e-9);
            Assert.InRange(Math.Abs(e.MonetaryValue - c.MonetaryValue), 0, 0.005 + 1e-9);
        }

        // The README's counts: 2,457 repeat purchase days in calibration, 1,882 purchase days in the holdout.
        Assert.Equal(2457, summary.CalibrationRepeatPurchases);
        Assert.Equal(1882, summary.HoldoutPurchases);
        Assert.Empty(summary.Reasons);
    }

    [Fact]
    public void Fit_OnSummariesBuiltFromCdnowTransactions_ReproducesFaderHardieLee2005()
    {
        var summary = Engine(ValueTimeUnit.Weeks).Summarize(CdnowData.Transactions, CdnowData.CalibrationEnd);

        var fit = BgNbdModel.Fit(summary.Customers.ToArray());

        var p = fit.Parameters!.Value;
        Assert.Equal(0.243, Math.Round(p.R, 3));
        Assert.Equal(4.414, Math.Round(p.Alpha, 3));
        Assert.Equal(0.793, Math.Round(p.A, 3));
        Assert.Equal(2.426, Math.Round(p.B, 3));
        Assert.Equal(-9582.4, Math.Round(fit.LogLikelihood, 1));
    }

    [Fact]
    public void Summarize_CountsPurchaseDaysOnceAndSplitsCalibrationAndHoldout()
    {
        var transactions = new[]
        {
            T("a", 0, 10),
            T("a", 0, 5, hour: 20), // same day: one purchase of 15
            T("a", 7, 20),
            T("a", 7, -4), // refund on a purchase day: spend 16
            T("a", 14, 0), // free order: a purchase that adds nothing
            T("a", 21, -6), // refund alone: no purchase, still spend
            T("a", 40, 30), // holdout
            T("a", 40, 2),
            T("a", 45, 8),
        };

        var result = Engine().Summarize(transactions, Day0 + Duration.FromDays(30), Day0 + Duration.FromDays(60));

        var a = Assert.Single(result.Customers);
        Assert.Equal(2, a.Frequency);
        Assert.Equal(14, a.Recency);
        Assert.Equal(30, a.T);
        Assert.Equal((16 + 0 - 6) / 2.0, a.MonetaryValue);
        Assert.Equal(2, a.HoldoutFrequency);
        Assert.Equal(40, a.HoldoutSpend);
    }

    [Fact]
    public void Summarize_InWeeks_DividesDaysBySeven()
    {
        var result = Engine(ValueTimeUnit.Weeks).Summarize([T("a", 0, 10), T("a", 10, 10)], Day0 + Duration.FromDays(21));

        var a = Assert.Single(result.Customers);
        Assert.Equal(10 / 7.0, a.Recency);
        Assert.Equal(3.0, a.T);
    }

    [Fact]
    public void Summarize_UsesTheCalendarDayOfThePolicysTimeZone()
    {
        // 23:30 UTC on day 0 and 00:30 UTC on day 1 are one calendar day in New York (18:30 and 19:30).
        var transactions = new[] { T("a", 0, 10, hour: 23), T("a", 1, 10, hour: 0) };

        var utc = Engine().Summarize(transactions, Day0 + Duration.FromDays(5));
        var newYork = Engine(zone: "America/New_York").Summarize(transactions, Day0 + Duration.FromDays(5));

        Assert.Equal(1, utc.Customers[0].Frequency);
        Assert.Equal(0, newYork.Customers[0].Frequency);
    }

    [Fact]
    public void Summarize_OnePurchaseOnly_GivesFrequencyZero()
    {
        var a = Assert.Single(Engine().Summarize([T("a", 3, 10)], Day0 + Duration.FromDays(10)).Customers);

        Assert.Equal(0, a.Frequency);
        Assert.Equal(0, a.Recency);
        Assert.Equal(7, a.T);
        Assert.Equal(0, a.MonetaryValue);
    }

    [Fact]
    public void Summarize_CalibrationEndBeforeEveryTransaction_SaysSo()
    {
        var end = Day0 - Duration.FromDays(1);
        var result = Engine().Summarize([T("a", 3, 10), T("b", 4, 10)], end);

        Assert.Empty(result.Customers);
        var codes = result.Reasons.Select(r => r.Code).ToArray();
        Assert.Equal(["value.no-calibration-data", "value.customers-after-calibration"], codes);
        Assert.Equal("No customer has a purchase on or before the calibration end 2023-12-31T00:00:00Z: there is nothing to summarise (2 transactions given).", result.Reasons[0].Message);
        Assert.Equal("2 customers made their first purchase after the calibration end and are left out.", result.Reasons[1].Message);
    }

    [Fact]
    public void Summarize_RefundOnlyCustomersAndLateDays_AreReported()
    {
        var result = Engine().Summarize([T("a", 1, 10), T("r", 2, -10), T("a", 90, 5)], Day0 + Duration.FromDays(10), Day0 + Duration.FromDays(20));

        Assert.Equal(["a"], result.Customers.Select(c => c.CustomerId.Value));
        Assert.Equal("1 customer with refunds (negative amounts) but no purchase is left out.", result.Reasons.Single(r => r.Code == "value.refund-only-customers").Message);
        Assert.Equal("1 customer-days with transactions fall after the holdout end and are ignored.", result.Reasons.Single(r => r.Code == "value.transactions-after-holdout").Message);
    }

    [Fact]
    public void Summarize_OrdersCustomersById()
    {
        var result = Engine().Summarize([T("b", 1, 1), T("a", 2, 1), T("c", 0, 1)], Day0 + Duration.FromDays(10));

        Assert.Equal(["a", "b", "c"], result.Customers.Select(c => c.CustomerId.Value));
    }

    [Fact]
    public void Summarize_RejectsANonFiniteAmount_NamingTheIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => Engine().Summarize([T("a", 1, 1), T("a", 2, double.NaN)], Day0));

        Assert.Equal("transactions[1].Amount: must be a finite number but was NaN. (Parameter 'transactions')", ex.Message);
    }

    [Fact]
    public void Summarize_RejectsADefaultCustomerId_NamingTheIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => Engine().Summarize([new ValueTransaction(default, Day0, 1)], Day0));

        Assert.Equal("transactions[0].CustomerId: is default(CustomerId); create ids with CustomerId.From(value). (Parameter 'transactions')", ex.Message);
    }

    [Fact]
    public void Summarize_RejectsAHoldoutEndBeforeTheCalibrationEnd()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Engine().Summarize([T("a", 1, 1)], Day0, Day0 - Duration.FromDays(1)));

        Assert.StartsWith("The holdout end 2023-12-31T00:00:00Z is before the calibration end 2024-01-01T00:00:00Z. (Parameter 'holdoutEnd')", ex.Message, StringComparison.Ordinal);
    }
}
