using CustomerLifecycle.Internal;
using CustomerLifecycle.Lifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>
/// The customer lifecycle state machine: folds events into a customer's <see cref="LifecycleRecord"/> and fires
/// time-based rules when a record is evaluated at an instant. Pure: no I/O, no clock, the same input gives the same output.
/// </summary>
/// <remarks>
/// <para>Sealed, immutable and thread-safe: build one per policy and share it.</para>
/// <para>Applying an event first fires the time-based rules due up to the event's instant, then records the event's facts,
/// fires the first event rule (in policy order) from the current stage whose conditions hold, and fires the time-based
/// rules again. A time-based rule fires at the first instant, not before the stage was entered or the last event, at which
/// all its conditions hold; when several could fire, the earliest instant wins, then policy order.</para>
/// </remarks>
public sealed partial class LifecycleEngine
{
    private readonly CompiledPolicy _policy;
    private readonly string _mermaid;
    private readonly Func<LifecycleOutcome, object?, IReadOnlyList<RuleCheck>> _explainNotFired;

    /// <summary>Creates an engine for a policy, validating it.</summary>
    /// <param name="options">The policy; it is copied, so later changes to it do not affect the engine.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The policy is invalid; the exception lists every problem.</exception>
    public LifecycleEngine(LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<LifecycleOptions, LifecycleOptionsValidator>(options);
        _policy = new CompiledPolicy(options);
        _mermaid = LifecycleMermaid.Render(options);
        _explainNotFired = ExplainNotFired;
    }

    /// <summary>Gets the stages of the policy, in policy order.</summary>
    public IReadOnlyList<string> Stages => _policy.Stages;

    /// <summary>Creates a record for a customer in the initial stage, as of <paramref name="at"/>, before any event.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="at">When the customer became known.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public LifecycleRecord Create(CustomerId customer, Instant at)
    {
        CustomerId.ThrowIfDefault(customer);
        CheckInstant(at);
        var state = LifecycleState.New(_policy, customer, at);
        var log = default(TransitionLog);
        Advance(ref state, at, ref log);
        return state.ToRecord(_policy);
    }

