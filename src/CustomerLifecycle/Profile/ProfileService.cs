using CustomerLifecycle.Internal;
using CustomerLifecycle.Loyalty;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>Load → apply → save over an <see cref="IProfileStore"/>, with bounded retry when another writer got there first;
/// with a loyalty programme, the customers' ledgers beside the profiles in an <see cref="ILoyaltyStore"/>.</summary>
/// <remarks>
/// <para>Idempotent under retries: a fact already applied by an earlier attempt, or by another writer, is found among the ids of
/// the profile's last facts and reported as a duplicate rather than applied twice.</para>
/// <para>With a programme, a fact is applied to the profile first and then the loyalty command it earns
/// (<see cref="LoyaltyFacts"/>) to the ledger, each saved with its own version. The command's key comes from the fact's id,
/// so the ledger is idempotent too; and a fact the profile finds a duplicate is still forwarded, so a retry after a failure
/// between the two saves completes the ledger. Thread-safe.</para>
/// </remarks>
public sealed class ProfileService
{
    private readonly ProfileEngine _engine;
    private readonly OptimisticWriter<CustomerId, ProfileRecord> _writer;
    private readonly ILoyaltyStore? _ledgers;
    private readonly LoyaltyService? _loyalty;

    /// <summary>Creates the service.</summary>
    /// <param name="engine">The engine that folds facts and evaluates profiles.</param>
    /// <param name="store">The host's store.</param>
    /// <param name="retry">How lost version races are retried (for the profiles and the ledgers), or null for the defaults.</param>
    /// <param name="loyalty">The host's store of loyalty ledgers, required exactly when the engine's policy has a loyalty
    /// programme (<see cref="ProfileEngine.Loyalty"/>); the ledgers are those a <see cref="LoyaltyService"/> keeps.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="store"/> is null.</exception>
    /// <exception cref="ArgumentException">The policy has a loyalty programme and <paramref name="loyalty"/> is null, or none and it is not.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="retry"/> is invalid.</exception>
    public ProfileService(ProfileEngine engine, IProfileStore store, RetryOptions? retry = null, ILoyaltyStore? loyalty = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        if ((engine.Loyalty is null) != (loyalty is null))
        {
            throw new ArgumentException(
                loyalty is null
                    ? "loyalty: the profile policy has a loyalty programme (ProfileOptions.Loyalty), so the service needs the ILoyaltyStore its ledgers are kept in."
                    : "loyalty: the profile policy has no loyalty programme (ProfileOptions.Loyalty is null), so there are no ledgers to keep.",
                nameof(loyalty));
        }

        _writer = new(store, retry);
        _engine = engine;
        _ledgers = loyalty;
        _loyalty = loyalty is null ? null : new LoyaltyService(engine.Loyalty!, loyalty, retry);
    }

    /// <summary>Applies a fact to its customer's stored profile and saves the result; with a loyalty programme, then applies
    /// the loyalty command the fact earns to the customer's stored ledger and saves that.</summary>
    /// <param name="fact">The fact.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the stores.</param>
    /// <returns>The profile's outcome (Duplicate, Late and Rejected outcomes save no profile), with the ledger's in
    /// <see cref="ProfileOutcome.Loyalty"/> when the fact earns a command and the profile applied it or had it already
    /// (the ledger's own refusals, an order bought before the programme started say, undo nothing in the profile).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race (the profile may be saved and the ledger
    /// not: apply the fact again).</exception>
    public async ValueTask<ProfileOutcome> ApplyAsync(CustomerFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var outcome = await _writer.SaveAsync(
            fact.Customer,
            profile =>
            {
                var applied = _engine.TryApply(profile, fact);
                return (applied, applied.Changed ? applied.Profile : null);
            },
            cancellationToken).ConfigureAwait(false);
        if (_loyalty is null || outcome.Status is not (ProfileOutcomeStatus.Applied or ProfileOutcomeStatus.Duplicate) || _engine.LoyaltyCommandOf(fact) is not { } command)
        {
            return outcome;
        }

        return outcome with { Loyalty = await _loyalty.ApplyAsync(command, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Evaluates a customer's stored profile (with a loyalty programme, and the stored ledger beside it) at an instant
    /// and saves what the evaluation changed in the profile (a time-based lifecycle rule fired, the health band fed to the
    /// lifecycle changed, or the tier state advanced; see <see cref="CustomerView.Changed"/>); the ledger is only read.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="population">The population step's result, from <see cref="ProfileEngine.Prepare"/>.</param>
    /// <param name="asOf">The instant to evaluate at; not before the profile's latest fact.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the stores.</param>
    /// <returns>The view, or null when the customer has no profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the stored profile's latest fact.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<CustomerView?> EvaluateAsync(CustomerId customer, ProfilePopulation population, Instant asOf, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfDefault(customer);
        ArgumentNullException.ThrowIfNull(population);
        var ledger = _ledgers is null ? null : (await _ledgers.LoadAsync(customer, cancellationToken).ConfigureAwait(false))?.Record;
        return await _writer.SaveAsync<CustomerView?>(
            customer,
            profile =>
            {
                var view = profile is null ? null : _engine.Evaluate(profile, ledger, population, asOf);
                return (view, view is { Changed: true } ? view.Profile : null);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
