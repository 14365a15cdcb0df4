using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>Load → apply → save over an <see cref="ILifecycleStore"/>, with bounded retry when another writer got there first.</summary>
/// <remarks>
/// Idempotent under retries: an event already applied by an earlier attempt, or by another writer, is found among the ids
/// of the record's last events and reported as a duplicate rather than applied twice. Thread-safe.
/// </remarks>
public sealed class LifecycleService
{
    private readonly LifecycleEngine _engine;
    private readonly OptimisticWriter<CustomerId, LifecycleRecord> _writer;

    /// <summary>Creates the service.</summary>
    /// <param name="engine">The engine that applies events.</param>
    /// <param name="store">The host's store.</param>
    /// <param name="retry">How lost version races are retried, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="store"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="retry"/> is invalid.</exception>
    public LifecycleService(LifecycleEngine engine, ILifecycleStore store, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        _writer = new(store, retry);
        _engine = engine;
    }

    /// <summary>Applies an event to its customer's stored record and saves the result.</summary>
    /// <param name="event">The event.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <returns>The outcome; Duplicate, Late and Rejected outcomes save nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<LifecycleOutcome> ApplyAsync(LifecycleEvent @event, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return await _writer.SaveAsync(@event.Customer, record => ToSave(_engine.TryApply(record, @event)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates a customer's stored record at an instant and saves it when a time-based rule fired.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <returns>The outcome, or null when the customer has no record.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<LifecycleOutcome?> EvaluateAsync(CustomerId customer, Instant asOf, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfDefault(customer);
        return await _writer.SaveAsync<LifecycleOutcome?>(customer, record => record is null ? (null, null) : ToSave(_engine.Evaluate(record, asOf)), cancellationToken).ConfigureAwait(false);
    }

    private static (LifecycleOutcome Outcome, LifecycleRecord? ToSave) ToSave(LifecycleOutcome outcome) => (outcome, outcome.Changed ? outcome.Record : null);
}
