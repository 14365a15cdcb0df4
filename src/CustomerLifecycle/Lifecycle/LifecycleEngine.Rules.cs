using System.Runtime.CompilerServices;
using CustomerLifecycle.Internal;
using CustomerLifecycle.Lifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>Rule firing: shared by the explained single-record paths and the allocation-free batch path.</summary>
public sealed partial class LifecycleEngine
{
    /// <summary>
    /// Fires the time-based rules due up to <paramref name="asOf"/>, logging the transitions when <paramref name="log"/> is
    /// enabled, and leaves in <see cref="LifecycleState.NextCheckAt"/> the instant at which a rule can next fire.
    /// </summary>
    /// <returns>How many transitions were made.</returns>
    private int Advance(ref LifecycleState state, Instant asOf, ref TransitionLog log)
    {
        // A policy without unconditional cycles settles within one pass over the stages; the cap guards hosts' own
        // conditional cycles that could all hold at one instant.
        var made = 0;
        for (var step = 0; step < _policy.Stages.Length; step++)
        {
            // Looking past asOf costs little more and tells when to look again.
            if (!TryFindTimeRule(state, LifecycleLimits.MaxInstant, out var rule, out var at))
            {
                state.NextCheckAt = Instant.MaxValue;
                return made;
            }

            if (at > asOf)
            {
                state.NextCheckAt = at;
                return made;
            }

            Transition(ref state, rule, at, null, ref log);
            made++;
        }

        state.NextCheckAt = asOf;
        return made;
    }

    /// <summary>Whether the record may have a time-based rule due by <paramref name="at"/>: false only when its own <see cref="LifecycleRecord.NextCheckAt"/>, worked out by this policy, says not.</summary>
    private bool MayBeDue(LifecycleRecord record, Instant at)
        => record.PolicyFingerprint != _policy.Fingerprint || at >= record.NextCheckAt;

    /// <summary>The time-based rule from the record's stage that fires first, by <paramref name="asOf"/>; ties go to policy order.</summary>
    private bool TryFindTimeRule(in LifecycleState state, Instant asOf, out CompiledRule rule, out Instant at)
    {
        rule = null!;
        at = asOf;
        var from = Latest(state);
        foreach (var candidate in _policy.TimeRulesFrom[state.Stage])
        {
            // A later rule only wins by firing earlier, so the earliest instant found so far ends its search.
            if (TryFindFirstInstant(state, candidate, from, at, out var instant) && (rule is null || instant < at))
            {
                rule = candidate;
                at = instant;
            }
        }

        return rule is not null;
    }

    /// <summary>The first instant in [<paramref name="from"/>, <paramref name="until"/>] at which every condition of the rule holds, if any.</summary>
    /// <remarks>
    /// Between events a condition changes only at its lower bound (tenure, inactivity, time since reactivation: true from
    /// then on), at a month start (activity comparisons) or not at all; so the lower bound, the alternatives' lower bounds and
    /// the month starts are the only instants to check. Inlined into its one caller, the loop over a stage's rules.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryFindFirstInstant(in LifecycleState state, CompiledRule rule, Instant from, Instant until, out Instant first)
    {
        first = default;

        // A rule that needs recent activity cannot fire once the last activity is too old: look no further than that.
        foreach (var condition in rule.NeedsRecentActivity)
        {
            if (state.LastActivityAt is not { } last)
            {
                return false;
            }

            var recentUntil = last + condition.Window;
            if (recentUntil < until)
            {
                until = recentUntil;
            }
        }

        var start = from;
        foreach (var condition in rule.Bounded)
        {
            var bound = Conditions.LowerBound(_policy, state, condition, until);
            if (bound == Conditions.Never)
            {
                return false;
            }

            if (bound > start)
            {
                start = bound;
            }
        }

        if (start > until)
        {
            return false;
        }

        // Past every bound, the bounded conditions hold; only the others need checking.
        if (!rule.NeedsScan)
        {
            first = start;
            return Conditions.AllHold(_policy, state, rule.Unbounded, start);
        }

        return TryScanForFirstInstant(state, rule, start, until, out first);
    }

