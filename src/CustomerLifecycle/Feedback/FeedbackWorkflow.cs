using System.Text;

namespace CustomerLifecycle.Feedback;

/// <summary>The closed-loop workflow: which events are allowed in which state, and where they lead.</summary>
/// <remarks>
/// Collected → Classified → Prioritised → Assigned → In progress → Resolved → Customer notified → Closed, or Reopened and back
/// to Assigned or In progress. Acknowledge and Respond mark the SLA clocks in any state before Closed; Pause and Resume stop
/// and restart them before resolution. Events must not go back in time. The workflow is pure: it returns a new record and never
/// saves anything. Instances are immutable and thread-safe.
/// </remarks>
public sealed class FeedbackWorkflow
{
    private static readonly FeedbackState[] OpenStates =
        [FeedbackState.Collected, FeedbackState.Classified, FeedbackState.Prioritised, FeedbackState.Assigned, FeedbackState.InProgress, FeedbackState.Reopened];

    private static readonly FeedbackState[] BeforeClosed =
        [.. OpenStates, FeedbackState.Resolved, FeedbackState.CustomerNotified];

    /// <summary>For each event: the states it is allowed in and the state it leads to (null: the state does not change).</summary>
    private static readonly Dictionary<FeedbackEventKind, (FeedbackState[] From, FeedbackState? To)> Moves = new()
    {
        [FeedbackEventKind.Classify] = ([FeedbackState.Collected], FeedbackState.Classified),
        [FeedbackEventKind.Prioritise] = ([FeedbackState.Classified], FeedbackState.Prioritised),
        [FeedbackEventKind.Assign] = ([FeedbackState.Prioritised, FeedbackState.Assigned, FeedbackState.InProgress, FeedbackState.Reopened], FeedbackState.Assigned),
        [FeedbackEventKind.Start] = ([FeedbackState.Assigned, FeedbackState.Reopened], FeedbackState.InProgress),
        [FeedbackEventKind.Acknowledge] = (BeforeClosed, null),
        [FeedbackEventKind.Respond] = (BeforeClosed, null),
        [FeedbackEventKind.Pause] = (OpenStates, null),
        [FeedbackEventKind.Resume] = (OpenStates, null),
        [FeedbackEventKind.Resolve] = ([FeedbackState.Assigned, FeedbackState.InProgress], FeedbackState.Resolved),
        [FeedbackEventKind.NotifyCustomer] = ([FeedbackState.Resolved], FeedbackState.CustomerNotified),
        [FeedbackEventKind.Confirm] = ([FeedbackState.CustomerNotified], FeedbackState.Closed),
        [FeedbackEventKind.Reopen] = ([FeedbackState.Resolved, FeedbackState.CustomerNotified], FeedbackState.Reopened),
    };

    private readonly string[] _categories;
    private readonly string[] _priorities;

    internal FeedbackWorkflow(IEnumerable<string> categories, IEnumerable<string> priorities)
    {
        _categories = [.. categories];
        _priorities = [.. priorities];
    }

    /// <summary>Returns the events allowed in a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The allowed events, in <see cref="FeedbackEventKind"/> order.</returns>
    public static IReadOnlyList<FeedbackEventKind> AllowedIn(FeedbackState state)
        => Moves.Where(m => m.Value.From.Contains(state)).Select(m => m.Key).Order().ToList();

    /// <summary>Draws the workflow as a Mermaid state diagram, from the same table the workflow runs on.</summary>
    /// <returns>The Mermaid text.</returns>
    public static string ToMermaid()
    {
        var text = new StringBuilder("stateDiagram-v2\n    [*] --> Collected\n");
        foreach (var (kind, (from, to)) in Moves.OrderBy(m => m.Key))
        {
            if (to is null)
            {
                continue;
            }

            foreach (var state in from.Where(s => s != to))
            {
                text.Append($"    {state} --> {to} : {kind}\n");
            }
        }

        return text.Append("    Closed --> [*]\n").ToString();
    }

    /// <summary>Applies an event, or says why it cannot be applied; never throws for a refused move.</summary>
    /// <param name="record">The record.</param>
    /// <param name="feedbackEvent">The event.</param>
    /// <returns>The transition: the new record, or the unchanged one with the reason it was refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="feedbackEvent"/> is null.</exception>
    public FeedbackTransition TryApply(FeedbackRecord record, FeedbackEvent feedbackEvent)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        var id = record.Item.Id;
        var kind = feedbackEvent.Kind;
        if (!Moves.TryGetValue(kind, out var move))
        {
            return Refuse(record, "feedback.workflow.unknown-event", $"Cannot apply event {(int)kind} to feedback '{id}': it is not a FeedbackEventKind.");
        }

