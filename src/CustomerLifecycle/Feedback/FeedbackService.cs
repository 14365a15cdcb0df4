using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>Load → apply → save for feedback records over an <see cref="IFeedbackStore"/>, with expected versions and bounded retry.</summary>
/// <remarks>
/// When another writer saves first, the service reloads the record and applies the event again, up to
/// <see cref="MaxAttempts"/> times; a refused move is never retried and never saved. The service is stateless apart from its
/// collaborators and is safe to share.
/// </remarks>
public sealed class FeedbackService
{
    /// <summary>The default number of attempts.</summary>
    public const int DefaultMaxAttempts = 3;

    private readonly FeedbackEngine _engine;
    private readonly IFeedbackStore _store;

    /// <summary>Creates the service.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="store">The store.</param>
    /// <param name="maxAttempts">How many load → apply → save attempts to make on version conflicts; at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="store"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAttempts"/> is less than 1.</exception>
    public FeedbackService(FeedbackEngine engine, IFeedbackStore store, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _engine = engine;
        _store = store;
        MaxAttempts = maxAttempts;
    }

    /// <summary>Gets how many attempts a command makes on version conflicts.</summary>
    public int MaxAttempts { get; }

    /// <summary>Stores a newly collected item, classified, prioritised and assigned by the engine at <paramref name="at"/>.</summary>
    /// <param name="item">The item.</param>
    /// <param name="at">When triage happens; not before the item's submission.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied with the saved record, or Rejected when an item with that id exists already.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the item is invalid.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="at"/> is before the item's submission.</exception>
    public async ValueTask<FeedbackCommandResult> SubmitAsync(FeedbackItem item, Instant at, CancellationToken cancellationToken = default)
    {
        var record = _engine.Triage(_engine.Open(item), at) with { Version = 1 };
        if (await _store.TrySaveAsync(record, 0, cancellationToken).ConfigureAwait(false))
        {
            return new FeedbackCommandResult(FeedbackCommandStatus.Applied, record, new Reason(
                "feedback.submitted",
                $"Feedback '{item.Id}' was stored as {record.Category}, priority {record.Priority}, assigned to {record.Team}.",
                new Dictionary<string, object?> { ["feedbackId"] = item.Id, ["category"] = record.Category, ["priority"] = record.Priority, ["team"] = record.Team }), 1);
        }

        var existing = await _store.FindAsync(item.Id, cancellationToken).ConfigureAwait(false);
        return new FeedbackCommandResult(FeedbackCommandStatus.Rejected, existing, new Reason(
            "feedback.already-exists",
            $"Feedback '{item.Id}' exists already; apply events to it instead of submitting it again.",
            new Dictionary<string, object?> { ["feedbackId"] = item.Id }), 1);
    }

    /// <summary>Applies a workflow event to a stored record and saves it.</summary>
    /// <param name="feedbackId">The item id.</param>
    /// <param name="feedbackEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Applied, NotFound, Rejected (with the workflow's reason) or Conflict (after <see cref="MaxAttempts"/> attempts).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feedbackId"/> or <paramref name="feedbackEvent"/> is null.</exception>
    public async ValueTask<FeedbackCommandResult> ApplyAsync(string feedbackId, FeedbackEvent feedbackEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedbackId);
        ArgumentNullException.ThrowIfNull(feedbackEvent);
        FeedbackRecord? loaded = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            loaded = await _store.FindAsync(feedbackId, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                return new FeedbackCommandResult(FeedbackCommandStatus.NotFound, null, new Reason(
                    "feedback.not-found",
                    $"No feedback '{feedbackId}' is stored; submit it before applying {feedbackEvent.Kind}.",
                    new Dictionary<string, object?> { ["feedbackId"] = feedbackId, ["event"] = feedbackEvent.Kind.ToString() }), attempt);
            }

            var transition = _engine.TryApply(loaded, feedbackEvent);
            if (!transition.Succeeded)
            {
                return new FeedbackCommandResult(FeedbackCommandStatus.Rejected, loaded, transition.Reason, attempt);
            }

            var next = transition.Record with { Version = loaded.Version + 1 };
            if (await _store.TrySaveAsync(next, loaded.Version, cancellationToken).ConfigureAwait(false))
            {
                return new FeedbackCommandResult(FeedbackCommandStatus.Applied, next, transition.Reason, attempt);
            }
        }

        return new FeedbackCommandResult(FeedbackCommandStatus.Conflict, loaded, new Reason(
            "feedback.conflict",
            $"Feedback '{feedbackId}' was changed by other writers on each of {MaxAttempts} attempts; {feedbackEvent.Kind} was not saved. Try again.",
            new Dictionary<string, object?> { ["feedbackId"] = feedbackId, ["attempts"] = MaxAttempts }), MaxAttempts);
    }
}
