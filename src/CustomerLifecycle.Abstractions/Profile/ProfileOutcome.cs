using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;

namespace CustomerLifecycle.Profile;

/// <summary>The result of applying a fact to a profile, or of replaying a customer's history.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Profile">The profile after the fact: the input instance when nothing changed; <see langword="null"/> only when there was no profile and none was created.</param>
/// <param name="Lifecycle">The lifecycle engine's outcome for the lifecycle event the fact derived, or <see langword="null"/> when it derived none.</param>
/// <param name="Reasons">Why the status is what it is: for Duplicate, Late and Rejected the problem (its message naming the field and value); for a replay one reason per fact skipped.</param>
public sealed record ProfileOutcome(ProfileOutcomeStatus Status, ProfileRecord? Profile, LifecycleOutcome? Lifecycle, IReadOnlyList<Reason> Reasons)
{
    /// <summary>Gets a value indicating whether the profile changed (and so must be saved).</summary>
    public bool Changed => Status == ProfileOutcomeStatus.Applied && Profile is not null;

    /// <summary>Gets the outcome of the loyalty command the fact earns on the customer's ledger, when a service keeping ledgers
    /// applied one (the fact applied to the profile, or a duplicate there); otherwise <see langword="null"/>.</summary>
    public LoyaltyOutcome? Loyalty { get; init; }
}