        var latest = record.History.Count > 0 ? record.History[^1].At : record.Item.Submitted;
        if (feedbackEvent.At < latest)
        {
            return Refuse(record, "feedback.workflow.out-of-order", $"Cannot apply {kind} at {feedbackEvent.At} to feedback '{id}': it is before its latest event at {latest}; events must not go back in time.");
        }

        if (!move.From.Contains(record.State))
        {
            var allowed = string.Join(", ", AllowedIn(record.State));
            return Refuse(record, "feedback.workflow.invalid-transition", $"Cannot apply {kind} to feedback '{id}' in state {record.State}; allowed there: {(allowed.Length == 0 ? "nothing (the loop is closed)" : allowed)}.");
        }

        var next = record with { History = [.. record.History, feedbackEvent] };
        switch (kind)
        {
            case FeedbackEventKind.Classify when feedbackEvent.Value is not { } c || !_categories.Contains(c):
                return Refuse(record, "feedback.workflow.invalid-value", $"Cannot Classify feedback '{id}' as '{feedbackEvent.Value}': it is not one of the Categories ({string.Join(", ", _categories)}).");
            case FeedbackEventKind.Classify:
                next = next with { Category = feedbackEvent.Value };
                break;
            case FeedbackEventKind.Prioritise when feedbackEvent.Value is not { } p || !_priorities.Contains(p):
                return Refuse(record, "feedback.workflow.invalid-value", $"Cannot Prioritise feedback '{id}' as '{feedbackEvent.Value}': it is not one of the Priorities ({string.Join(", ", _priorities)}).");
            case FeedbackEventKind.Prioritise:
                next = next with { Priority = feedbackEvent.Value };
                break;
            case FeedbackEventKind.Assign when string.IsNullOrWhiteSpace(feedbackEvent.Value):
                return Refuse(record, "feedback.workflow.invalid-value", $"Cannot Assign feedback '{id}': the event names no team; put the team in its Value.");
            case FeedbackEventKind.Assign:
                next = next with { Team = feedbackEvent.Value };
                break;
            case FeedbackEventKind.Pause when record.IsPaused:
                return Refuse(record, "feedback.workflow.already-paused", $"Cannot Pause feedback '{id}': its clocks are already paused; apply Resume first.");
            case FeedbackEventKind.Pause:
                next = next with { IsPaused = true };
                break;
            case FeedbackEventKind.Resume when !record.IsPaused:
                return Refuse(record, "feedback.workflow.not-paused", $"Cannot Resume feedback '{id}': its clocks are not paused.");
            case FeedbackEventKind.Resume:
                next = next with { IsPaused = false };
                break;
            case FeedbackEventKind.Resolve when record.IsPaused:
                return Refuse(record, "feedback.workflow.paused", $"Cannot Resolve feedback '{id}' while its clocks are paused; apply Resume first.");
        }

        if (move.To is { } to)
        {
            next = next with { State = to };
        }

        return new FeedbackTransition(true, next, new Reason(
            "feedback.workflow.applied",
            $"Applied {kind} to feedback '{id}': {record.State} → {next.State}.",
            new Dictionary<string, object?> { ["event"] = kind.ToString(), ["from"] = record.State.ToString(), ["to"] = next.State.ToString(), ["at"] = feedbackEvent.At }));
    }

    /// <summary>Applies an event, throwing when the move is not allowed.</summary>
    /// <param name="record">The record.</param>
    /// <param name="feedbackEvent">The event.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="feedbackEvent"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The move is not allowed; the message names the state, the event and a remedy.</exception>
    public FeedbackRecord Apply(FeedbackRecord record, FeedbackEvent feedbackEvent)
    {
        var transition = TryApply(record, feedbackEvent);
        return transition.Succeeded ? transition.Record : throw new InvalidOperationException(transition.Reason.Message);
    }

    private static FeedbackTransition Refuse(FeedbackRecord record, string code, string message)
        => new(false, record, new Reason(code, message, new Dictionary<string, object?> { ["feedbackId"] = record.Item.Id, ["state"] = record.State.ToString() }));
}
