using System.Globalization;
using CustomerLifecycle.Loyalty;
using NodaTime;
using Xunit.Sdk;

namespace CustomerLifecycle.Testing.Conformance;

/// <summary>Loyalty ledgers that exercise every field a store must keep, and a comparison that names the first field that differs.</summary>
internal static class LoyaltySamples
{
    public static readonly Instant At = Instant.FromUtc(2026, 2, 2, 8, 30, 15).PlusTicks(1_234_567);

    /// <summary>A member with an empty ledger and no checkpoint (as written before checkpoints existed); one with an empty ledger's
    /// checkpoint; and one whose ledger holds every entry kind with every optional field set, and a checkpoint with every field set (its tier state's too).</summary>
    public static IEnumerable<LoyaltyRecord> Records()
    {
        yield return new LoyaltyRecord { Member = CustomerId.From("m-bare") };

        var empty = CustomerId.From("m-empty-checkpoint");
        yield return new LoyaltyRecord
        {
            Member = empty,
            Checkpoint = new LoyaltyCheckpoint { Balance = new LoyaltyBalance(empty, At, 0, 0, 0, 0, 0, 0, 0, 0, null, 0m), Until = At + Duration.FromTicks(1), PolicyFingerprint = 0, EntryCount = 0 },
        };

        var held = At + Duration.FromDays(14);
        var expires = Instant.FromUtc(2027, 2, 2, 8, 30, 15).PlusTicks(1_234_567);
        var member = CustomerId.From("会员-ü \"quoted\" 'x';--");
        yield return new LoyaltyRecord
        {
            Member = member,
            Checkpoint = new LoyaltyCheckpoint
            {
                Balance = new LoyaltyBalance(member, expires, -3, 2469, 100, 0, 3576, 503, 7, 1, expires + Duration.FromTicks(3), -0.12345678901234567890m, 2),
                Until = held,
                LotsUntil = Instant.MaxValue,
                Tier = new LoyaltyTierCheckpoint
                {
                    EarnedLevel = 2,
                    MatchedLevel = 3,
                    MatchedUntil = expires + Duration.FromTicks(4),
                    ReviewAt = held,
                    DropLevel = 1,
                    DropAt = expires + Duration.FromTicks(5),
                    DropDecidedAt = At - Duration.FromTicks(6),
                    QualifyingPoints = long.MaxValue,
                    QualifyingSpend = -79228162514264337593543950335m,
                },
                PolicyFingerprint = long.MinValue,
                EntryCount = 11,
                LastEntryKey = "later",
            },
            Entries =
            [
                Entry("buy-1", LoyaltyEntryKind.Earn, At, 2469, "loyalty.purchase", "Purchase 订单-1: 1234.5678 × 1 × 2 — rounded down\nsecond line\ttab") with
                {
                    Multiplier = 2m, OrderId = "订单-1", Amount = 1234.5678m, AvailableFrom = held, ExpiresAt = expires,
                },
                Entry("review", LoyaltyEntryKind.Earn, At, 100, "loyalty.review-written", "ReviewWritten: 100 points.") with
                {
                    Multiplier = 1.25m, AvailableFrom = At, ExpiresAt = expires + Duration.FromTicks(1), RollsExpiryTo = expires + Duration.FromTicks(2),
                },
                Entry("credit", LoyaltyEntryKind.Adjust, At + Duration.FromDays(15), 1000, "loyalty.adjust", "Adjusted by +1000 points: goodwill") with
                {
                    AvailableFrom = At + Duration.FromDays(15), ExpiresAt = expires + Duration.FromDays(15),
                },
                Entry("redeem", LoyaltyEntryKind.Redeem, At + Duration.FromDays(16), -1000, "loyalty.redeem", "Redeemed Gift card (100) for 1000 points.") with
                {
                    RewardId = LoyaltyDefaults.GiftCardRewardId, CashAmount = 19.99m, Allocations = [new LoyaltyAllocation("buy-1", 900), new LoyaltyAllocation("review", 100)],
                },
                Entry("cancel", LoyaltyEntryKind.Reverse, At + Duration.FromDays(17), 1000, "loyalty.reverse-redemption", "Redemption redeem reversed.") with
                {
                    RewardId = LoyaltyDefaults.GiftCardRewardId, Target = "redeem", Allocations = [new LoyaltyAllocation("buy-1", 900), new LoyaltyAllocation("review", 100)],
                },
                Entry("refund", LoyaltyEntryKind.Reverse, At + Duration.FromDays(18), -500, "loyalty.refund", "Refund of 0.01 of order 订单-1.") with
                {
                    OrderId = "订单-1", Amount = 0.01m, Target = "buy-1", Allocations = [new LoyaltyAllocation("buy-1", 400)],
                },
                Entry("debit", LoyaltyEntryKind.Adjust, At + Duration.FromDays(19), -1, "loyalty.adjust", string.Empty) with
                {
                    Allocations = [new LoyaltyAllocation("credit", 1)],
                },
                Entry("match", LoyaltyEntryKind.StatusMatch, At + Duration.FromDays(20), 0, "loyalty.status-match", "Status match to Gold: rival's card") with
                {
                    Tier = "gold", ExpiresAt = At + Duration.FromDays(110),
                },
                Entry("gift-out", LoyaltyEntryKind.TransferOut, At + Duration.FromDays(21), -2, "loyalty.transfer-out", "Transfer t-ü: 2 points to 会员-2.") with
                {
                    TransferId = "t-ü", Counterpart = CustomerId.From("会员-2"), Allocations = [new LoyaltyAllocation("credit", 2)],
                },
                Entry("gift-in", LoyaltyEntryKind.TransferIn, At + Duration.FromDays(22), 7, "loyalty.transfer-in", "Transfer t-2: 7 points from m-3.") with
                {
                    TransferId = "t-2", Counterpart = CustomerId.From("m-3"), AvailableFrom = At + Duration.FromDays(22), ExpiresAt = expires + Duration.FromDays(22),
                },
                Entry("later", LoyaltyEntryKind.Expire, expires, -100, "loyalty.expire", "Lot review expired.") with
                {
                    Allocations = [new LoyaltyAllocation("review", 100)],
                },
            ],
        };
    }

