using System.Collections.Immutable;

namespace CustomerLifecycle.Loyalty;

/// <summary>The outcome of a loyalty command: the status, the account after it, the entries it wrote and why.</summary>
/// <remarks>A command is applied whole or not at all: a Duplicate or Rejected outcome carries the input account unchanged
/// (null when there was none) and no entries.</remarks>
public sealed record LoyaltyOutcome
{
    /// <summary>Gets how the command ended.</summary>
    public required LoyaltyOutcomeStatus Status { get; init; }

    /// <summary>Gets the account with the entries appended when applied; the input account otherwise (null when there was none).</summary>
    public required LoyaltyRecord? Record { get; init; }

    /// <summary>Gets the entries the command wrote, in ledger order (expiries it found due first); empty unless applied.</summary>
    public required ImmutableArray<LoyaltyEntry> Entries { get; init; }

    /// <summary>Gets why: for an applied command one reason per entry (code the entry's rule id), then the shortfall if any;
    /// for a duplicate <c>loyalty.duplicate</c>; for a refusal one reason whose data names the <c>field</c> and its <c>value</c>.</summary>
    public required IReadOnlyList<Reason> Reasons { get; init; }

    /// <summary>Gets the points a refund should have taken back but could not, the lots being spent and the policy not allowing a
    /// negative balance; 0 otherwise.</summary>
    public long Shortfall { get; init; }

    /// <summary>Gets a value indicating whether entries were written (the account must be saved).</summary>
    public bool Changed => Status == LoyaltyOutcomeStatus.Applied;
}
