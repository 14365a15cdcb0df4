using System.Collections.Immutable;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>One line of a member's points ledger; entries are only ever appended, and the balance is derived from them.</summary>
/// <remarks>
/// <para><see cref="Points"/> is signed: the change to the member's balance. Earn and a credit Adjust are positive and open a
/// lot (<see cref="AvailableFrom"/>, <see cref="ExpiresAt"/>), and so does TransferIn; Redeem, Expire, TransferOut and a debit Adjust are negative; Reverse is
/// positive when it restores a redemption and negative when it takes back a refunded purchase's points. Every entry that
/// moves points in or out of lots lists them in <see cref="Allocations"/>; a refund's take-back the lots could not cover
/// (the policy allowing it) is the part of <see cref="Points"/> the allocations do not account for: a debt.</para>
/// <para>Two entries are equal when every property is equal, allocations compared element by element. An allocation list
/// set to a default (uninitialised) array reads as empty.</para>
/// </remarks>
public sealed record LoyaltyEntry
{
    private readonly ImmutableArray<LoyaltyAllocation> _allocations = [];

    /// <summary>Gets the idempotency key of the command that wrote the entry (expiries carry the key of the command that wrote them).</summary>
    public required string Key { get; init; }

    /// <summary>Gets what the entry did.</summary>
    public required LoyaltyEntryKind Kind { get; init; }

    /// <summary>Gets when it happened: the command's instant, or for an expiry the lot's end.</summary>
    public required Instant At { get; init; }

    /// <summary>Gets the signed change to the balance, in points.</summary>
    public required long Points { get; init; }

    /// <summary>Gets the stable id of the rule that wrote the entry, e.g. <c>"loyalty.purchase"</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>Gets why, for people: the rule's arithmetic, the cap that bound, the lot that expired.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the multiplier an earn applied: the category's times the campaigns' times the member tier's; null for entries that are not earns.</summary>
    public decimal? Multiplier { get; init; }

    /// <summary>Gets the host's order id of a purchase's earn or a refund's take-back; null otherwise.</summary>
    public string? OrderId { get; init; }

    /// <summary>Gets the purchase's amount (earn) or the amount refunded (take-back); null otherwise.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Gets the reward redeemed; null for entries that are not redemptions.</summary>
    public string? RewardId { get; init; }

    /// <summary>Gets the cash part of a redemption (or of the redemption a Reverse undoes), in currency units; null when the reward has none.</summary>
    public decimal? CashAmount { get; init; }

    /// <summary>Gets the key of the entry a Reverse undoes (a redemption, or the purchase's earn); null otherwise.</summary>
    public string? Target { get; init; }

    /// <summary>Gets the tier a status match grants; null for other entries.</summary>
    public string? Tier { get; init; }

    /// <summary>Gets when a lot's points become available to spend (pending before); null for entries that open no lot.</summary>
    public Instant? AvailableFrom { get; init; }

    /// <summary>Gets when a lot's remaining points expire, or when a status match ends; null for other entries.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>Gets the host's id of a transfer, the same on both members' entries; null for entries that are not transfers.</summary>
    public string? TransferId { get; init; }

    /// <summary>Gets the other member of a transfer: the target of a TransferOut, the source of a TransferIn; null otherwise.</summary>
    public CustomerId? Counterpart { get; init; }

    /// <summary>Gets, under rolling expiry, when the member's points expire after this entry: an earn or a redemption (activity)
    /// pushes the expiry of every lot still holding points to it, and a lot the entry opens expires with them; null under other
    /// expiry policies.</summary>
    public Instant? RollsExpiryTo { get; init; }

    /// <summary>Gets the points taken from, or given back to, each lot.</summary>
    public ImmutableArray<LoyaltyAllocation> Allocations
    {
        get => _allocations.IsDefault ? [] : _allocations;
        init => _allocations = value;
    }

    /// <summary>Gets a value indicating whether the entry opens a lot (an earn, a credit adjustment or a transfer in).</summary>
    public bool OpensLot => Kind == LoyaltyEntryKind.Earn || Kind == LoyaltyEntryKind.TransferIn || (Kind == LoyaltyEntryKind.Adjust && Points > 0);

    /// <inheritdoc/>
    public bool Equals(LoyaltyEntry? other)
        => other is not null
           && Key == other.Key && Kind == other.Kind && At == other.At && Points == other.Points && RuleId == other.RuleId
           && Reason == other.Reason && Multiplier == other.Multiplier && OrderId == other.OrderId && Amount == other.Amount
           && RewardId == other.RewardId && Target == other.Target && Tier == other.Tier && AvailableFrom == other.AvailableFrom
           && ExpiresAt == other.ExpiresAt && RollsExpiryTo == other.RollsExpiryTo
           && TransferId == other.TransferId && Counterpart == other.Counterpart && CashAmount == other.CashAmount && Allocations.AsSpan().SequenceEqual(other.Allocations.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, Kind, At, Points, Allocations.Length);
}
