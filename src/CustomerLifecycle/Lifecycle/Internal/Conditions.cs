using System.Runtime.CompilerServices;
using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>Evaluates conditions against a record's state at an instant, and explains the result.</summary>
internal static class Conditions
{
    /// <summary>Returned by <see cref="LowerBound(CompiledPolicy, in LifecycleState, Condition)"/> for a condition that time alone never makes true.</summary>
    public static readonly Instant Never = Instant.MaxValue;

    /// <summary>Returned by <see cref="LowerBound(CompiledPolicy, in LifecycleState, Condition)"/> for a condition that does not wait for time to pass.</summary>
    public static readonly Instant Anytime = Instant.MinValue;

    public static bool AllHold(CompiledPolicy policy, in LifecycleState state, Condition[] conditions, Instant at)
    {
        foreach (var condition in conditions)
        {
            if (!Holds(policy, state, condition, at))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the activity comparisons among the conditions hold at the start of <paramref name="month"/>: a cheap filter before the full check.</summary>
    public static bool ComparisonsHoldAtMonth(in LifecycleState state, Condition[] conditions, int month)
    {
        foreach (var condition in conditions)
        {
            if (condition.Kind is ConditionKind.ActivityRatioBelow or ConditionKind.ActivityRecovered)
            {
                var (recent, earlier) = state.CompareActivity(month, condition.Months);
                if (!ComparisonHolds(condition, recent, earlier, state.DeclineBaseline))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether an activity comparison holds for the given counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ComparisonHolds(Condition condition, int recent, int earlier, int? declineBaseline)
        => condition.Kind == ConditionKind.ActivityRatioBelow
            ? earlier > 0 && recent < condition.Ratio * earlier
            : recent >= condition.Ratio * (declineBaseline ?? earlier);

    public static bool Holds(CompiledPolicy policy, in LifecycleState state, Condition condition, Instant at)
    {
        switch (condition.Kind)
        {
            case ConditionKind.MonthsSinceFirstPurchaseAtLeast:
                return state.FirstPurchaseAt is { } first && at >= policy.Months.AddMonths(first, condition.Months);
            case ConditionKind.ActivityWithinDays:
                return state.LastActivityAt is { } last && at - last <= condition.Window;
            case ConditionKind.NoActivityForDays:
                return at - (state.LastActivityAt ?? state.FirstSeenAt) >= condition.Window;
            case ConditionKind.PurchasesInMonthsAtLeast:
                return PurchasesSince(state, policy.Months.AddMonths(at, -condition.Months)) >= condition.Count;
            case ConditionKind.HasReferral:
                return state.LastReferralAt is { } referral && (condition.Months == 0 || referral > policy.Months.AddMonths(at, -condition.Months));
            case ConditionKind.LatestNpsAtLeast:
                return state.LatestNps >= condition.Score;
            case ConditionKind.HealthBandIs:
                return state.HealthBand is null ? condition.MatchWhenUnknown : string.Equals(state.HealthBand, condition.Band, StringComparison.Ordinal);
            case ConditionKind.ActivityRatioBelow:
            case ConditionKind.ActivityRecovered:
            {
                var (recent, earlier) = state.CompareActivity(policy, at, condition.Months);
                return ComparisonHolds(condition, recent, earlier, state.DeclineBaseline);
            }

            case ConditionKind.MonthsSinceReactivationAtLeast:
                return state.ReactivatedAt is { } reactivated && at >= policy.Months.AddMonths(reactivated, condition.Months);
            case ConditionKind.Any:
                foreach (var alternative in condition.AnyOf)
                {
                    if (Holds(policy, state, alternative, at))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The earliest instant from which the passing of time alone can make the condition hold: <see cref="Anytime"/> when
    /// it does not wait for time, <see cref="Never"/> when time alone never makes it hold (it waits for an event).
    /// </summary>
    public static Instant LowerBound(CompiledPolicy policy, in LifecycleState state, Condition condition)
        => LowerBound(policy, state, condition, Never);

    /// <summary>
    /// <see cref="LowerBound(CompiledPolicy, in LifecycleState, Condition)"/> for a caller that only cares up to
    /// <paramref name="notAfter"/>: may return <see cref="Never"/> for a bound after it, without working it out.
    /// </summary>
    public static Instant LowerBound(CompiledPolicy policy, in LifecycleState state, Condition condition, Instant notAfter)
    {
        switch (condition.Kind)
        {
            case ConditionKind.MonthsSinceFirstPurchaseAtLeast:
                return state.FirstPurchaseAt is { } first ? policy.Months.AddMonths(first, condition.Months, notAfter) : Never;
            case ConditionKind.NoActivityForDays:
                return (state.LastActivityAt ?? state.FirstSeenAt) + condition.Window;
            case ConditionKind.MonthsSinceReactivationAtLeast:
                return state.ReactivatedAt is { } reactivated ? policy.Months.AddMonths(reactivated, condition.Months, notAfter) : Never;
            case ConditionKind.Any:
                var earliest = Never;
                foreach (var alternative in condition.AnyOf)
                {
                    var bound = LowerBound(policy, state, alternative, notAfter);
                    if (bound < earliest)
                    {
                        earliest = bound;
                    }
                }

                return earliest;
            default:
                return Anytime;
        }
    }

    /// <summary>Why a condition holds or not at an instant, with the values it looked at.</summary>
    public static Reason Explain(CompiledPolicy policy, in LifecycleState state, Condition condition, Instant at)
    {
        var holds = Holds(policy, state, condition, at);
        switch (condition.Kind)
        {
            case ConditionKind.MonthsSinceFirstPurchaseAtLeast:
                return state.FirstPurchaseAt is { } first
                    ? Reason("lifecycle.tenure", holds, $"{policy.Months.MonthsBetween(first, at)} full months since the first purchase (needs at least {condition.Months}).", ("firstPurchaseAt", first), ("months", policy.Months.MonthsBetween(first, at)), ("requiredMonths", condition.Months))
                    : Reason("lifecycle.tenure", holds, $"No purchase yet (needs at least {condition.Months} months since the first purchase).", ("requiredMonths", condition.Months));
            case ConditionKind.ActivityWithinDays:
                return state.LastActivityAt is { } last
                    ? Reason("lifecycle.recent-activity", holds, $"Last activity {WholeDays(at - last)} days ago (needs activity within {condition.Days} days).", ("lastActivityAt", last), ("daysSince", WholeDays(at - last)), ("requiredDays", condition.Days))
                    : Reason("lifecycle.recent-activity", holds, $"No activity yet (needs activity within {condition.Days} days).", ("requiredDays", condition.Days));
            case ConditionKind.NoActivityForDays:
            {
                var since = state.LastActivityAt ?? state.FirstSeenAt;
                var what = state.LastActivityAt is null ? "No activity since the record began" : "No activity";
                return Reason("lifecycle.no-activity", holds, $"{what} for {WholeDays(at - since)} days (threshold {condition.Days} days).", ("since", since), ("days", WholeDays(at - since)), ("thresholdDays", condition.Days));
            }

            case ConditionKind.PurchasesInMonthsAtLeast:
            {
                var count = PurchasesSince(state, policy.Months.AddMonths(at, -condition.Months));
                return Reason("lifecycle.repeat-purchases", holds, $"{count} purchases in the last {condition.Months} months (needs at least {condition.Count}).", ("purchases", count), ("months", condition.Months), ("requiredPurchases", condition.Count));
            }

            case ConditionKind.HasReferral:
                return state.LastReferralAt is { } referral
                    ? Reason("lifecycle.referral", holds, holds ? $"Referred someone on {referral}." : $"The last referral, on {referral}, is older than {condition.Months} months.", ("lastReferralAt", referral))
                    : Reason("lifecycle.referral", holds, "No referral yet.");
            case ConditionKind.LatestNpsAtLeast:
                return state.LatestNps is { } nps
                    ? Reason("lifecycle.nps", holds, $"Latest NPS answer {nps} (needs at least {condition.Score}).", ("nps", nps), ("requiredScore", condition.Score))
                    : Reason("lifecycle.nps", holds, $"No NPS answer yet (needs at least {condition.Score}).", ("requiredScore", condition.Score));
            case ConditionKind.HealthBandIs:
                return state.HealthBand is { } band
                    ? Reason("lifecycle.health-band", holds, $"Health band is {band} (needs {condition.Band}).", ("band", band), ("requiredBand", condition.Band))
                    : Reason("lifecycle.health-band", holds, holds ? $"No health band reported, which counts as {condition.Band}." : $"No health band reported (needs {condition.Band}).", ("requiredBand", condition.Band));
            case ConditionKind.ActivityRatioBelow:
            {
                var (recent, earlier) = state.CompareActivity(policy, at, condition.Months);
                var message = earlier == 0
                    ? $"No activity in the {condition.Months} months before the last {condition.Months}, so there is no level to fall from ({recent} in the last {condition.Months})."
                    : $"Activity in the last {condition.Months} months is {recent}, {Guard.Percent((double)recent / earlier)} of the {earlier} in the {condition.Months} months before ({(holds ? "below" : "not below")} {Guard.Percent(condition.Ratio)}).";
                return Reason("lifecycle.activity-drop", holds, message, ("recent", recent), ("earlier", earlier), ("months", condition.Months), ("ratio", condition.Ratio));
            }

            case ConditionKind.ActivityRecovered:
            {
                var (recent, earlier) = state.CompareActivity(policy, at, condition.Months);
                var baseline = state.DeclineBaseline ?? earlier;
                var share = baseline == 0 ? "any share" : Guard.Percent((double)recent / baseline);
                return Reason("lifecycle.activity-recovered", holds, $"Activity in the last {condition.Months} months is {recent}, {share} of the level of {baseline} before the decline (needs at least {Guard.Percent(condition.Ratio)}).", ("recent", recent), ("baseline", baseline), ("months", condition.Months), ("ratio", condition.Ratio));
            }

            case ConditionKind.MonthsSinceReactivationAtLeast:
                return state.ReactivatedAt is { } reactivated
                    ? Reason("lifecycle.since-reactivation", holds, $"{policy.Months.MonthsBetween(reactivated, at)} full months since reactivation (needs at least {condition.Months}).", ("reactivatedAt", reactivated), ("months", policy.Months.MonthsBetween(reactivated, at)), ("requiredMonths", condition.Months))
                    : Reason("lifecycle.since-reactivation", holds, $"Never reactivated (needs at least {condition.Months} months since reactivation).", ("requiredMonths", condition.Months));
            default:
            {
                var alternatives = new List<Reason>(condition.AnyOf.Length);
                foreach (var alternative in condition.AnyOf)
                {
                    alternatives.Add(Explain(policy, state, alternative, at));
                }

                var held = alternatives.Where(r => (bool)r.Data["holds"]!).Select(r => r.Code).ToList();
                var message = holds
                    ? $"{held.Count} of {alternatives.Count} alternatives hold: {string.Join("; ", alternatives.Where(r => (bool)r.Data["holds"]!).Select(r => r.Message))}"
                    : $"None of {alternatives.Count} alternatives holds: {string.Join("; ", alternatives.Select(r => r.Message))}";
                return Reason("lifecycle.any", holds, message, ("alternatives", string.Join(",", alternatives.Select(r => r.Code))), ("holding", string.Join(",", held)));
            }
        }
    }

    private static int PurchasesSince(in LifecycleState state, Instant after)
    {
        var count = 0;
        foreach (var purchase in state.Purchases)
        {
            if (purchase > after)
            {
                count++;
            }
        }

        return count;
    }

    private static long WholeDays(Duration duration) => (long)Math.Floor(duration.TotalDays);


    private static Reason Reason(string code, bool holds, string message, params (string Key, object? Value)[] data)
    {
        var values = new Dictionary<string, object?>(data.Length + 1, StringComparer.Ordinal) { ["holds"] = holds };
        foreach (var (key, value) in data)
        {
            values[key] = value;
        }

        return new Reason(code, message, values);
    }
}
