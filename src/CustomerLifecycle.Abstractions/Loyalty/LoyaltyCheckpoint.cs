using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>
/// What the engine's latest replay of a ledger found, persisted with the record so that a sweep over records just loaded from a
/// store answers without replaying: the balance as of the replay, the instant until which nothing changes it under the policy
/// that judged it, and that policy's fingerprint. The loyalty counterpart of the lifecycle record's <c>NextCheckAt</c>.
/// </summary>
/// <remarks>
/// <para>Written by the engine (every command applied, and <c>LoyaltyEngine.Checkpoint</c>), never by the host: the ledger
/// stays the source of truth. A sweep trusts a checkpoint only when it was written under the same policy
/// (<see cref="PolicyFingerprint"/>), it agrees with the ledger it rides on (the member, <see cref="EntryCount"/>,
/// <see cref="LastEntryKey"/>, an <see cref="LoyaltyBalance.AsOf"/> not before the last entry, the balance's identity) and the
/// sweep's instant lies in [<see cref="LoyaltyBalance.AsOf"/>, <see cref="Until"/>); otherwise it replays the entries, as if
/// there were no checkpoint.</para>
/// </remarks>
public sealed record LoyaltyCheckpoint
{
    /// <summary>Gets the balance the replay found, as of its <see cref="LoyaltyBalance.AsOf"/> (not before the ledger's latest entry).</summary>
    public required LoyaltyBalance Balance { get; init; }

    /// <summary>Gets the first instant after <see cref="LoyaltyBalance.AsOf"/> at which the balance may read otherwise without a
    /// new entry (a lot's holding period or lifetime ends, a lot enters the warning window, a tier review, grace period or
    /// status match ends); <see cref="Instant.MaxValue"/> when nothing can.</summary>
    public required Instant Until { get; init; }

    /// <summary>Gets the first instant after <see cref="LoyaltyBalance.AsOf"/> at which the lots may read otherwise without a new
    /// entry (a holding period or lifetime ends, a lot enters the warning window), not before <see cref="Until"/>; null in a
    /// checkpoint that does not say, which then holds until <see cref="Until"/> only.</summary>
    /// <remarks>Between <see cref="Until"/> and this instant only the tier can change, which <see cref="Tier"/> decides.</remarks>
    public Instant? LotsUntil { get; init; }

    /// <summary>Gets where the member's tier walk stood, so that a sweep after <see cref="Until"/> (a tier review, a grace period
    /// or a status match ending) and before <see cref="LotsUntil"/> decides the tier without a replay; null when the policy has
    /// no tiers, reviews rolling windows, or the member's activity reaches no tier (nothing to decide without an entry).</summary>
    public LoyaltyTierCheckpoint? Tier { get; init; }

    /// <summary>Gets the fingerprint of the policy that judged the ledger: a hash of the validated policy's content, the same in
    /// every process for equal policies, so that a record loaded under a changed policy is replayed.</summary>
    public required long PolicyFingerprint { get; init; }

    /// <summary>Gets how many entries the ledger held when the checkpoint was written.</summary>
    public required int EntryCount { get; init; }

    /// <summary>Gets the key of the ledger's last entry when the checkpoint was written; null for an empty ledger.</summary>
    public string? LastEntryKey { get; init; }
}
