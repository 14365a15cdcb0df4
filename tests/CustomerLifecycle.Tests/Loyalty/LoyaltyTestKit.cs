using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Tests.Loyalty;

internal static class LoyaltyTestKit
{
    public static readonly CustomerId Member = CustomerId.From("m-1");

    public static readonly LoyaltyEngine DefaultEngine = new(new LoyaltyOptions());

    public static Instant At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) => Instant.FromUtc(year, month, day, hour, minute, second);

    public static LoyaltyPurchase Purchase(string key, Instant at, decimal amount, string? category = null, string? order = null)
        => new() { Key = key, Member = Member, At = at, OrderId = order ?? $"o-{key}", Amount = amount, Category = category };

    public static LoyaltyRefund Refund(string key, Instant at, string order, decimal amount)
        => new() { Key = key, Member = Member, At = at, OrderId = order, Amount = amount };

    public static LoyaltyActivity Activity(string key, Instant at, LoyaltyActivityKind kind = LoyaltyActivityKind.ReferralConverted)
        => new() { Key = key, Member = Member, At = at, Kind = kind };

    public static LoyaltyRedemption Redeem(string key, Instant at, string reward = LoyaltyDefaults.GiftCardRewardId)
        => new() { Key = key, Member = Member, At = at, RewardId = reward };

    public static LoyaltyRedemptionReversal Reverse(string key, Instant at, string redemption)
        => new() { Key = key, Member = Member, At = at, RedemptionKey = redemption };

    public static LoyaltyAdjustment Adjust(string key, Instant at, long points, string reason = "goodwill")
        => new() { Key = key, Member = Member, At = at, Points = points, Reason = reason };

    /// <summary>Applies every command in order, each of which must be applied, and returns the account.</summary>
    public static LoyaltyRecord Run(LoyaltyEngine engine, params LoyaltyCommand[] commands) => Run(engine, null, commands);

    public static LoyaltyRecord Run(LoyaltyEngine engine, LoyaltyRecord? account, params LoyaltyCommand[] commands)
    {
        foreach (var command in commands)
        {
            var outcome = engine.TryApply(account, command);
            Assert.True(outcome.Status == LoyaltyOutcomeStatus.Applied, $"{command.Key}: {outcome.Status} {string.Join("; ", outcome.Reasons)}");
            account = outcome.Record;
        }

        return account!;
    }

    /// <summary>The balance the batch <see cref="LoyaltyEngine.Evaluate(ReadOnlySpan{LoyaltyRecord}, Instant, Span{LoyaltyBalance})"/> (the sweep) writes for one record.</summary>
    public static LoyaltyBalance Sweep(LoyaltyEngine engine, LoyaltyRecord record, Instant asOf)
    {
        var balances = new LoyaltyBalance[1];
        engine.Evaluate([record], asOf, balances);
        return balances[0];
    }

    /// <summary>The record as a store returns it: a new instance with a copy of its checkpoint, and no summary of an earlier replay.</summary>
    public static LoyaltyRecord JustLoaded(LoyaltyRecord record) => new() { Member = record.Member, Entries = record.Entries, Checkpoint = record.Checkpoint! with { } };

    public static LoyaltyEngine Engine(Action<LoyaltyOptions> configure)
    {
        var options = new LoyaltyOptions();
        configure(options);
        return new LoyaltyEngine(options);
    }
}