    /// <summary>Distinct successive ledgers of one member: the i-th holds i credits.</summary>
    public static IReadOnlyList<LoyaltyRecord> Versions(string member, int count)
    {
        var list = new List<LoyaltyRecord>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(new LoyaltyRecord { Member = CustomerId.From(member), Entries = [.. Enumerable.Range(0, i).Select(Credit)] });
        }

        return list;
    }

    /// <summary>The n-th credit of a long ledger: 1 point, a minute after the one before.</summary>
    public static LoyaltyEntry Credit(int n)
    {
        var at = At + Duration.FromMinutes(n);
        return Entry(string.Create(CultureInfo.InvariantCulture, $"credit-{n}"), LoyaltyEntryKind.Adjust, at, 1, "loyalty.adjust", "Adjusted by +1 points: sample") with
        {
            AvailableFrom = at, ExpiresAt = at + Duration.FromDays(365),
        };
    }

    /// <summary>Asserts two ledgers hold the same content, naming the first field that differs.</summary>
    public static void AssertSame(LoyaltyRecord expected, LoyaltyRecord actual)
    {
        var difference = Compare("Member", expected.Member, actual.Member)
            ?? Compare("Checkpoint", expected.Checkpoint, actual.Checkpoint)
            ?? Compare("Entries.Length", expected.Entries.Length, actual.Entries.Length)
            ?? expected.Entries.Zip(actual.Entries).Select((pair, i) => FirstDifference(pair.First, pair.Second) is { } d ? $"Entries[{i}].{d}" : null).FirstOrDefault(d => d is not null);
        if (difference is not null)
        {
            throw new XunitException($"The stored loyalty record of '{expected.Member}' differs in {difference}.");
        }
    }

    private static LoyaltyEntry Entry(string key, LoyaltyEntryKind kind, Instant at, long points, string ruleId, string reason)
        => new() { Key = key, Kind = kind, At = at, Points = points, RuleId = ruleId, Reason = reason };

    private static string? FirstDifference(LoyaltyEntry e, LoyaltyEntry a) =>
        Compare("Key", e.Key, a.Key)
        ?? Compare("Kind", e.Kind, a.Kind)
        ?? Compare("At", e.At, a.At)
        ?? Compare("Points", e.Points, a.Points)
        ?? Compare("RuleId", e.RuleId, a.RuleId)
        ?? Compare("Reason", e.Reason, a.Reason)
        ?? Compare("Multiplier", e.Multiplier, a.Multiplier)
        ?? Compare("OrderId", e.OrderId, a.OrderId)
        ?? Compare("Amount", e.Amount, a.Amount)
        ?? Compare("RewardId", e.RewardId, a.RewardId)
        ?? Compare("Target", e.Target, a.Target)
        ?? Compare("Tier", e.Tier, a.Tier)
        ?? Compare("AvailableFrom", e.AvailableFrom, a.AvailableFrom)
        ?? Compare("ExpiresAt", e.ExpiresAt, a.ExpiresAt)
        ?? Compare("RollsExpiryTo", e.RollsExpiryTo, a.RollsExpiryTo)
        ?? Compare("TransferId", e.TransferId, a.TransferId)
        ?? Compare("CashAmount", e.CashAmount, a.CashAmount)
        ?? Compare("Counterpart", e.Counterpart, a.Counterpart)
        ?? Compare("Allocations", string.Join(" | ", e.Allocations), string.Join(" | ", a.Allocations))
        ?? (e == a ? null : "a field the comparison does not name");

    private static string? Compare<T>(string name, T expected, T actual)
        => EqualityComparer<T>.Default.Equals(expected, actual) ? null : string.Create(CultureInfo.InvariantCulture, $"{name}: expected {expected} but loaded {actual}");
}
