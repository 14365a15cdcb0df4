using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Load → apply → save over an <see cref="ILoyaltyStore"/>, with bounded retry when another writer got there first.</summary>
/// <remarks>
/// Idempotent under retries: a command already applied by an earlier attempt, or by another writer, has its key in the
/// ledger and is reported as a duplicate rather than applied twice. Thread-safe.
/// </remarks>
public sealed class LoyaltyService
{
    private readonly LoyaltyEngine _engine;
    private readonly ILoyaltyStore _store;
    private readonly OptimisticWriter<CustomerId, LoyaltyRecord> _writer;

    /// <summary>Creates the service.</summary>
    /// <param name="engine">The engine that applies commands.</param>
    /// <param name="store">The host's store.</param>
    /// <param name="retry">How lost version races are retried, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="store"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="retry"/> is invalid.</exception>
    public LoyaltyService(LoyaltyEngine engine, ILoyaltyStore store, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        _writer = new(store, retry);
        _engine = engine;
        _store = store;
    }

    /// <summary>Applies a command to its member's stored account and saves the result.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <returns>The outcome; Duplicate and Rejected outcomes save nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="ArgumentException">The command's member is default (the store cannot look it up).</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<LoyaltyOutcome> ApplyAsync(LoyaltyCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        CustomerId.ThrowIfDefault(command.Member, nameof(command));
        return await _writer.SaveAsync(
            command.Member,
            record =>
            {
                var outcome = _engine.TryApply(record, command);
                return (outcome, outcome.Changed ? outcome.Record : null);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A member's stored points at an instant; reads only.</summary>
    /// <param name="member">The member.</param>
    /// <param name="asOf">The instant lots are judged at.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The statement, or null when the member has no account.</returns>
    /// <exception cref="ArgumentException"><paramref name="member"/> is default.</exception>
    public async ValueTask<LoyaltyStatement?> EvaluateAsync(CustomerId member, Instant asOf, CancellationToken cancellationToken = default)
    {
        CustomerId.ThrowIfDefault(member);
        var stored = await _store.LoadAsync(member, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : _engine.Evaluate(stored.Record, asOf);
    }
}
