using System.Collections.Immutable;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>
/// What a replay of a record's ledger found, kept on the record instance (<see cref="LoyaltyRecord.Summary"/>) so that a sweep
/// at a later instant answers without replaying: the balance as of the replay and the instants it holds between. The lifecycle
/// engine's <c>NextCheckAt</c>, for points: nothing but a new entry or one of those instants changes a balance.
/// </summary>
/// <remarks>
/// <para>A cache derived from the entries by the very replay the slow path runs, never data: a record copied with other entries
/// starts without one. What is persisted is its public counterpart, <see cref="LoyaltyCheckpoint"/> (<see cref="ToCheckpoint"/>). Its bounds come from the replay's own state (each lot's instants as the
/// ledger judges them, the tier walk's next decision), so a new way of judging lots or tiers moves them with it.</para>
/// <para>Immutable: published by one reference write, read by any thread.</para>
/// </remarks>
internal sealed class LoyaltyRecordSummary
{
    private LoyaltyRecordSummary(object policy, LoyaltyBalance balance, Instant until, Instant lotsUntil, LoyaltyTierCheckpoint? tier, Instant ledgerFrom, Instant ledgerUntil, Instant earliest, long transferredIn)
    {
        Policy = policy;
        Balance = balance;
        From = balance.AsOf;
        Until = until;
        LotsUntil = lotsUntil;
        Tier = tier;
        LedgerFrom = ledgerFrom;
        LedgerUntil = ledgerUntil;
        Earliest = earliest;
        TransferredIn = transferredIn;
    }

    /// <summary>Gets the engine or calculator whose policy judged <see cref="Balance"/> (warning window, point value, tiers).</summary>
    public object Policy { get; }

    /// <summary>Gets the balance the replay found, as of <see cref="From"/>.</summary>
    public LoyaltyBalance Balance { get; }

    /// <summary>Gets the replay's instant, not before any entry.</summary>
    public Instant From { get; }

    /// <summary>Gets the first instant after the replay's at which the balance may read otherwise under <see cref="Policy"/>: a
    /// lot's holding period or lifetime ends, a lot enters the warning window, or the tier walk decides.</summary>
    public Instant Until { get; }

    /// <summary>Gets the first instant after the replay's at which the lots may read otherwise under <see cref="Policy"/> (a
    /// holding period or lifetime ends, a lot enters the warning window): from <see cref="Until"/> to it only the tier changes.</summary>
    public Instant LotsUntil { get; }

    /// <summary>Gets where the tier walk stood at the replay, for the decisions due after <see cref="Until"/>; null when none can
    /// be decided without a replay or an entry (see <see cref="LoyaltyTiers.Checkpoint"/>).</summary>
    public LoyaltyTierCheckpoint? Tier { get; }

    /// <summary>Gets the first instant, not before the latest entry, from which the lots read as the replay found them.</summary>
    public Instant LedgerFrom { get; }

    /// <summary>Gets the first instant after the replay's at which a lot changes state; its points and states, under any policy,
    /// hold over [<see cref="LedgerFrom"/>, <see cref="LedgerUntil"/>).</summary>
    public Instant LedgerUntil { get; }

    /// <summary>Gets the earliest instant of any entry, or end of a lot holding points.</summary>
    public Instant Earliest { get; }

    /// <summary>Gets the points of <see cref="Balance"/>'s <see cref="LoyaltyBalance.Earned"/> that transfers in credited: moved
    /// from another member, not issued by the programme.</summary>
    public long TransferredIn { get; }

    /// <summary>The summary of <paramref name="record"/> kept by <paramref name="policy"/>, when it holds at <paramref name="asOf"/>;
    /// null when the record must be replayed.</summary>
    public static LoyaltyRecordSummary? Holding(LoyaltyRecord record, object policy, Instant asOf)
        => record.Summary is LoyaltyRecordSummary summary && ReferenceEquals(summary.Policy, policy) && asOf >= summary.From && asOf < summary.Until ? summary : null;

    /// <summary>The balance at <paramref name="asOf"/>, an instant the summary holds at: the replay's, but for the instant.</summary>
    public LoyaltyBalance At(Instant asOf) => Balance with { AsOf = asOf };

