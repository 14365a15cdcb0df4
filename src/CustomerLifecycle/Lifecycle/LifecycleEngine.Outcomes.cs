using CustomerLifecycle.Internal;
using CustomerLifecycle.Lifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>The explained single-record paths: apply, evaluate, replay, and the outcomes they report.</summary>
public sealed partial class LifecycleEngine
{
    private LifecycleOutcome ApplyCore(LifecycleRecord? record, LifecycleEvent @event)
    {
        var log = TransitionLog.Explained;
        return Move(record, @event, ref log, out var state, out _)
               ?? Outcome(LifecycleOutcomeStatus.Applied, state.ToRecord(_policy), state, @event.OccurredAt, @event, log.Items, changed: true);
    }

    /// <summary>
    /// <see cref="TryApply"/> for a caller that keeps only the record: the same record, or the same refusal, without the
    /// transitions' reasons and the actions due, which cost most of an explained apply and which such a caller drops.
    /// </summary>
    internal LifecycleApplied ApplyUnexplained(LifecycleRecord? record, LifecycleEvent @event)
    {
        var log = default(TransitionLog);
        return Move(record, @event, ref log, out var state, out var transitions) is { } refusal
            ? new LifecycleApplied(null, 0, refusal)
            : new LifecycleApplied(state.ToRecord(_policy), transitions, null);
    }

    /// <summary>Moves the record by the event (the time-based rules due before it, its facts and the rule it fires, the
    /// time-based rules due at it), logging the transitions when <paramref name="log"/> is enabled; or gives the refusal.</summary>
    private LifecycleOutcome? Move(LifecycleRecord? record, LifecycleEvent @event, ref TransitionLog log, out LifecycleState state, out int transitions)
    {
        transitions = 0;
        if (record is null)
        {
            state = LifecycleState.New(_policy, @event.Customer, @event.OccurredAt);
        }
        else
        {
            state = default;
            if (record.Customer != @event.Customer)
            {
                return WrongCustomer(record, @event);
            }

            if (!_policy.TryGetStage(record.Stage, out var stage))
            {
                return UnknownStage(record);
            }

            state = new LifecycleState(record, stage);

            if (state.HasSeen(_policy, @event.Id))
            {
                return Duplicate(record, @event);
            }

            var latest = Latest(state);
            if (@event.OccurredAt < latest)
            {
                return Late(record, @event, latest);
            }
        }

        var at = @event.OccurredAt;
        if (record is null || MayBeDue(record, at))
        {
            transitions += Advance(ref state, at, ref log);
        }

        RecordFacts(ref state, @event);
        var rule = FindEventRule(state, @event);
        if (rule is not null)
        {
            Transition(ref state, rule, at, @event, ref log);
            transitions++;
        }
        else if (@event.Kind is LifecycleEventKind.Cancellation or LifecycleEventKind.Disqualification or LifecycleEventKind.Closure)
        {
            // A command nobody handles is refused whole: the time-based transitions before it are not kept either.
            return NotPermitted(record, state, @event);
        }

        transitions += Advance(ref state, at, ref log);
        return null;
    }

    private LifecycleOutcome EvaluateCore(LifecycleRecord record, Instant asOf)
    {
        if (!_policy.TryGetStage(record.Stage, out var stage))
        {
            return UnknownStage(record);
        }

        var state = new LifecycleState(record, stage);

        var latest = Latest(state);
        if (asOf < latest)
        {
            return InThePast(record, asOf, latest);
        }

        var log = TransitionLog.Explained;
        var made = Advance(ref state, asOf, ref log);
        var result = made > 0 ? state.ToRecord(_policy) : record;
        return Outcome(LifecycleOutcomeStatus.Evaluated, result, state, asOf, null, log.Items, changed: made > 0);
    }

