using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>The tier hysteresis state a profile keeps between evaluations, so that a downgrade waits for the policy's
/// evaluations below rather than following the rules at once.</summary>
/// <remarks>
/// <para>One evaluation counts per UTC day: an evaluation on a later UTC day than <paramref name="AdvancedAt"/> starts from
/// <paramref name="Current"/>; one on the same day (or at an earlier instant) starts from <paramref name="Before"/> again,
/// so evaluating twice on a day, or at the same instant, counts once.</para>
/// <para>The profile engine replaces it only when an evaluation at or after <paramref name="AdvancedAt"/> gives a state
/// other than <paramref name="Current"/>: a steady tier is never a change to save.</para>
/// </remarks>
/// <param name="Current">The tier state the last advancing evaluation gave: the customer's tier and the evaluations below it.</param>
/// <param name="Before">The state that evaluation started from; <see langword="null"/> when it was the first.</param>
/// <param name="AdvancedAt">The as-of instant of the evaluation that last changed <paramref name="Current"/>.</param>
public readonly record struct ProfileTierState(TierState Current, TierState? Before, Instant AdvancedAt);
