using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>When a persisted checkpoint may stand in for a replay: the one rule the engine's sweep and the KPI calculator share.</summary>
internal static class LoyaltyCheckpointTrust
{
    /// <summary>The record's checkpoint, when a policy may answer from it at <paramref name="asOf"/>: written under the
    /// policy, its lots holding at the instant (up to <see cref="LoyaltyCheckpoint.LotsUntil"/>, or <see cref="LoyaltyCheckpoint.Until"/>
    /// when it does not say; its tier holds up to <see cref="LoyaltyCheckpoint.Until"/> only), and agreeing with the ledger it
    /// rides on (the member, the number of entries and the last one's key, an instant not before that entry's, and the
    /// balance's own identity); null when the record must be replayed.</summary>
    public static LoyaltyCheckpoint? Trusted(LoyaltyRecord record, long fingerprint, Instant asOf)
    {
        if (record.Checkpoint is not { } checkpoint || checkpoint.PolicyFingerprint != fingerprint || asOf < checkpoint.Balance.AsOf
            || asOf >= (checkpoint.LotsUntil ?? checkpoint.Until))
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
