using System.Collections.Immutable;
using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Abstractions.Tests.Loyalty;

public sealed class LoyaltyContractsTests
{
    private static readonly CustomerId Member = CustomerId.From("m-1");

    private static LoyaltyEntry Redemption(params LoyaltyAllocation[] allocations) => new()
    {
        Key = "r",
        Kind = LoyaltyEntryKind.Redeem,
        At = Instant.FromUtc(2026, 1, 1, 0, 0),
        Points = -allocations.Sum(a => a.Points),
        RuleId = "loyalty.redeem",
        Reason = "Redeemed.",
        Allocations = [.. allocations],
    };

    [Fact]
    public void TwoEntries_AreEqual_WhenTheirAllocationsAreEqualElementByElement()
    {
        var a = Redemption(new("l1", 5), new("l2", 3));
        var b = Redemption(new("l1", 5), new("l2", 3));
        var c = Redemption(new("l2", 3), new("l1", 5));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, a with { Reason = "Other." });
    }

    [Fact]
    public void TwoAccounts_AreEqual_WhenTheirEntriesAreEqualInOrder()
    {
        var a = new LoyaltyRecord { Member = Member, Entries = [Redemption(new LoyaltyAllocation("l1", 5))] };
        var b = new LoyaltyRecord { Member = Member, Entries = [Redemption(new LoyaltyAllocation("l1", 5))] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Member = CustomerId.From("m-2") });
        Assert.NotEqual(a, b with { Entries = [] });
    }

    [Fact]
    public void DefaultArrays_ReadAsEmpty()
    {
        var account = new LoyaltyRecord { Member = Member, Entries = default };
        var entry = Redemption() with { Allocations = default };

        Assert.Empty(account.Entries);
        Assert.Empty(entry.Allocations);
        Assert.Equal(new LoyaltyRecord { Member = Member }, account);
    }

    [Theory]
    [InlineData(LoyaltyEntryKind.Earn, 0, true)]
    [InlineData(LoyaltyEntryKind.Adjust, 5, true)]
    [InlineData(LoyaltyEntryKind.Adjust, -5, false)]
    [InlineData(LoyaltyEntryKind.Reverse, 5, false)]
    [InlineData(LoyaltyEntryKind.Expire, -5, false)]
    public void OnlyEarnsAndCredits_OpenALot(LoyaltyEntryKind kind, long points, bool opens)
    {
        Assert.Equal(opens, (Redemption() with { Kind = kind, Points = points }).OpensLot);
    }

    [Fact]
    public void AnOutcome_HasChanged_OnlyWhenApplied()
    {
        LoyaltyOutcome Outcome(LoyaltyOutcomeStatus status) => new() { Status = status, Record = null, Entries = ImmutableArray<LoyaltyEntry>.Empty, Reasons = [] };

        Assert.True(Outcome(LoyaltyOutcomeStatus.Applied).Changed);
        Assert.False(Outcome(LoyaltyOutcomeStatus.Duplicate).Changed);
        Assert.False(Outcome(LoyaltyOutcomeStatus.Rejected).Changed);
    }

    [Fact]
    public void TwoStatements_AreEqual_WhenTheirLotsAreEqualInOrder()
    {
        var at = Instant.FromUtc(2026, 1, 1, 0, 0);
        var balance = new LoyaltyBalance(Member, at, 5, 0, 0, 0, 5, 0, 0, 0, null, 0.5m);
        LoyaltyLot Lot() => new("l1", at, at, at + Duration.FromDays(365), 5, 5, LoyaltyLotState.Available);

        Assert.Equal(new LoyaltyStatement(balance, [Lot()]), new LoyaltyStatement(balance, [Lot()]));
        Assert.NotEqual(new LoyaltyStatement(balance, [Lot()]), new LoyaltyStatement(balance, []));
    }
}
