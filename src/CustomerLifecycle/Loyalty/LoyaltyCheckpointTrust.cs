using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>When a persisted checkpoint may stand in for a replay: the one rule the engine's sweep and the KPI calculator share.</summary>
internal static class LoyaltyCheckpointTrust
{
    /// <summary>The record's checkpoint, when a policy may answer from it at <paramref name="asOf"/>: written under the
    /// policy, holding at the instant, and agreeing with the ledger it rides on (the member, the number of entries and the last
    /// one's key, an instant not before that entry's, and the balance's own identity); null when the record must be replayed.</summary>
    public static LoyaltyCheckpoint? Trusted(LoyaltyRecord record, long fingerprint, Instant asOf) => Trusted(record, fingerprint, asOf, lotsOnly: false);

    /// <summary>As <see cref="Trusted(LoyaltyRecord, long, Instant)"/>, for what reads the lots alone (the points, not the tier):
    /// the checkpoint holds for them up to <see cref="LoyaltyCheckpoint.LotsUntil"/>, when it says.</summary>
    public static LoyaltyCheckpoint? LotsTrusted(LoyaltyRecord record, long fingerprint, Instant asOf) => Trusted(record, fingerprint, asOf, lotsOnly: true);

    private static LoyaltyCheckpoint? Trusted(LoyaltyRecord record, long fingerprint, Instant asOf, bool lotsOnly)
    {
        if (record.Checkpoint is not { } checkpoint || checkpoint.PolicyFingerprint != fingerprint || asOf < checkpoint.Balance.AsOf
            || asOf >= (lotsOnly ? checkpoint.LotsUntil ?? checkpoint.Until : checkpoint.Until))
        {
            return null;
        }

        var entries = record.Entries;
        var balance = checkpoint.Balance;
        var agrees = checkpoint.EntryCount == entries.Length
            && balance.Member == record.Member
            && (entries.IsEmpty
                ? checkpoint.LastEntryKey is null
                : string.Equals(checkpoint.LastEntryKey, entries[^1].Key, StringComparison.Ordinal) && balance.AsOf >= entries[^1].At)
            && balance.Available + balance.Pending + balance.Expired + balance.Redeemed == balance.Earned - balance.Reversed;
        return agrees ? checkpoint : null;
    }
}
