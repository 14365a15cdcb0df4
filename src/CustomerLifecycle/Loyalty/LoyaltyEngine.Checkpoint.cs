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
        if (Trusted(record, at) is not null)
        {
            return record;
        }

        var summary = LoyaltyRecordSummary.Holding(record, this, at) ?? Replayed(record.Member, record.Entries, at);
        return record with { Checkpoint = summary.ToCheckpoint(_fingerprint, record.Entries) };
    }

    /// <summary>The record's checkpoint, when this engine may answer from it at <paramref name="asOf"/>; null when the record
    /// must be replayed (see <see cref="LoyaltyCheckpointTrust"/>).</summary>
    private LoyaltyCheckpoint? Trusted(LoyaltyRecord record, Instant asOf) => LoyaltyCheckpointTrust.Trusted(record, _fingerprint, asOf);

    /// <summary>What a replay of every entry finds at <paramref name="asOf"/>, not before the latest entry.</summary>
    private LoyaltyRecordSummary Replayed(CustomerId member, ImmutableArray<LoyaltyEntry> entries, Instant asOf)
    {
        var workspace = LoyaltyWorkspace.Rent();
        try
        {
            var balance = Replay(workspace, member, entries, asOf, out var nextTierDecision);
            return LoyaltyRecordSummary.Of(entries, this, workspace.Ledger, balance, _warning, nextTierDecision)!;
        }
        finally
        {
            workspace.Return();
        }
    }

    /// <summary>A member's balance replayed from every entry into the workspace, which then holds the ledger.</summary>
    private LoyaltyBalance Replay(LoyaltyWorkspace workspace, CustomerId member, ImmutableArray<LoyaltyEntry> entries, Instant asOf, out Instant nextTierDecision)
    {
        var ledger = workspace.Ledger;
        ledger.Load(entries);
        nextTierDecision = Instant.MaxValue;
        var level = _tiers?.LevelAt(workspace.TierWalk, entries, asOf, out nextTierDecision) ?? 0;
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
