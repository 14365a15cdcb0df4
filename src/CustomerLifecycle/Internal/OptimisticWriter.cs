namespace CustomerLifecycle.Internal;

/// <summary>The load → decide → save loop every service runs over its store, retried when another writer got there first.</summary>
/// <remarks>A lost race saved nothing, so the next attempt decides again on what the other writer saved; when every attempt
/// loses, <see cref="StoreConflictException"/> reports the key, the attempts and the version last seen.</remarks>
/// <typeparam name="TKey">What a record is found by.</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
internal sealed class OptimisticWriter<TKey, TRecord>
    where TKey : notnull
    where TRecord : class
{
    private readonly IRecordStore<TKey, TRecord> _store;

    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="retry"/> is invalid.</exception>
    public OptimisticWriter(IRecordStore<TKey, TRecord> store, RetryOptions? retry)
    {
        _store = store;
        MaxAttempts = PolicyValidation.ThrowIfInvalid<RetryOptions, RetryOptionsValidator>(retry ?? new RetryOptions()).MaxAttempts;
    }

    /// <summary>Gets how many times the loop is attempted before a conflict is given up on.</summary>
    public int MaxAttempts { get; }

    /// <summary>Loads the record under <paramref name="key"/>, lets <paramref name="decide"/> work out the result and the record
    /// to save (none: the result is returned as it is), and saves it against the version loaded.</summary>
    /// <param name="key">The record's key.</param>
    /// <param name="decide">The result, and the record to save or null, from what is stored (null when nothing is).</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <exception cref="StoreConflictException">Every attempt lost a version race.</exception>
    public async ValueTask<TResult> SaveAsync<TResult>(TKey key, Func<TRecord?, (TResult Result, TRecord? ToSave)> decide, CancellationToken cancellationToken)
    {
        long lastSeen = 0;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = await _store.LoadAsync(key, cancellationToken).ConfigureAwait(false);
            var (result, toSave) = decide(stored?.Record);
            if (toSave is null)
            {
                return result;
            }

            var saved = await _store.SaveAsync(toSave, stored?.Version ?? 0, cancellationToken).ConfigureAwait(false);
            if (saved.Succeeded)
            {
                return result;
            }

            lastSeen = saved.Version;
        }

        throw new StoreConflictException(key.ToString() ?? string.Empty, MaxAttempts, lastSeen);
    }
}
