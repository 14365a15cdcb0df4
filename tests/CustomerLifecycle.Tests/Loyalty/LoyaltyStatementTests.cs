using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyStatementTests
{
    private static readonly LoyaltyRecord Account = Run(
        DefaultEngine,
        Purchase("p1", At(2026, 1, 1), 200m),
        Activity("a1", At(2026, 1, 2)));

    [Fact]
    public void Evaluate_DerivesEveryFigure_AndListsTheLotsSoonestExpiringFirst()
    {
        var statement = DefaultEngine.Evaluate(Account, At(2026, 1, 10));

        Assert.Equal(new LoyaltyBalance(Member, At(2026, 1, 10), 500, 200, 0, 0, 700, 0, 0, 0, At(2027, 1, 2), 70.0m), statement.Balance);
        Assert.Equal(
            [
                new LoyaltyLot("p1", At(2026, 1, 1), At(2026, 1, 15), At(2027, 1, 1), 200, 200, LoyaltyLotState.Pending),
                new LoyaltyLot("a1", At(2026, 1, 2), At(2026, 1, 2), At(2027, 1, 2), 500, 500, LoyaltyLotState.Available),
            ],
            statement.Lots.ToArray());
    }

    [Fact]
    public void Explain_GivesTheStatement_WithAReasonPerEntryAndPerLot()
    {
        var explanation = DefaultEngine.Explain(Account, At(2026, 1, 10));

        Assert.Equal(DefaultEngine.Evaluate(Account, At(2026, 1, 10)), explanation.Result);
        Assert.Equal("m-1", explanation.Subject);
        Assert.Equal("500 points available, 200 pending, 0 expiring within 30 days", explanation.Decision);
        Assert.Equal(["loyalty.purchase", "loyalty.referral-converted", "loyalty.lot", "loyalty.lot"], explanation.Reasons.Select(r => r.Code));
        Assert.Equal(
            """
            m-1: 500 points available, 200 pending, 0 expiring within 30 days
            - 2026-01-01T00:00:00Z Earn +200: Purchase o-p1: 200 × 1 points per unit × 1 = 200, rounded down to 200; pending until 2026-01-15T00:00:00Z.
            - 2026-01-02T00:00:00Z Earn +500: ReferralConverted: 500 points.
            - Lot p1: 200 of 200 points, pending until 2026-01-15T00:00:00Z, expires 2027-01-01T00:00:00Z.
            - Lot a1: 500 of 500 points, available until 2027-01-02T00:00:00Z.
            """.ReplaceLineEndings("\n"),
            explanation.ToString());
    }

    [Fact]
    public void Explain_NamesADebt()
    {
        var engine = Engine(o => o.AllowNegativeBalance = true);
        var account = Run(engine, Adjust("c", At(2026, 1, 1), 900), Purchase("p1", At(2026, 1, 1), 100m), Redeem("r", At(2026, 1, 20)), Refund("f", At(2026, 1, 21), "o-p1", 100m));

        var reason = engine.Explain(account, At(2026, 1, 21)).Reasons[^1];

        Assert.Equal(("loyalty.debt", 100L), (reason.Code, (long)reason.Data["debt"]!));
    }

    [Fact]
    public void TheBatchEvaluate_WritesWhatTheSingleOneDerives_ForEveryAccount()
    {
        var other = Run(DefaultEngine, new LoyaltyAdjustment { Key = "c", Member = CustomerId.From("m-2"), At = At(2026, 1, 1), Points = 42, Reason = "x" });
        var empty = new LoyaltyRecord { Member = CustomerId.From("m-3") };
        LoyaltyRecord[] accounts = [Account, other, empty, Account];
        var balances = new LoyaltyBalance[5];

        DefaultEngine.Evaluate(accounts, At(2026, 2, 1), balances);

        Assert.Equal(accounts.Select(a => DefaultEngine.Evaluate(a, At(2026, 2, 1)).Balance), balances.Take(4));
        Assert.Equal(default, balances[4]);
    }

    [Fact]
    public void TheBatchEvaluate_RefusesAShortOutputOrANullAccount_WritingNothing()
    {
        var balances = new LoyaltyBalance[2];

        Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate([Account, Account], At(2026, 2, 1), balances.AsSpan(0, 1)));
        Assert.Throws<ArgumentException>(() => DefaultEngine.Evaluate([Account, null!], At(2026, 2, 1), balances));
        Assert.Equal(default, balances[0]);
        Assert.Throws<ArgumentNullException>(() => DefaultEngine.Evaluate(null!, At(2026, 2, 1)));
        Assert.Throws<ArgumentNullException>(() => DefaultEngine.Explain(null!, At(2026, 2, 1)));
    }
}
