using System.Collections.Immutable;

namespace CustomerLifecycle.Loyalty;

/// <summary>A member's points ledger: every entry, in the order written. The ledger is the source of truth; balances are derived from it.</summary>
/// <remarks>
/// The host stores this record (see <see cref="ILoyaltyStore"/>) with its <see cref="Checkpoint"/>; the engine never mutates it
/// but returns a new one with the entries a command wrote appended and a new checkpoint. Two records are equal when the member
/// and every entry, in order, are equal: the checkpoint is derived from them and does not take part. An entry list set to a
/// default (uninitialised) array reads as empty.
/// </remarks>
public sealed record LoyaltyRecord
{
    private readonly CustomerId _member;
    private readonly ImmutableArray<LoyaltyEntry> _entries = [];

    /// <summary>Gets the member.</summary>
    public required CustomerId Member
    {
        get => _member;
        init => (_member, Summary) = (value, null);
    }

    /// <summary>Gets the entries, in the order written.</summary>
    public ImmutableArray<LoyaltyEntry> Entries
    {
        get => _entries.IsDefault ? [] : _entries;
        init => (_entries, Summary) = (value, null);
    }

    /// <summary>
    /// Gets what the engine's latest replay of the entries found (the balance, until when it holds, under which policy), written
    /// by the engine with every record it returns and persisted by the stores, so that a sweep over records just loaded need not
    /// replay them; null when none was written (a record saved before checkpoints existed, or built by the host). A checkpoint
    /// that does not agree with the entries, or was written under another policy, is ignored: see <see cref="LoyaltyCheckpoint"/>.
    /// </summary>
    public LoyaltyCheckpoint? Checkpoint { get; init; }

    /// <summary>
    /// Gets or sets what a replay of this instance's entries found, kept so that a sweep at a later instant need not replay
    /// them again (the engine's <c>LoyaltyRecordSummary</c>). A cache derived from the entries, never data: it is not
    /// compared, printed or serialised (<see cref="Checkpoint"/> is what is persisted), and a copy made with other entries or another member starts without it.
    /// </summary>
    /// <remarks>Written and read whole (one reference) by any thread: a race only computes the same summary twice.</remarks>
    internal object? Summary { get; set; }

    /// <inheritdoc/>
    public bool Equals(LoyaltyRecord? other)
        => other is not null && (ReferenceEquals(this, other) || (Member == other.Member && Entries.SequenceEqual(other.Entries)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Member, Entries.Length);
}
