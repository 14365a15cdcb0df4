using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyCommandTests
{
    private static readonly LoyaltyRecord Account = Run(
        DefaultEngine,
        Purchase("p1", At(2026, 1, 1), 300m),
        Adjust("c1", At(2026, 1, 2), 640));

    [Fact]
    public void TheSameKeyTwice_IsADuplicate_ThatWritesNothing()
    {
        var outcome = DefaultEngine.TryApply(Account, Adjust("c1", At(2026, 1, 3), 5));

        Assert.Equal(LoyaltyOutcomeStatus.Duplicate, outcome.Status);
        Assert.Same(Account, outcome.Record);
        Assert.Empty(outcome.Entries);
        Assert.False(outcome.Changed);
        Assert.Equal("loyalty.duplicate: The ledger already holds command 'c1'; nothing was written.", outcome.Reasons.Single().ToString());
    }

    public static TheoryData<string, LoyaltyCommand, string, string, object?, string> Refusals() => new()
    {
        { "negative amount", Purchase("k", At(2026, 1, 3), -5m), "loyalty.invalid-command", "Amount", -5m, "Amount: must be in (0, 1000000000] but was -5." },
        { "zero amount", Purchase("k", At(2026, 1, 3), 0m), "loyalty.invalid-command", "Amount", 0m, "Amount: must be in (0, 1000000000] but was 0." },
        { "empty order", Purchase("k", At(2026, 1, 3), 5m, order: " "), "loyalty.invalid-command", "OrderId", " ", "OrderId: must not be empty." },
        { "order earned twice", Purchase("k", At(2026, 1, 3), 5m, order: "o-p1"), "loyalty.order-already-earned", "OrderId", "o-p1", "OrderId: order 'o-p1' already earned points with command 'p1'." },
        { "empty key", Purchase(" ", At(2026, 1, 3), 5m), "loyalty.invalid-command", "Key", " ", "Key: must not be empty." },
        { "other member", new LoyaltyAdjustment { Key = "k", Member = CustomerId.From("m-2"), At = At(2026, 1, 3), Points = 1, Reason = "x" }, "loyalty.other-member", "Member", "m-2", "Member: 'm-2' is not the account's member 'm-1'." },
        { "default member", new LoyaltyAdjustment { Key = "k", Member = default, At = At(2026, 1, 3), Points = 1, Reason = "x" }, "loyalty.invalid-command", "Member", null, "Member: must not be default(CustomerId)." },
        { "back-dated", Adjust("k", At(2026, 1, 1, 23, 59, 59), 1), "loyalty.backdated", "At", At(2026, 1, 1, 23, 59, 59), "At: 2026-01-01T23:59:59Z is more than 0 days before the ledger's latest entry (2026-01-02T00:00:00Z); the policy's MaxBackdatingDays is 0." },
        { "unknown reward", Redeem("k", At(2026, 1, 3), "mug"), "loyalty.unknown-reward", "RewardId", "mug", "RewardId: unknown reward 'mug'; the catalogue has 'gift-card-100'." },
        { "insufficient points", Redeem("k", At(2026, 1, 3)), "loyalty.insufficient-points", "RewardId", "gift-card-100", "RewardId: 'gift-card-100' costs 1000 points but 640 are available." },
        { "unknown order", Refund("k", At(2026, 1, 3), "o-9", 5m), "loyalty.unknown-order", "OrderId", "o-9", "OrderId: no purchase of order 'o-9' is in the ledger." },
        { "refund beyond the order", Refund("k", At(2026, 1, 3), "o-p1", 300.01m), "loyalty.refund-exceeds-order", "Amount", 300.01m, "Amount: 300.01 is more than the 300 of order 'o-p1' not yet refunded." },
        { "negative refund", Refund("k", At(2026, 1, 3), "o-p1", -1m), "loyalty.invalid-command", "Amount", -1m, "Amount: must be in (0, 1000000000] but was -1." },
        { "unknown redemption", Reverse("k", At(2026, 1, 3), "p1"), "loyalty.unknown-redemption", "RedemptionKey", "p1", "RedemptionKey: the ledger holds no redemption 'p1'." },
        { "zero adjustment", Adjust("k", At(2026, 1, 3), 0), "loyalty.invalid-command", "Points", 0L, "Points: must be non-zero and within ±1000000000 but was 0." },
        { "adjustment without reason", Adjust("k", At(2026, 1, 3), 5, ""), "loyalty.invalid-command", "Reason", "", "Reason: must not be empty." },
        { "debit beyond the available", Adjust("k", At(2026, 1, 3), -641), "loyalty.insufficient-points", "Points", -641L, "Points: a debit of 641 points but 640 are available." },
        { "unknown activity", Activity("k", At(2026, 1, 3), (LoyaltyActivityKind)9), "loyalty.invalid-command", "Kind", (LoyaltyActivityKind)9, "Kind: 9 is not a LoyaltyActivityKind." },
        { "instant out of range", Adjust("k", At(2300, 1, 1), 1), "loyalty.invalid-command", "At", At(2300, 1, 1), "At: 2300-01-01T00:00:00Z is outside [1900-01-01T00:00:00Z, 2200-01-01T00:00:00Z]." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void ABadCommand_IsRefusedWhole_NamingTheFieldAndTheValue(string name, LoyaltyCommand command, string code, string field, object? value, string message)
    {
        var outcome = DefaultEngine.TryApply(Account, command);

        Assert.True(outcome.Status == LoyaltyOutcomeStatus.Rejected, name);
        Assert.Same(Account, outcome.Record);
        Assert.Empty(outcome.Entries);
        var reason = Assert.Single(outcome.Reasons);
        Assert.Equal((code, message), (reason.Code, reason.Message));
        Assert.Equal(field, reason.Data["field"]);
        Assert.Equal(value, reason.Data["value"]);
    }

    [Fact]
    public void ARejectedCommandAfterALotsEnd_WritesNotEvenTheExpiry()
    {
        var account = Run(DefaultEngine, Activity("a1", At(2026, 1, 1)));

        var outcome = DefaultEngine.TryApply(account, Redeem("r", At(2027, 6, 1)));

        Assert.Equal(LoyaltyOutcomeStatus.Rejected, outcome.Status);
        Assert.Same(account, outcome.Record);
    }

    [Fact]
    public void AReversedRedemption_CannotBeReversedAgain()
    {
        var account = Run(DefaultEngine, Adjust("c", At(2026, 1, 1), 1000), Redeem("r", At(2026, 1, 2)), Reverse("x", At(2026, 1, 3), "r"));

        var outcome = DefaultEngine.TryApply(account, Reverse("y", At(2026, 1, 4), "r"));

        Assert.Equal("RedemptionKey: redemption 'r' was already reversed by 'x'.", Assert.Single(outcome.Reasons).Message);
    }

    [Fact]
    public void AFirstCommand_StartsTheAccount()
    {
        var outcome = DefaultEngine.TryApply(null, Adjust("c", At(2026, 1, 1), 10));

        Assert.Equal(Member, outcome.Record!.Member);
        Assert.Single(outcome.Record.Entries);
    }

    [Fact]
    public void ACommandTheEngineDoesNotKnow_IsRefused()
    {
        var outcome = DefaultEngine.TryApply(Account, new HostCommand(Adjust("k", At(2026, 1, 3), 1)));

        Assert.Equal("Command: is not a loyalty command this engine knows.", Assert.Single(outcome.Reasons).Message);
        Assert.Equal("HostCommand", outcome.Reasons[0].Data["value"]);
    }

    [Fact]
    public void ANullCommand_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DefaultEngine.TryApply(null, null!));
    }

    private sealed record HostCommand : LoyaltyCommand
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public HostCommand(LoyaltyCommand original)
            : base(original)
        {
        }
    }
}