    /// <summary>Applies an event to a customer's record; never throws for a well-formed event, reporting problems in the outcome instead.</summary>
    /// <param name="record">The customer's record, or null to start one at the event's instant.</param>
    /// <param name="event">The event.</param>
    /// <returns>
    /// The outcome: <see cref="LifecycleOutcomeStatus.Applied"/> with the new record, the transitions and the actions due;
    /// or <see cref="LifecycleOutcomeStatus.Duplicate"/>, <see cref="LifecycleOutcomeStatus.Late"/> or
    /// <see cref="LifecycleOutcomeStatus.Rejected"/> with the input record unchanged and the reason.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    public LifecycleOutcome TryApply(LifecycleRecord? record, LifecycleEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return ApplyCore(record, @event);
    }

    /// <summary>Applies an event to a customer's record, throwing when the event is not permitted.</summary>
    /// <param name="record">The customer's record, or null to start one at the event's instant.</param>
    /// <param name="event">The event.</param>
    /// <returns>The outcome: Applied, Duplicate or Late (see <see cref="TryApply"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The event is not permitted (a command no rule handles in the record's stage, another customer's event, a stage unknown to the policy); the message names the stage, the event and a remedy.</exception>
    public LifecycleOutcome Apply(LifecycleRecord? record, LifecycleEvent @event)
    {
        var outcome = TryApply(record, @event);
        return outcome.Status == LifecycleOutcomeStatus.Rejected
            ? throw new InvalidOperationException(outcome.Reasons[0].Message)
            : outcome;
    }

    /// <summary>Evaluates a record at an instant: fires the time-based rules due by then and lists the actions due, with reasons.</summary>
    /// <param name="record">The customer's record.</param>
    /// <param name="asOf">The instant to evaluate at; not before the record's latest event or stage entry.</param>
    /// <returns>The outcome: Evaluated (the same record instance when nothing changed), or Rejected with the reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public LifecycleOutcome Evaluate(LifecycleRecord record, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        CheckInstant(asOf);
        return EvaluateCore(record, asOf);
    }

    /// <summary>Evaluates a record at an instant and explains the outcome, for the few records a person looks at.</summary>
    /// <param name="record">The customer's record.</param>
    /// <param name="asOf">The instant to evaluate at; not before the record's latest event or stage entry.</param>
    /// <returns>
    /// The outcome of <see cref="Evaluate(LifecycleRecord, Instant)"/> explained: the stage it leaves the customer in, the
    /// reasons of each transition, each rule that did not fire with why not (code <c>lifecycle.not-fired</c>), and each
    /// action due (code <c>lifecycle.action-due</c>).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public Explanation<LifecycleOutcome> Explain(LifecycleRecord record, Instant asOf)
    {
        var outcome = Evaluate(record, asOf);
        return new Explanation<LifecycleOutcome>(record.Customer.ToString(), LifecycleExplanation.Decision(record, outcome), outcome, LifecycleExplanation.Reasons(outcome));
    }

    /// <summary>
    /// Evaluates many records at one instant (the nightly sweep), writing compact outputs. Allocates nothing for a record that
    /// does not change; a changed record is the only allocation.
    /// </summary>
    /// <param name="records">The records; none may be null.</param>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <param name="outputs">Receives one result per record, at the same index; at least as long as <paramref name="records"/>.</param>
    /// <returns>How many records changed.</returns>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="records"/>, or a record is null (nothing is written then).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="LifecycleLimits"/>.</exception>
    public int Evaluate(ReadOnlySpan<LifecycleRecord> records, Instant asOf, Span<LifecycleSweepResult> outputs)
    {
        CheckInstant(asOf);
        Guard.LongEnough(outputs.Length, records.Length);

        for (var i = 0; i < records.Length; i++)
        {
            if (records[i] is null)
            {
                throw new ArgumentException($"records[{i}] is null.", nameof(records));
            }
        }

        var changed = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            var inThePast = asOf < record.LastEventAt || asOf < record.StageEnteredAt;
            if (!inThePast && !MayBeDue(record, asOf))
            {
                // Nothing can fire before NextCheckAt: no need to look at the rules.
                outputs[i] = new LifecycleSweepResult(record, LifecycleOutcomeStatus.Evaluated, 0);
                continue;
            }

            if (inThePast || !_policy.TryGetStage(record.Stage, out var stage))
            {
                outputs[i] = new LifecycleSweepResult(record, LifecycleOutcomeStatus.Rejected, 0);
                continue;
            }

            var state = new LifecycleState(record, stage);

            var log = default(TransitionLog);
            var transitions = Advance(ref state, asOf, ref log);
            if (transitions > 0)
            {
                changed++;
                record = state.ToRecord(_policy);
            }

            outputs[i] = new LifecycleSweepResult(record, LifecycleOutcomeStatus.Evaluated, transitions);
        }

        return changed;
    }

    /// <summary>
    /// Folds a customer's whole history in occurrence order (ties by event id), so the result does not depend on the order the
    /// events arrived in; duplicates are skipped and commands no rule permits are reported, not applied.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="events">Every event of the customer, in any order.</param>
    /// <param name="asOf">When set, the record is then evaluated at this instant (not before the latest event).</param>
    /// <returns>The outcome: the record (null when there were no events), every transition in order, the actions of the last stage entered, and a reason per event skipped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default, or an event is null or for another customer.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="LifecycleLimits"/> or before the latest event.</exception>
    public LifecycleOutcome Replay(CustomerId customer, IEnumerable<LifecycleEvent> events, Instant? asOf = null)
    {
        CustomerId.ThrowIfDefault(customer);
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] is null)
            {
                throw new ArgumentException($"events[{i}] is null.", nameof(events));
            }

            if (ordered[i].Customer != customer)
            {
                throw new ArgumentException($"events[{i}] ('{ordered[i].Id}') is for customer '{ordered[i].Customer}', not '{customer}'.", nameof(events));
            }
        }

        Array.Sort(ordered, CompareForReplay);
        if (asOf is { } end)
        {
            CheckInstant(end);
            if (ordered.Length > 0 && end < ordered[^1].OccurredAt)
            {
                throw new ArgumentOutOfRangeException(nameof(asOf), end, $"Value should not be before the latest event ({ordered[^1].OccurredAt}) but was {end}.");
            }
        }

        return ReplayCore(ordered, asOf);
    }

    /// <summary>The policy's stage graph as a Mermaid state diagram: every stage and every permitted transition, labelled with its rule.</summary>
    /// <returns>The diagram's text, starting with <c>stateDiagram-v2</c>.</returns>
    public string ToMermaid() => _mermaid;

    private static int CompareForReplay(LifecycleEvent a, LifecycleEvent b)
    {
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byId = string.CompareOrdinal(a.Id, b.Id);
        return byId != 0 ? byId : string.CompareOrdinal(a.TriggerName, b.TriggerName);
    }

    private static Instant Latest(in LifecycleState state) => state.StageEnteredAt > state.LastEventAt ? state.StageEnteredAt : state.LastEventAt;

    private static void CheckInstant(Instant value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < LifecycleLimits.MinInstant || value > LifecycleLimits.MaxInstant)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value should be in range [{LifecycleLimits.MinInstant}-{LifecycleLimits.MaxInstant}] but was {value}.");
        }
    }
}
