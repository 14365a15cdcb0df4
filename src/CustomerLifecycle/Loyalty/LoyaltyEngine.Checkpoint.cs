using System.Collections.Immutable;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Checkpoints: what a replay found, written on the records the engine returns so that a sweep over records just
/// loaded from a store need not replay them, and trusted only when they agree with the ledger and the policy.</summary>
public sealed partial class LoyaltyEngine
{
    /// <summary>The record with a checkpoint that holds at <paramref name="asOf"/> under this policy, for a host to save after a
    /// sweep (or a policy change) so that the next sweep over the records it loads need not replay them.</summary>
    /// <remarks>A checkpoint reads the ledger as of its latest entry: one asked for before it is written as of that entry. A
    /// record whose in-memory replay by a sweep at <paramref name="asOf"/> is still at hand gets its checkpoint from it,
    /// without replaying again.</remarks>
    /// <param name="record">The member's record.</param>
    /// <param name="asOf">The instant the checkpoint is to hold at: usually the sweep's.</param>
    /// <returns>The record itself when its checkpoint already holds at <paramref name="asOf"/> (nothing to save); otherwise a
    /// copy with a new checkpoint (<see cref="LoyaltyRecord.Checkpoint"/>), as of <paramref name="asOf"/> or the latest entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public LoyaltyRecord Checkpoint(LoyaltyRecord record, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        var latest = Latest(record.Entries);
        var at = asOf > latest ? asOf : latest;
        if (LoyaltyCheckpointTrust.Trusted(record, _fingerprint, at) is { } trusted && at < trusted.Until)
        {
            return record;
        }

        if (LoyaltyRecordSummary.Holding(record, this, at) is { } summary)
        {
            return record with { Checkpoint = summary.ToCheckpoint(_fingerprint, record.Entries) };
        }

        var workspace = LoyaltyWorkspace.Rent();
        try
        {
            if (Resumed(workspace, record, at, out var nextTierDecision) is { } resumed)
            {
                var tier = _tiers!.Checkpoint(workspace.TierWalk, at);
                var until = resumed.LotsUntil < nextTierDecision ? resumed.LotsUntil : nextTierDecision;
                return record with { Checkpoint = LoyaltyRecordSummary.CheckpointOf(_fingerprint, record.Entries, resumed.Balance, until, resumed.LotsUntil, tier) };
            }
        }
        finally
        {
            workspace.Return();
        }

        return record with { Checkpoint = Replayed(record.Member, record.Entries, at).ToCheckpoint(_fingerprint, record.Entries) };
    }

    /// <summary>
    /// The balance at <paramref name="asOf"/> of a record whose tier has decisions due (a review, a grace period or a status match
    /// ending) since its trusted checkpoint or the summary kept on it, while its lots still read as they found them: the tier
    /// decided from the tier state kept with either, as a replay would; null when there is no such state to resume from.
    /// </summary>
    /// <remarks>The workspace's tier walk is left standing at <paramref name="asOf"/>; <paramref name="nextTierDecision"/> is
    /// when the tier decides next.</remarks>
    private (LoyaltyBalance Balance, Instant LotsUntil)? Resumed(LoyaltyWorkspace workspace, LoyaltyRecord record, Instant asOf, out Instant nextTierDecision)
    {
        nextTierDecision = Instant.MaxValue;
        if (LoyaltyCheckpointTrust.Trusted(record, _fingerprint, asOf) is { } checkpoint && asOf >= checkpoint.Until
            && ResumedLevel(workspace, checkpoint.Tier, asOf, out nextTierDecision) is { } level)
        {
            return (checkpoint.Balance with { AsOf = asOf, TierLevel = level }, checkpoint.LotsUntil ?? checkpoint.Until);
        }

        if (record.Summary is LoyaltyRecordSummary summary && ReferenceEquals(summary.Policy, this) && asOf >= summary.Until && asOf < summary.LotsUntil
            && ResumedLevel(workspace, summary.Tier, asOf, out nextTierDecision) is { } fromSummary)
        {
            return (summary.Balance with { AsOf = asOf, TierLevel = fromSummary }, summary.LotsUntil);
        }

        return null;
    }

    /// <summary>What a replay of every entry finds at <paramref name="asOf"/>, not before the latest entry.</summary>
    private LoyaltyRecordSummary Replayed(CustomerId member, ImmutableArray<LoyaltyEntry> entries, Instant asOf)
    {
        var workspace = LoyaltyWorkspace.Rent();
        try
        {
            var balance = Replay(workspace, member, entries, asOf, out var nextTierDecision);
            return LoyaltyRecordSummary.Of(entries, this, workspace.Ledger, balance, _warning, nextTierDecision, _tiers, workspace.TierWalk)!;
        }
        finally
        {
            workspace.Return();
        }
    }

    /// <summary>The checkpoint of a ledger a command just wrote, as of its latest entry: <paramref name="ledger"/> holds every
    /// entry of <paramref name="entries"/>, added in order as a replay loads them, so only the tier is walked again.</summary>
    private LoyaltyCheckpoint Written(LoyaltyLedger ledger, CustomerId member, ImmutableArray<LoyaltyEntry> entries)
    {
        var at = Latest(entries);
        var workspace = LoyaltyWorkspace.Rent();
        try
        {
            var balance = Judged(ledger, workspace.TierWalk, member, entries, at, out var nextTierDecision);
            return LoyaltyRecordSummary.Of(entries, this, ledger, balance, _warning, nextTierDecision, _tiers, workspace.TierWalk)!.ToCheckpoint(_fingerprint, entries);
        }
        finally
        {
            workspace.Return();
        }
    }

    /// <summary>A member's balance replayed from every entry into the workspace, which then holds the ledger.</summary>
    private LoyaltyBalance Replay(LoyaltyWorkspace workspace, CustomerId member, ImmutableArray<LoyaltyEntry> entries, Instant asOf, out Instant nextTierDecision)
    {
        workspace.Ledger.Load(entries);
        return Judged(workspace.Ledger, workspace.TierWalk, member, entries, asOf, out nextTierDecision);
    }

    /// <summary>The balance at <paramref name="asOf"/> of <paramref name="ledger"/>, which holds every entry of
    /// <paramref name="entries"/>, with the tier walked over them in <paramref name="walk"/>.</summary>
    private LoyaltyBalance Judged(LoyaltyLedger ledger, LoyaltyTierWalk walk, CustomerId member, ImmutableArray<LoyaltyEntry> entries, Instant asOf, out Instant nextTierDecision)
    {
        nextTierDecision = Instant.MaxValue;
        var level = _tiers?.LevelAt(walk, entries, asOf, out nextTierDecision) ?? 0;
        return ledger.Balance(member, asOf, _warning, _pointValue, level);
    }

    private static Instant Latest(ImmutableArray<LoyaltyEntry> entries)
    {
        var latest = Instant.MinValue;
        foreach (var entry in entries)
        {
            latest = entry.At > latest ? entry.At : latest;
        }

        return latest;
    }
}
