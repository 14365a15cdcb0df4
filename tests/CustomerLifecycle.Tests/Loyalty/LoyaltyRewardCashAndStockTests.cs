using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>A headset for 500 points and 19.99 in cash, of which the host keeps a limited stock.</summary>
public sealed class LoyaltyRewardCashAndStockTests
{
    private static readonly LoyaltyEngine WithHeadset = Engine(o => o.Rewards.Add(new LoyaltyRewardOptions { Id = "headset", Name = "Headset", Points = 500, CashPrice = 19.99m, StockLimited = true }));

    private static readonly LoyaltyRecord Funded = Run(WithHeadset, Adjust("c1", At(2026, 1, 1), 1500));

    private static LoyaltyRedemption Headset(string key, int? stock) => Redeem(key, At(2026, 1, 2), "headset") with { RemainingStock = stock };

    [Fact]
    public void ARedemption_RecordsTheCashPart_BesideThePoints()
    {
        var entry = WithHeadset.TryApply(Funded, Headset("r1", 3)).Entries[0];

        Assert.Equal((-500L, (decimal?)19.99m), (entry.Points, entry.CashAmount));
        Assert.Equal("Redeemed Headset (headset) for 500 points and 19.99 in cash from c1 (500).", entry.Reason);
    }

    [Fact]
    public void ItsReversal_CarriesTheCashToRefund()
    {
        var redeemed = Run(WithHeadset, Funded, Headset("r1", 3));

        var reversal = WithHeadset.TryApply(redeemed, Reverse("x1", At(2026, 1, 3), "r1")).Entries[0];

        Assert.Equal((500L, (decimal?)19.99m), (reversal.Points, reversal.CashAmount));
        Assert.Equal("Redemption r1 (headset) reversed: 500 points back to c1 (500), with their original expiry; 19.99 in cash to refund.", reversal.Reason);
    }

    [Fact]
    public void APointsOnlyReward_HasNoCashPart_AndNeedsNoStock()
    {
        var entry = WithHeadset.TryApply(Funded, Redeem("r1", At(2026, 1, 2))).Entries[0];

        Assert.Null(entry.CashAmount);
        Assert.Equal("Redeemed Gift card (100) (gift-card-100) for 1000 points from c1 (1000).", entry.Reason);
    }

    [Theory]
    [InlineData(0, "RemainingStock: 'headset' is out of stock (0 left).")]
    [InlineData(-2, "RemainingStock: 'headset' is out of stock (-2 left).")]
    public void AStockLimitedRewardOutOfStock_IsRefused_WritingNothing(int stock, string message)
    {
        var outcome = WithHeadset.TryApply(Funded, Headset("r1", stock));

        Assert.Equal((LoyaltyOutcomeStatus.Rejected, "loyalty.out-of-stock", message), (outcome.Status, outcome.Reasons[0].Code, outcome.Reasons[0].Message));
        Assert.Equal(("RemainingStock", (object?)stock), ((string)outcome.Reasons[0].Data["field"]!, outcome.Reasons[0].Data["value"]));
        Assert.Same(Funded, outcome.Record);
    }

    [Fact]
    public void AStockLimitedReward_WithoutTheStock_IsRefused_AndTheLastOneInStockIsRedeemed()
    {
        var missing = WithHeadset.TryApply(Funded, Headset("r1", null));

        Assert.Equal((LoyaltyRefusals.InvalidCode, "RemainingStock: must be given for 'headset', whose stock is limited."), (missing.Reasons[0].Code, missing.Reasons[0].Message));
        Assert.Equal(LoyaltyOutcomeStatus.Applied, WithHeadset.TryApply(Funded, Headset("r1", 1)).Status);
    }

    [Fact]
    public void ANonPositiveCashPrice_IsRefusedByTheValidator()
    {
        var options = new LoyaltyOptions();
        options.Rewards[0].CashPrice = 0m;

        Assert.Equal(["Rewards[0].CashPrice: must be in (0, 1000000000] but was 0."], new LoyaltyOptionsValidator().Validate(null, options).Failures);
    }
}
