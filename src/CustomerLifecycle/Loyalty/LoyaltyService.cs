using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Load → apply → save over an <see cref="ILoyaltyStore"/>, with bounded retry when another writer got there first.</summary>
/// <remarks>
/// Idempotent under retries: a command already applied by an earlier attempt, or by another writer, has its key in the
/// ledger and is reported as a duplicate rather than applied twice. A sweep saves a record only against the version it loaded,
/// so a command saved meanwhile is never overwritten. Thread-safe.
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

    /// <summary>The nightly sweep over a page of stored members: loads them, sweeps them at an instant (from each checkpoint that
    /// holds, replaying the others) and saves those whose checkpoint it renewed, so that the next sweep need not replay them.</summary>
    /// <remarks>With an <see cref="IRecordBatchStore{TKey, TRecord}"/> the page is loaded and saved at once, all or nothing: when a
    /// command saved a member meanwhile, the whole page is loaded and swept again. With any other store each member is loaded and
    /// saved on its own, retried on its own. Either way a save names the version loaded, so nothing another writer saved is lost.
    /// Pass pages of a size the store loads comfortably (a thousand members, say).</remarks>
    /// <param name="members">The page of members; none default, none twice.</param>
    /// <param name="asOf">The sweep's instant.</param>
    /// <param name="cancellationToken">Cancels the work between attempts and in the store.</param>
    /// <returns>The balances, one per member (null without an account), and how many records were saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is null.</exception>
    /// <exception cref="ArgumentException">A member is default or appears twice.</exception>
    /// <exception cref="StoreConflictException">Every attempt lost a version race (with a batch store, nothing of the page was saved).</exception>
    public async ValueTask<LoyaltySweepResult> SweepAsync(IReadOnlyList<CustomerId> members, Instant asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        var seen = new HashSet<CustomerId>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            CustomerId.ThrowIfDefault(members[i], nameof(members));
            if (!seen.Add(members[i]))
            {
                throw new ArgumentException($"members[{i}] is '{members[i]}' again; a sweep takes each member once.", nameof(members));
            }
        }

        return _store is IRecordBatchStore<CustomerId, LoyaltyRecord> batch
            ? await SweepPageAsync(batch, members, asOf, cancellationToken).ConfigureAwait(false)
            : await SweepEachAsync(members, asOf, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<LoyaltySweepResult> SweepPageAsync(IRecordBatchStore<CustomerId, LoyaltyRecord> store, IReadOnlyList<CustomerId> members, Instant asOf, CancellationToken cancellationToken)
    {
        RecordConflict<CustomerId> lost = default;
        for (var attempt = 1; attempt <= _writer.MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loaded = await store.LoadManyAsync(members, cancellationToken).ConfigureAwait(false);
            var (balances, saves) = Checkpointed(loaded, asOf);
            if (saves.Count == 0)
            {
                return new(balances, 0);
            }

            var saved = await store.SaveManyAsync(saves, cancellationToken).ConfigureAwait(false);
            if (saved.Committed)
            {
                return new(balances, saves.Count);
            }

            lost = saved.Conflicts[0];
        }

        throw new StoreConflictException(lost.Key.ToString(), _writer.MaxAttempts, lost.CurrentVersion);
    }

    /// <summary>The page swept at <paramref name="asOf"/>: a balance per member, and the records whose checkpoint it renewed.</summary>
    private (LoyaltyBalance?[] Balances, List<RecordSave<LoyaltyRecord>> Saves) Checkpointed(IReadOnlyList<StoredRecord<LoyaltyRecord>?> loaded, Instant asOf)
    {
        var records = loaded.OfType<StoredRecord<LoyaltyRecord>>().Select(stored => stored.Record).ToArray();
        var swept = new LoyaltyBalance[records.Length];
        _engine.Evaluate(records, asOf, swept);
        var balances = new LoyaltyBalance?[loaded.Count];
        var saves = new List<RecordSave<LoyaltyRecord>>();
        for (int i = 0, j = 0; i < loaded.Count; i++)
        {
            if (loaded[i] is { } stored)
            {
                balances[i] = swept[j++];
                var checkpointed = _engine.Checkpoint(stored.Record, asOf);
                if (!ReferenceEquals(checkpointed, stored.Record))
                {
                    saves.Add(new(checkpointed, stored.Version));
                }
            }
        }

        return (balances, saves);
    }

    private async ValueTask<LoyaltySweepResult> SweepEachAsync(IReadOnlyList<CustomerId> members, Instant asOf, CancellationToken cancellationToken)
    {
        var balances = new LoyaltyBalance?[members.Count];
        var saved = 0;
        for (var i = 0; i < members.Count; i++)
        {
            (balances[i], var renewed) = await _writer.SaveAsync<(LoyaltyBalance?, bool)>(
                members[i],
                record =>
                {
                    if (record is null)
                    {
                        return ((null, false), null);
                    }

                    // The version is the writer's to check: the record alone is swept here.
                    var (balance, renewals) = Checkpointed([new StoredRecord<LoyaltyRecord>(record, 0)], asOf);
                    return renewals.Count == 0 ? ((balance[0], false), null) : ((balance[0], true), renewals[0].Record);
                },
                cancellationToken).ConfigureAwait(false);
            saved += renewed ? 1 : 0;
        }

        return new(balances, saved);
    }
}
