using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>
/// Keeps the tier hysteresis in the profile (<see cref="ProfileRecord.Tier"/>), one evaluation per UTC day: an evaluation on a
/// later UTC day than the state's last advance starts from the state it left; one on the same day, or at an earlier instant,
/// starts again from the state before that advance, so re-evaluating (at the same instant or later that day) never counts
/// twice as an evaluation below. The state is replaced only when the tier state itself changes, so a steady tier saves nothing.
/// </summary>
internal static class ProfileTierHysteresis
{
    /// <summary>The state to pass as <see cref="TierInput.Previous"/>; none before the first evaluation, or when the kept
    /// tier is not one of the policy's (the policy lost tiers since).</summary>
    public static TierState? Previous(ProfileTierState? kept, Instant asOf, int tierCount)
    {
        if (kept is not { } state)
        {
            return null;
        }

        var previous = Counts(state, asOf) ? state.Current : state.Before;
        return previous is { } p && p.Tier < tierCount && p.EvaluationsBelow >= 0 ? p : null;
    }

    /// <summary>The profile with the tier state the evaluation at <paramref name="asOf"/> gave: the same instance when the
    /// state did not change, or when the evaluation was before the state's last advance (an earlier instant reads, never writes).</summary>
    public static ProfileRecord Advance(ProfileRecord profile, TierState result, Instant asOf)
        => Next(profile.Tier, result, asOf) is { } next ? profile with { Tier = next } : profile;

    /// <summary>The tier state the evaluation at <paramref name="asOf"/> leaves in the profile, or null when it leaves
    /// <paramref name="kept"/> as it is (see <see cref="Advance"/>).</summary>
    public static ProfileTierState? Next(ProfileTierState? kept, TierState result, Instant asOf)
    {
        if (kept is not { } state)
        {
            return new ProfileTierState(result, null, asOf);
        }

        if (asOf < state.AdvancedAt || result == state.Current)
        {
            return null;
        }

        return new ProfileTierState(result, Counts(state, asOf) ? state.Current : state.Before, asOf);
    }

    /// <summary>Whether an evaluation at <paramref name="asOf"/> is a new one for the hysteresis: on a later UTC day than the last advance.</summary>
    public static bool Counts(ProfileTierState kept, Instant asOf) => ProfileFold.UtcDay(asOf) > ProfileFold.UtcDay(kept.AdvancedAt);
}
