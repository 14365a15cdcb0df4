using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>Load → apply → save over an <see cref="IProfileStore"/>, with bounded retry when another writer got there first.</summary>
/// <remarks>
/// Idempotent under retries: a fact already applied by an earlier attempt, or by another writer, is found among the ids of
/// the profile's last facts and reported as a duplicate rather than applied twice. Thread-safe.
/// </remarks>
public sealed class ProfileService
{
    private readonly ProfileEngine _engine;
    private readonly OptimisticWriter<CustomerId, ProfileRecord> _writer;

    /// <summary>Creates the service.</summary>
    /// <param name="engine">The engine that folds facts and evaluates profiles.</param>
    /// <param name="store">The host's store.</param>
    /// <param name="retry">How lost version races are retried, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="store"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="retry"/> is invalid.</exception>
    public ProfileService(ProfileEngine engine, IProfileStore store, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        _writer = new(store, retry);
        _engine = engine;
    }

    /// <summary>Applies a fact to its customer's stored profile and saves the result.</summary>
    /// <param name="fact">The fact.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <returns>The outcome; Duplicate, Late and Rejected outcomes save nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<ProfileOutcome> ApplyAsync(CustomerFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return await _writer.SaveAsync(
            fact.Customer,
            profile =>
            {
                var applied = _engine.TryApply(profile, fact);
                return (applied, applied.Changed ? applied.Profile : null);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates a customer's stored profile at an instant and saves what the evaluation changed (a time-based
    /// lifecycle rule fired, the health band fed to the lifecycle changed, or the tier state advanced; see <see cref="CustomerView.Changed"/>).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="population">The population step's result, from <see cref="ProfileEngine.Prepare"/>.</param>
    /// <param name="asOf">The instant to evaluate at; not before the profile's latest fact.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <returns>The view, or null when the customer has no profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the stored profile's latest fact.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<CustomerView?> EvaluateAsync(CustomerId customer, ProfilePopulation population, Instant asOf, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfDefault(customer);
        ArgumentNullException.ThrowIfNull(population);
        return await _writer.SaveAsync<CustomerView?>(
            customer,
            profile =>
            {
                var view = profile is null ? null : _engine.Evaluate(profile, population, asOf);
                return (view, view is { Changed: true } ? view.Profile : null);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