    private LifecycleOutcome ReplayCore(LifecycleEvent[] ordered, Instant? asOf)
    {
        LifecycleRecord? record = null;
        var transitions = new List<StageTransition>();
        var skipped = new List<Reason>();
        LifecycleOutcome? last = null;
        foreach (var @event in ordered)
        {
            var outcome = ApplyCore(record, @event);
            if (outcome.Status == LifecycleOutcomeStatus.Applied)
            {
                record = outcome.Record;
                transitions.AddRange(outcome.Transitions);
                last = outcome;
            }
            else
            {
                skipped.Add(outcome.Reasons[0]);
            }
        }

        if (record is not null && asOf is { } end)
        {
            var evaluated = EvaluateCore(record, end);
            record = evaluated.Record;
            transitions.AddRange(evaluated.Transitions);
            last = evaluated;
        }

        if (last is null)
        {
            return new LifecycleOutcome(LifecycleOutcomeStatus.Applied, null, [], [], skipped, changed: false);
        }

        // Actions of the last stage entered (history's own actions are long past) and the triggers that hold at the end.
        var final = new LifecycleState(record!, _policy.StageIndex[record!.Stage]);
        var at = asOf ?? final.LastEventAt;
        var actions = Actions(final, at, transitions.Count > 0 ? [transitions[^1]] : []);
        return new LifecycleOutcome(LifecycleOutcomeStatus.Applied, record, transitions, actions, skipped, changed: true, static (_, last) => ((LifecycleOutcome)last!).NotFired, explainState: last);
    }

    /// <summary>The outcome of an explained path; the rules that did not fire are worked out from the event (or, with none, the instant) when asked for.</summary>
    private LifecycleOutcome Outcome(LifecycleOutcomeStatus status, LifecycleRecord record, in LifecycleState state, Instant at, LifecycleEvent? @event, IReadOnlyList<StageTransition> transitions, bool changed)
        => new(status, record, transitions, Actions(state, at, transitions), [], changed, _explainNotFired, @event ?? (object)at);

    private IReadOnlyList<RuleCheck> ExplainNotFired(LifecycleOutcome outcome, object? eventOrInstant)
    {
        var @event = eventOrInstant as LifecycleEvent;
        var at = @event?.OccurredAt ?? (Instant)eventOrInstant!;
        var state = new LifecycleState(outcome.Record!, _policy.StageIndex[outcome.Record!.Stage]);
        return NotFired(state, at, @event);
    }

    private IReadOnlyList<PlaybookAction> Actions(in LifecycleState state, Instant at, IReadOnlyList<StageTransition> transitions)
    {
        // Most events make no action due: no list then.
        List<PlaybookAction>? actions = null;
        for (var i = 0; i < transitions.Count; i++)
        {
            var transition = transitions[i];
            var source = $"playbook:{transition.To}";
            foreach (var step in _policy.Playbooks[_policy.StageIndex[transition.To]])
            {
                (actions ??= []).Add(Action(state.Customer, step.Kind, transition.To, source, step.Description, _policy.AddPlaybookDelay(transition.At, step)));
            }
        }

        foreach (var trigger in _policy.TriggersIn[state.Stage])
        {
            if (!Conditions.AllHold(_policy, state, trigger.When, at))
            {
                continue;
            }

            var due = Conditions.Anytime;
            foreach (var condition in trigger.When)
            {
                var bound = Conditions.LowerBound(_policy, state, condition);
                if (bound > due)
                {
                    due = bound;
                }
            }

            (actions ??= []).Add(Action(state.Customer, trigger.ActionKind, _policy.Stages[state.Stage], $"trigger:{trigger.Id}", trigger.Description, due == Conditions.Anytime ? at : due));
        }

        return actions ?? (IReadOnlyList<PlaybookAction>)[];
    }

    private static PlaybookAction Action(CustomerId customer, string kind, string stage, string source, string description, Instant due)
        => new($"{customer}|{source}|{kind}|{new IsoInstant(due)}", customer, kind, stage, source, description, due);

    private List<RuleCheck> NotFired(in LifecycleState state, Instant at, LifecycleEvent? @event)
    {
        var checks = new List<RuleCheck>();
        foreach (var rule in _policy.EventRulesFrom[state.Stage])
        {
            if (@event is null || !rule.IsTriggeredBy(@event.TriggerName))
            {
                var on = string.Join(" or ", rule.On);
                checks.Add(new RuleCheck(rule.Id, TargetName(state, rule, at), [new Reason("lifecycle.waits-for-event", $"Fires on a {on} event.", new Dictionary<string, object?> { ["on"] = on })]));
            }
            else
            {
                AddFailures(checks, state, rule, at);
            }
        }

        foreach (var rule in _policy.TimeRulesFrom[state.Stage])
        {
            AddFailures(checks, state, rule, at);
        }

        return checks;
    }

    private void AddFailures(List<RuleCheck> checks, in LifecycleState state, CompiledRule rule, Instant at)
    {
        var failures = new List<Reason>();
        foreach (var condition in rule.When)
        {
            if (!Conditions.Holds(_policy, state, condition, at))
            {
                failures.Add(Conditions.Explain(_policy, state, condition, at));
            }
        }

        if (failures.Count > 0)
        {
            checks.Add(new RuleCheck(rule.Id, TargetName(state, rule, at), failures));
        }
    }

