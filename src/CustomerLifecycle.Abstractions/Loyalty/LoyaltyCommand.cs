using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Something that changes a member's points; the engine checks it and appends entries to the ledger, or refuses it whole.</summary>
/// <remarks>Commands are idempotent by <see cref="Key"/>: a key the ledger already holds is reported as a duplicate and
/// writes nothing, so a host can redeliver a command safely.</remarks>
public abstract record LoyaltyCommand
{
    private protected LoyaltyCommand()
    {
    }

    /// <summary>Gets the idempotency key, unique within the member's ledger (e.g. the host's message or order-line id).</summary>
    public required string Key { get; init; }

    /// <summary>Gets the member.</summary>
    public required CustomerId Member { get; init; }

    /// <summary>Gets when it happened.</summary>
    public required Instant At { get; init; }
}

/// <summary>A purchase: earns points per currency unit spent, pending for the holding period.</summary>
public sealed record LoyaltyPurchase : LoyaltyCommand
{
    /// <summary>Gets the host's order id; one purchase per order.</summary>
    public required string OrderId { get; init; }

    /// <summary>Gets the amount spent, in currency units; positive.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Gets the product category, or null for none; excluded categories earn nothing, others may carry a multiplier.</summary>
    public string? Category { get; init; }
}

/// <summary>A refund of (part of) an earlier purchase: takes back the share of its points the refunded amount earned.</summary>
public sealed record LoyaltyRefund : LoyaltyCommand
{
    /// <summary>Gets the order refunded.</summary>
    public required string OrderId { get; init; }

    /// <summary>Gets the amount refunded, in currency units; positive and at most what is left of the order unrefunded.</summary>
    public required decimal Amount { get; init; }
}

/// <summary>An activity that earns a fixed number of points: a survey answered, a referral converted, a review written.</summary>
public sealed record LoyaltyActivity : LoyaltyCommand
{
    /// <summary>Gets what the member did.</summary>
    public required LoyaltyActivityKind Kind { get; init; }
}

/// <summary>A reward redeemed from the catalogue, paid with points from the soonest-expiring lots.</summary>
public sealed record LoyaltyRedemption : LoyaltyCommand
{
    /// <summary>Gets the reward's id in the policy's catalogue.</summary>
    public required string RewardId { get; init; }

    /// <summary>Gets how many of the reward the host has left, stock being shared across members and kept by the host; required
    /// for a stock-limited reward (refused when 0 or less), ignored otherwise.</summary>
    public int? RemainingStock { get; init; }
}

/// <summary>An earlier redemption undone (the order was cancelled): its points go back to the same lots, with their original expiry.</summary>
public sealed record LoyaltyRedemptionReversal : LoyaltyCommand
{
    /// <summary>Gets the key of the redemption to undo.</summary>
    public required string RedemptionKey { get; init; }
}

/// <summary>A manual correction by staff: a credit opens a lot available at once, a debit takes points from the soonest-expiring lots.</summary>
public sealed record LoyaltyAdjustment : LoyaltyCommand
{
    /// <summary>Gets the signed points: positive to credit, negative to debit; never zero.</summary>
    public required long Points { get; init; }

    /// <summary>Gets why, for the ledger; not empty.</summary>
    public required string Reason { get; init; }
}

/// <summary>A status match by staff: the member holds a tier until an instant, whatever their qualifying activity.</summary>
/// <remarks>While it lasts the member's tier is the higher of the matched one and the one their activity earned; when it
/// ends, the earned tier applies again.</remarks>
public sealed record LoyaltyStatusMatch : LoyaltyCommand
{
    /// <summary>Gets the id of the tier granted, one of the policy's tiers.</summary>
    public required string Tier { get; init; }

    /// <summary>Gets when the match ends; after <see cref="LoyaltyCommand.At"/>.</summary>
    public required Instant ExpiresAt { get; init; }

    /// <summary>Gets why, for the ledger (e.g. the competitor status shown); not empty.</summary>
    public required string Reason { get; init; }
}

/// <summary>Points moved from the member to another: the source's side of a transfer, taken from its lots soonest-expiring first.</summary>
/// <remarks>A transfer is two commands, one per member, each with its own <see cref="LoyaltyCommand.Key"/> and the same
/// <see cref="TransferId"/>: apply this one to the source first and, once it is applied (or a duplicate), the
/// <see cref="LoyaltyTransferIn"/> to the target, which is never refused for want of points.</remarks>
public sealed record LoyaltyTransferOut : LoyaltyCommand
{
    /// <summary>Gets the host's id of the transfer, the same on both sides; not empty.</summary>
    public required string TransferId { get; init; }

    /// <summary>Gets the member the points go to; not the source.</summary>
    public required CustomerId To { get; init; }

    /// <summary>Gets the points moved; positive, at most what the source has available.</summary>
    public required long Points { get; init; }
}

/// <summary>Points moved to the member from another: the target's side of a transfer (see <see cref="LoyaltyTransferOut"/>); opens a lot available at once.</summary>
public sealed record LoyaltyTransferIn : LoyaltyCommand
{
    /// <summary>Gets the host's id of the transfer, the same on both sides; not empty.</summary>
    public required string TransferId { get; init; }

    /// <summary>Gets the member the points come from; not the target.</summary>
    public required CustomerId From { get; init; }

    /// <summary>Gets the points moved; positive.</summary>
    public required long Points { get; init; }
}

/// <summary>The member logged in: counts towards the policy's login streak, and on the day that completes it earns its points.</summary>
/// <remarks>One login a calendar day (in the policy's zone) counts; the host may send every login, and later ones of the same
/// day are refused without harm.</remarks>
public sealed record LoyaltyLogin : LoyaltyCommand;
