using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>Load → apply → save for feedback records over an <see cref="IFeedbackStore"/>, with bounded retry when another writer got there first.</summary>
/// <remarks>
/// Idempotent under retries: a lost race saved nothing, so the next attempt reloads the record and applies the event to what
/// the other writer saved; an event is saved once or not at all. A refused move is never retried and never saved. Thread-safe.
/// </remarks>
public sealed class FeedbackService
{
    private readonly FeedbackEngine _engine;
    private readonly IFeedbackStore _store;
    private readonly OptimisticWriter<string, FeedbackRecord> _writer;

    /// <summary>Creates the service.</summary>
    /// <param name="engine">The engine that triages items and applies events.</param>
    /// <param name="store">The host's store.</param>
    /// <param name="retry">How lost version races are retried, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="store"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="retry"/> is invalid.</exception>
    public FeedbackService(FeedbackEngine engine, IFeedbackStore store, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        _writer = new(store, retry);
        _engine = engine;
        _store = store;
    }

    /// <summary>Stores a newly collected item, classified, prioritised and assigned by the engine at <paramref name="at"/>.</summary>
    /// <param name="item">The item.</param>
    /// <param name="at">When triage happens; not before the item's submission.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <returns>
    /// Succeeded with the saved record and reason <c>feedback.submitted</c>; or, when an item with that id is stored already
    /// (a re-delivered submission), not succeeded with the stored record and reason <c>feedback.already-exists</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the item is invalid.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="at"/> is before the item's submission.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<FeedbackTransition> SubmitAsync(FeedbackItem item, Instant at, CancellationToken cancellationToken = default)
    {
        var record = _engine.Triage(_engine.Open(item), at);
        var submitted = new FeedbackTransition(true, record, new Reason(
            "feedback.submitted",
            $"Feedback '{item.Id}' was stored as {record.Category}, priority {record.Priority}, assigned to {record.Team}.",
            new Dictionary<string, object?> { ["feedbackId"] = item.Id, ["category"] = record.Category, ["priority"] = record.Priority, ["team"] = record.Team }));
        return await _writer.SaveAsync(
            item.Id,
            existing => existing is null
                ? (submitted, record)
                : (new FeedbackTransition(false, existing, new Reason(
                    "feedback.already-exists",
                    $"Feedback '{item.Id}' exists already; apply events to it instead of submitting it again.",
                    new Dictionary<string, object?> { ["feedbackId"] = item.Id })), null),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies a workflow event to a stored record and saves the result.</summary>
    /// <param name="feedbackId">The item id.</param>
    /// <param name="feedbackEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <returns>The transition, as <see cref="FeedbackEngine.TryApply"/> returns it (a refused move saves nothing), or null when no
    /// item with that id is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="feedbackId"/> is null, empty or whitespace.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="feedbackEvent"/> is null.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<FeedbackTransition?> ApplyAsync(string feedbackId, FeedbackEvent feedbackEvent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedbackId);
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        return await _writer.SaveAsync<FeedbackTransition?>(
            feedbackId,
            stored =>
            {
                if (stored is null)
                {
                    return (null, null);
                }

                var transition = _engine.TryApply(stored, feedbackEvent);
                return (transition, transition.Succeeded ? transition.Record : null);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates a stored record at an instant: its category, priority and team as its events set them, and its SLA clocks.</summary>
    /// <param name="feedbackId">The item id.</param>
    /// <param name="asOf">The instant to evaluate at; events after it are ignored.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The assessment, as <see cref="FeedbackEngine.Evaluate(FeedbackRecord, Instant)"/> returns it, or null when no
    /// item with that id is stored. Nothing is saved: evaluating changes no record.</returns>
    /// <exception cref="ArgumentException"><paramref name="feedbackId"/> is null, empty or whitespace, or the stored record is invalid for the engine's policy.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A business-time deadline falls after the calendar's last year.</exception>
    public async ValueTask<FeedbackAssessment?> EvaluateAsync(string feedbackId, Instant asOf, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedbackId);
        var stored = await _store.LoadAsync(feedbackId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : _engine.Evaluate(stored.Record, asOf);
    }
}