    private string TargetName(in LifecycleState state, CompiledRule rule, Instant at)
        => _policy.Stages[rule.To == CompiledRule.TenureTarget ? TenureStage(state, at) : rule.To];

    private LifecycleOutcome NotPermitted(LifecycleRecord? record, in LifecycleState state, LifecycleEvent @event)
    {
        var stage = _policy.Stages[state.Stage];
        var name = @event.TriggerName;
        var failed = new List<string>();
        foreach (var rule in _policy.EventRulesFrom[state.Stage])
        {
            if (rule.IsTriggeredBy(name))
            {
                foreach (var condition in rule.When)
                {
                    if (!Conditions.Holds(_policy, state, condition, @event.OccurredAt))
                    {
                        failed.Add($"{rule.Id}: {Conditions.Explain(_policy, state, condition, @event.OccurredAt).Message}");
                    }
                }
            }
        }

        var handlers = new List<string>();
        for (var s = 0; s < _policy.Stages.Length; s++)
        {
            foreach (var rule in _policy.EventRulesFrom[s])
            {
                if (rule.IsTriggeredBy(name))
                {
                    handlers.Add(_policy.Stages[s]);
                    break;
                }
            }
        }

        var why = failed.Count > 0
            ? $"the rules from '{stage}' on {name} do not hold ({string.Join("; ", failed)})"
            : $"no rule from '{stage}' handles {name}";
        var where = handlers.Count > 0 ? $"{name} is handled in: {string.Join(", ", handlers)}" : $"no stage handles {name}";
        var message = $"Cannot apply {name} event '{@event.Id}' to customer '{@event.Customer}' in stage '{stage}': {why}. Remedy: {where}; send it only there, or add a rule from '{stage}' on {name} to the policy.";
        return Refused(LifecycleOutcomeStatus.Rejected, record, "lifecycle.event-not-permitted", message, ("stage", stage), ("event", name), ("eventId", @event.Id));
    }

    // The refusals are built apart from the paths that refuse, which stay short for the common case.
    private static LifecycleOutcome WrongCustomer(LifecycleRecord record, LifecycleEvent @event)
        => Refused(LifecycleOutcomeStatus.Rejected, record, "lifecycle.wrong-customer", $"Event '{@event.Id}' is for customer '{@event.Customer}' but the record is customer '{record.Customer}'. Remedy: load the record of customer '{@event.Customer}'.");

    private static LifecycleOutcome Duplicate(LifecycleRecord record, LifecycleEvent @event)
        => Refused(LifecycleOutcomeStatus.Duplicate, record, "lifecycle.duplicate-event", $"Event '{@event.Id}' was already applied to customer '{record.Customer}'; nothing changed.");

    private static LifecycleOutcome Late(LifecycleRecord record, LifecycleEvent @event, Instant latest)
        => Refused(LifecycleOutcomeStatus.Late, record, "lifecycle.late-event", $"Event '{@event.Id}' occurred at {@event.OccurredAt}, before what the record of customer '{record.Customer}' has already seen ({latest}); it was not applied. Remedy: fold the customer's whole history with Replay(...).");

    private static LifecycleOutcome InThePast(LifecycleRecord record, Instant asOf, Instant latest)
        => Refused(LifecycleOutcomeStatus.Rejected, record, "lifecycle.evaluated-in-the-past", $"Cannot evaluate customer '{record.Customer}' at {asOf}: the record has already seen {latest}. Remedy: evaluate at or after {latest}.");

    private LifecycleOutcome UnknownStage(LifecycleRecord record)
        => Refused(LifecycleOutcomeStatus.Rejected, record, "lifecycle.unknown-stage", $"The record of customer '{record.Customer}' is in stage '{record.Stage}', which the policy does not define; known stages are {string.Join(", ", _policy.Stages)}. Remedy: migrate the record to a known stage, or add '{record.Stage}' to the policy.", ("stage", record.Stage));

    private static LifecycleOutcome Refused(LifecycleOutcomeStatus status, LifecycleRecord? record, string code, string message, params (string Key, object? Value)[] data)
    {
        var values = data.Length == 0 ? null : data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        return new LifecycleOutcome(status, record, [], [], [new Reason(code, message, values)], changed: false);
    }
}