    /// <summary>
    /// The rest of <see cref="TryFindFirstInstant"/> for a rule whose conditions may first hold after its lower bound: at an
    /// alternative's bound or at a month start. Kept apart so that the common rules take a short path.
    /// </summary>
    private bool TryScanForFirstInstant(in LifecycleState state, CompiledRule rule, Instant start, Instant until, out Instant first)
    {
        first = default;
        var month = rule.ComparesMonths ? _policy.Months.MonthOf(start) : 0;

        // After the comparison windows have rolled past the last counted month, nothing changes any more.
        var lastMonth = month + _policy.ActivityMonths + 1;
        var comparing = rule.ComparesMonths ? NextMonthComparing(state, rule, month, lastMonth) : month;
        if (comparing == month && Conditions.AllHold(_policy, state, rule.UnboundedBesidesComparisons, start))
        {
            first = start;
            return true;
        }

        var found = false;
        foreach (var condition in rule.When)
        {
            foreach (var alternative in condition.AnyOf)
            {
                var bound = Conditions.LowerBound(_policy, state, alternative, until);
                if (bound > start && bound <= until && (!found || bound < first) && Conditions.AllHold(_policy, state, rule.When, bound))
                {
                    first = bound;
                    found = true;
                }
            }
        }

        if (rule.ComparesMonths)
        {
            // The month starts after start's month at which the comparisons hold, up to until or an alternative's bound.
            var next = comparing > month ? comparing : NextMonthComparing(state, rule, month + 1, lastMonth);
            for (; next <= lastMonth; next = NextMonthComparing(state, rule, next + 1, lastMonth))
            {
                var monthStart = _policy.Months.MonthStart(next);
                if (monthStart > until || (found && monthStart >= first))
                {
                    break;
                }

                if (Conditions.AllHold(_policy, state, rule.UnboundedBesidesComparisons, monthStart))
                {
                    first = monthStart;
                    found = true;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The first month in [<paramref name="month"/>, <paramref name="last"/>] at which the rule's activity comparisons all
    /// hold, or <paramref name="last"/> + 1. A single comparison slides its windows over the counts themselves.
    /// </summary>
    private static int NextMonthComparing(in LifecycleState state, CompiledRule rule, int month, int last)
    {
        if (rule.SingleComparison is { } single)
        {
            return state.FirstMonthComparing(single, month, last);
        }

        while (month <= last && !Conditions.ComparisonsHoldAtMonth(state, rule.When, month))
        {
            month++;
        }

        return month;
    }

    private void RecordFacts(ref LifecycleState state, LifecycleEvent @event)
    {
        var at = @event.OccurredAt;
        switch (@event.Kind)
        {
            case LifecycleEventKind.Purchase:
                state.AddPurchase(_policy, at);
                state.AddActivity(_policy, at);
                break;
            case LifecycleEventKind.Activity:
                state.AddActivity(_policy, at);
                break;
            case LifecycleEventKind.Contact:
                state.LastContactAt = at;
                break;
            case LifecycleEventKind.Referral:
                state.LastReferralAt = at;
                break;
            case LifecycleEventKind.NpsAnswer:
                state.LatestNps = @event.Score;
                break;
            case LifecycleEventKind.HealthBandChanged:
                state.HealthBand = @event.HealthBand;
                break;
        }

        if (at > state.LastEventAt)
        {
            state.LastEventAt = at;
        }

        state.RememberEvent(_policy, @event.Id);
        state.EventCount++;
    }

    private CompiledRule? FindEventRule(in LifecycleState state, LifecycleEvent @event)
    {
        foreach (var rule in _policy.EventRulesFrom[state.Stage])
        {
            if (rule.IsTriggeredBy(@event.TriggerName) && Conditions.AllHold(_policy, state, rule.When, @event.OccurredAt))
            {
                return rule;
            }
        }

        return null;
    }

    private void Transition(ref LifecycleState state, CompiledRule rule, Instant at, LifecycleEvent? @event, ref TransitionLog log)
    {
        var to = rule.To == CompiledRule.TenureTarget ? TenureStage(state, at) : rule.To;
        List<Reason>? reasons = null;
        if (log.Enabled)
        {
            reasons = new List<Reason>(rule.When.Length + 1);
            if (@event is not null)
            {
                reasons.Add(new Reason("lifecycle.event", $"{@event.TriggerName} event '{@event.Id}' at {new IsoInstant(@event.OccurredAt)}.", new Dictionary<string, object?> { ["eventId"] = @event.Id, ["event"] = @event.TriggerName }));
            }

            foreach (var condition in rule.When)
            {
                reasons.Add(Conditions.Explain(_policy, state, condition, at));
            }
        }

        var from = state.Stage;
        state.EnterStage(_policy, to, at);
        switch (_policy.Kinds[to])
        {
            case StageKind.Declining:
                var (recent, earlier) = state.CompareActivity(_policy, at, _policy.ComparisonMonths);
                state.DeclineBaseline = Math.Max(recent, earlier);
                break;
            case StageKind.Reactivated:
                state.ReactivatedAt = at;
                break;
        }

        if (log.Enabled)
        {
            log.Add(new StageTransition(_policy.Stages[from], _policy.Stages[to], at, rule.Id, @event?.Id, reasons!));
        }
    }

    /// <summary>The tenure stage the customer's months since the first purchase earn at <paramref name="at"/>.</summary>
    private int TenureStage(in LifecycleState state, Instant at)
    {
        if (state.FirstPurchaseAt is { } first)
        {
            foreach (var (months, stage) in _policy.TenureStages)
            {
                if (at >= _policy.Months.AddMonths(first, months))
                {
                    return stage;
                }
            }
        }

        return _policy.TenureStages[^1].Stage;
    }
}
