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
    private readonly ILifecycleStore _store;
    private readonly int _maxAttempts;

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
        _maxAttempts = PolicyValidation.ThrowIfInvalid<RetryOptions, RetryOptionsValidator>(retry ?? new RetryOptions()).MaxAttempts;
        _engine = engine;
        _store = store;
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
        var outcome = await SaveWithRetry(@event.Customer, record => _engine.TryApply(record, @event), cancellationToken).ConfigureAwait(false);
        return outcome!;
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
        return await SaveWithRetry(customer, record => record is null ? null : _engine.Evaluate(record, asOf), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<LifecycleOutcome?> SaveWithRetry(CustomerId customer, Func<LifecycleRecord?, LifecycleOutcome?> apply, CancellationToken cancellationToken)
    {
        long lastSeen = 0;
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
            var outcome = apply(stored?.Record);
            if (outcome is null || !outcome.Changed)
            {
                return outcome;
            }

            var saved = await _store.SaveAsync(outcome.Record!, stored?.Version ?? 0, cancellationToken).ConfigureAwait(false);
            if (saved.Succeeded)
            {
                return outcome;
            }

            lastSeen = saved.Version;
        }

        throw new StoreConflictException(customer.ToString(), _maxAttempts, lastSeen);
    }
}
