using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Spending and taking back: redemptions and their reversal, refunds, adjustments.</summary>
public sealed partial class LoyaltyEngine
{
    private const long MaxAdjustment = 1_000_000_000;

    private Step Redeem(LoyaltyLedger ledger, ImmutableArray<LoyaltyEntry> entries, LoyaltyRedemption redemption)
    {
        if (LoyaltyRefusals.NotEmpty("RewardId", redemption.RewardId) is { } invalid)
        {
            return Step.Refuse(invalid);
        }

        if (!_rewards.TryGetValue(redemption.RewardId, out var reward))
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.unknown-reward", "RewardId", redemption.RewardId, $"unknown reward '{redemption.RewardId}'; the catalogue has {string.Join(", ", _rewards.Keys.Select(k => $"'{k}'"))}."));
        }

        if (reward.RequiredTier is { } required && _tiers!.TierAt(entries, redemption.At) is var held && held < _tiers.IndexOf(required))
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.tier-required", "RewardId", redemption.RewardId, $"'{reward.Id}' needs tier '{required}' but the member is '{_tiers.Id(held)}'."));
        }

        if (reward.StockLimited && redemption.RemainingStock is not > 0)
        {
            return Step.Refuse(redemption.RemainingStock is { } stock
                ? LoyaltyRefusals.Refuse("loyalty.out-of-stock", "RemainingStock", stock, $"'{reward.Id}' is out of stock ({stock} left).")
                : LoyaltyRefusals.Invalid("RemainingStock", null, $"must be given for '{reward.Id}', whose stock is limited."));
        }

        var available = ledger.AvailableAt(redemption.At);
        if (available < reward.Points)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.insufficient-points", "RewardId", redemption.RewardId, $"'{reward.Id}' costs {reward.Points} points but {available} are available."));
        }

        var allocations = Take(ledger, redemption.At, reward.Points, firstLot: null);
        var rollsTo = RollsTo(redemption.At);
        return Step.Write(new LoyaltyEntry
        {
            Key = redemption.Key,
            Kind = LoyaltyEntryKind.Redeem,
            At = redemption.At,
            Points = -reward.Points,
            RuleId = "loyalty.redeem",
            Reason = $"Redeemed {reward.Name} ({reward.Id}) for {reward.Points} points{CashNote(reward.CashPrice)} from {Lots(allocations)}{RollNote(rollsTo)}.",
            RewardId = reward.Id,
            CashAmount = reward.CashPrice,
            Allocations = allocations,
            RollsExpiryTo = rollsTo,
        });
    }

    private static Step Reverse(ImmutableArray<LoyaltyEntry> entries, LoyaltyRedemptionReversal reversal)
    {
        if (LoyaltyRefusals.NotEmpty("RedemptionKey", reversal.RedemptionKey) is { } invalid)
        {
            return Step.Refuse(invalid);
        }

        var redemption = entries.FirstOrDefault(e => e.Kind == LoyaltyEntryKind.Redeem && e.Key == reversal.RedemptionKey);
        if (redemption is null)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.unknown-redemption", "RedemptionKey", reversal.RedemptionKey, $"the ledger holds no redemption '{reversal.RedemptionKey}'."));
        }

        if (entries.FirstOrDefault(e => e.Kind == LoyaltyEntryKind.Reverse && e.Target == redemption.Key) is { } earlier)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.already-reversed", "RedemptionKey", reversal.RedemptionKey, $"redemption '{redemption.Key}' was already reversed by '{earlier.Key}'."));
        }

        if (reversal.At < redemption.At)
        {
            return Step.Refuse(LoyaltyRefusals.Invalid("At", reversal.At, $"{reversal.At} is before the redemption it reverses ({redemption.At})."));
        }

        return Step.Write(new LoyaltyEntry
        {
            Key = reversal.Key,
            Kind = LoyaltyEntryKind.Reverse,
            At = reversal.At,
            Points = -redemption.Points,
            RuleId = "loyalty.reverse-redemption",
            Reason = $"Redemption {redemption.Key} ({redemption.RewardId}) reversed: {-redemption.Points} points back to {Lots(redemption.Allocations)}, with their original expiry{(redemption.CashAmount is { } cash ? string.Create(CultureInfo.InvariantCulture, $"; {cash} in cash to refund") : string.Empty)}.",
            RewardId = redemption.RewardId,
            CashAmount = redemption.CashAmount,
            Target = redemption.Key,
            Allocations = redemption.Allocations,
        });
    }

    private Step Refund(LoyaltyLedger ledger, ImmutableArray<LoyaltyEntry> entries, LoyaltyRefund refund)
    {
        if ((LoyaltyRefusals.NotEmpty("OrderId", refund.OrderId) ?? LoyaltyRefusals.Amount(refund.Amount, MaxAmount)) is { } invalid)
        {
            return Step.Refuse(invalid);
        }

        if (EarnOf(entries, refund.OrderId) is not { } earn)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.unknown-order", "OrderId", refund.OrderId, $"no purchase of order '{refund.OrderId}' is in the ledger."));
        }

        var refunded = entries.Where(e => e.Kind == LoyaltyEntryKind.Reverse && e.Target == earn.Key).Sum(e => e.Amount ?? 0m);
        var purchased = earn.Amount!.Value;
        if (refunded + refund.Amount > purchased)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.refund-exceeds-order", "Amount", refund.Amount, string.Create(CultureInfo.InvariantCulture, $"{refund.Amount} is more than the {purchased - refunded} of order '{refund.OrderId}' not yet refunded.")));
        }

        // The share of the order's points the refunds so far earned, rounded down, so that refunds adding up to the whole order
        // take back exactly its points.
        var points = (long)decimal.Floor(earn.Points * (refunded + refund.Amount) / purchased) - (long)decimal.Floor(earn.Points * refunded / purchased);
        ledger.TryFindLot(earn.Key, out var lot);
        var pending = ledger.StateAt(lot, refund.At) == LoyaltyLotState.Pending;
        var allocations = Take(ledger, refund.At, points, firstLot: lot, othersToo: !pending);
        var covered = allocations.Sum(a => a.Points);
        var uncovered = points - covered;
        var debt = _allowNegativeBalance ? uncovered : 0;
        var how = pending ? "cancelled while pending" : "taken back";
        var tail = uncovered == 0 ? string.Empty : debt > 0 ? $"; {debt} points already spent are owed" : $"; {uncovered} points already spent could not be taken";
        return Step.Write(
            new LoyaltyEntry
            {
                Key = refund.Key,
                Kind = LoyaltyEntryKind.Reverse,
                At = refund.At,
                Points = -(covered + debt),
                RuleId = "loyalty.refund",
                Reason = string.Create(CultureInfo.InvariantCulture, $"Refund of {refund.Amount} of order {refund.OrderId} ({purchased}): {points} of its {earn.Points} points {how}{(covered > 0 ? $" from {Lots(allocations)}" : string.Empty)}{tail}."),
                OrderId = refund.OrderId,
                Amount = refund.Amount,
                Target = earn.Key,
                Allocations = allocations,
            },
            shortfall: uncovered - debt);
    }

    private Step Adjust(LoyaltyLedger ledger, LoyaltyAdjustment adjustment)
    {
        if (adjustment.Points == 0 || Math.Abs(adjustment.Points) > MaxAdjustment)
        {
            return Step.Refuse(LoyaltyRefusals.Invalid("Points", adjustment.Points, string.Create(CultureInfo.InvariantCulture, $"must be non-zero and within ±{MaxAdjustment} but was {adjustment.Points}.")));
        }

        if (LoyaltyRefusals.NotEmpty("Reason", adjustment.Reason) is { } invalid)
        {
            return Step.Refuse(invalid);
        }

        var entry = new LoyaltyEntry
        {
            Key = adjustment.Key,
            Kind = LoyaltyEntryKind.Adjust,
            At = adjustment.At,
            Points = adjustment.Points,
            RuleId = "loyalty.adjust",
            Reason = $"Adjusted by {adjustment.Points:+0;-0} points: {adjustment.Reason}",
        };
        if (adjustment.Points > 0)
        {
            var expiresAt = CreditExpiry(ledger, adjustment.At);
            return Step.Write(entry with { AvailableFrom = adjustment.At, ExpiresAt = expiresAt, RollsExpiryTo = RollsTo(adjustment.At) is null ? null : expiresAt });
        }

        var available = ledger.AvailableAt(adjustment.At);
        if (available < -adjustment.Points)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.insufficient-points", "Points", adjustment.Points, $"a debit of {-adjustment.Points} points but {available} are available."));
        }

        return Step.Write(entry with { Allocations = Take(ledger, adjustment.At, -adjustment.Points, firstLot: null) });
    }

    private Step Match(LoyaltyStatusMatch match)
    {
        if ((LoyaltyRefusals.NotEmpty("Tier", match.Tier) ?? LoyaltyRefusals.NotEmpty("Reason", match.Reason)) is { } invalid)
        {
            return Step.Refuse(invalid);
        }

        if (_tiers is null || _tiers.IndexOf(match.Tier) < 0)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.unknown-tier", "Tier", match.Tier, _tiers is null ? "the policy has no tiers." : $"'{match.Tier}' is not a tier of the policy."));
        }

        if (match.ExpiresAt <= match.At || match.ExpiresAt > LatestInstant)
        {
            return Step.Refuse(LoyaltyRefusals.Invalid("ExpiresAt", match.ExpiresAt, $"must be after At ({match.At}) and by {LatestInstant}."));
        }

        return Step.Write(new LoyaltyEntry
        {
            Key = match.Key,
            Kind = LoyaltyEntryKind.StatusMatch,
            At = match.At,
            Points = 0,
            RuleId = "loyalty.status-match",
            Reason = $"Status match to {_tiers.Name(_tiers.IndexOf(match.Tier))} until {match.ExpiresAt}: {match.Reason}",
            Tier = match.Tier,
            ExpiresAt = match.ExpiresAt,
        });
    }

    /// <summary>Takes up to <paramref name="points"/> from <paramref name="firstLot"/> (if any), then from the lots spendable at
    /// <paramref name="at"/>, soonest-expiring first; fewer only when the lots hold fewer.</summary>
    private static ImmutableArray<LoyaltyAllocation> Take(LoyaltyLedger ledger, Instant at, long points, int? firstLot, bool othersToo = true)
    {
        var allocations = ImmutableArray.CreateBuilder<LoyaltyAllocation>();
        var left = points;
        if (firstLot is { } first && ledger.Remaining(first) > 0 && left > 0)
        {
            var taken = Math.Min(left, ledger.Remaining(first));
            allocations.Add(new LoyaltyAllocation(ledger.Lot(first).Key, taken));
            left -= taken;
        }

        if (othersToo)
        {
            foreach (var lot in ledger.SpendableLots(at))
            {
                if (left == 0)
                {
                    break;
                }

                if (lot != firstLot)
                {
                    var taken = Math.Min(left, ledger.Remaining(lot));
                    allocations.Add(new LoyaltyAllocation(ledger.Lot(lot).Key, taken));
                    left -= taken;
                }
            }
        }

        return allocations.ToImmutable();
    }

    private static string CashNote(decimal? cash) => cash is { } value ? string.Create(CultureInfo.InvariantCulture, $" and {value} in cash") : string.Empty;

    private static string Lots(ImmutableArray<LoyaltyAllocation> allocations)
        => string.Join(", ", allocations.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Lot} ({a.Points})")));
}