    /// <summary>Keeps on <paramref name="record"/> what a replay of all its entries into <paramref name="ledger"/> found at
    /// <paramref name="balance"/>'s instant (nothing when that is before an entry).</summary>
    /// <param name="record">The record replayed.</param>
    /// <param name="policy">The engine or calculator that replayed it.</param>
    /// <param name="ledger">The ledger, holding every entry of <paramref name="record"/>.</param>
    /// <param name="balance">The balance the replay found.</param>
    /// <param name="warning">The policy's warning window.</param>
    /// <param name="nextTierDecision">When the tier walk decides next (<see cref="Instant.MaxValue"/>: never without an entry).</param>
    /// <param name="tiers">The policy's tiers, whose walk found <paramref name="nextTierDecision"/>; null without tiers.</param>
    /// <param name="walk">The walk, standing at <paramref name="balance"/>'s instant.</param>
    public static void Keep(LoyaltyRecord record, object policy, LoyaltyLedger ledger, LoyaltyBalance balance, Duration warning, Instant nextTierDecision, LoyaltyTiers? tiers, LoyaltyTierWalk walk)
    {
        if (Of(record.Entries, policy, ledger, balance, warning, nextTierDecision, tiers, walk) is { } summary)
        {
            record.Summary = summary;
        }
    }

    /// <summary>What a replay of <paramref name="entries"/> into <paramref name="ledger"/> found at <paramref name="balance"/>'s
    /// instant; null when that is before an entry (the summary reads the ledger as of its latest entry: the liability relies on it).</summary>
    /// <param name="entries">Every entry replayed.</param>
    /// <param name="policy">The engine or calculator that replayed them.</param>
    /// <param name="ledger">The ledger, holding every entry of <paramref name="entries"/>.</param>
    /// <param name="balance">The balance the replay found.</param>
    /// <param name="warning">The policy's warning window.</param>
    /// <param name="nextTierDecision">When the tier walk decides next (<see cref="Instant.MaxValue"/>: never without an entry).</param>
    /// <param name="tiers">The policy's tiers, whose walk found <paramref name="nextTierDecision"/>; null without tiers.</param>
    /// <param name="walk">The walk, standing at <paramref name="balance"/>'s instant.</param>
    public static LoyaltyRecordSummary? Of(ImmutableArray<LoyaltyEntry> entries, object policy, LoyaltyLedger ledger, LoyaltyBalance balance, Duration warning, Instant nextTierDecision, LoyaltyTiers? tiers, LoyaltyTierWalk walk)
    {
        Instant earliest = Instant.MaxValue, latest = Instant.MinValue;
        long transferredIn = 0;
        foreach (var entry in entries)
        {
            earliest = entry.At < earliest ? entry.At : earliest;
            latest = entry.At > latest ? entry.At : latest;
            transferredIn += entry.Kind == LoyaltyEntryKind.TransferIn ? entry.Points : 0;
        }

        if (balance.AsOf < latest)
        {
            return null;
        }

        var lots = ledger.ChangesAround(balance.AsOf, warning);
        var lotsUntil = Min(lots.Next, lots.NextWarning);
        return new LoyaltyRecordSummary(
            policy,
            balance,
            Min(lotsUntil, nextTierDecision),
            lotsUntil,
            nextTierDecision == Instant.MaxValue ? null : tiers?.Checkpoint(walk, balance.AsOf),
            lots.Last > latest ? lots.Last : latest,
            lots.Next,
            Min(earliest, lots.EarliestEnd),
            transferredIn);
    }

    /// <summary>The summary as the checkpoint a store persists with <paramref name="entries"/>, the ledger it was found from.</summary>
    /// <param name="fingerprint">The fingerprint of the policy that found it.</param>
    /// <param name="entries">The entries replayed.</param>
    public LoyaltyCheckpoint ToCheckpoint(long fingerprint, ImmutableArray<LoyaltyEntry> entries)
        => CheckpointOf(fingerprint, entries, Balance, Until, LotsUntil, Tier);

    /// <summary>The checkpoint a store persists with <paramref name="entries"/>: <paramref name="balance"/> as a replay of them
    /// under the policy of <paramref name="fingerprint"/> finds it, and the instants it holds until.</summary>
    public static LoyaltyCheckpoint CheckpointOf(long fingerprint, ImmutableArray<LoyaltyEntry> entries, LoyaltyBalance balance, Instant until, Instant lotsUntil, LoyaltyTierCheckpoint? tier) => new()
    {
        Balance = balance,
        Until = until,
        LotsUntil = lotsUntil,
        Tier = tier,
        PolicyFingerprint = fingerprint,
        EntryCount = entries.Length,
        LastEntryKey = entries.IsEmpty ? null : entries[^1].Key,
    };

    /// <summary>The summary of <paramref name="record"/> whichever engine or calculator kept it, when its lots hold at
    /// <paramref name="asOf"/>: its points then read the same under any policy.</summary>
    public static LoyaltyRecordSummary? LotsAt(LoyaltyRecord record, Instant asOf)
        => record.Summary is LoyaltyRecordSummary summary && asOf >= summary.LedgerFrom && asOf < summary.LedgerUntil ? summary : null;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
