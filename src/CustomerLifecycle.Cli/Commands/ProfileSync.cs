using CustomerLifecycle.Profile;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>
/// Brings each customer's stored profile up to date with a transaction file, which holds the customer's whole purchase
/// history: facts newer than the stored profile are folded onto it, facts it already holds are counted as duplicates, and
/// facts older than its latest that it does not hold are late (the profile is then rebuilt from the whole history).
/// </summary>
/// <remarks>The store is the port: where the profiles live is decided by whoever composes the command.</remarks>
internal static class ProfileSync
{
    /// <summary>How many customers' profiles are loaded and folded at a time: large enough that the store reads them in few
    /// queries, small enough that their stored form is not held all at once.</summary>
    private const int Chunk = 16_384;

    public static async Task<SyncResult> RunAsync(ProfileEngine engine, IProfileStore store, CustomerTransactions data, CancellationToken cancellationToken)
    {
        // Customers are independent and the engine is thread-safe: each chunk is loaded in one call and folded on every core,
        // while the next chunk is read (a store's batch load is mostly a single-threaded read).
        var folds = new CustomerFold[data.Customers.Length];
        var next = folds.Length == 0 ? null : LoadChunk(store, data, 0, cancellationToken);
        for (var start = 0; next is not null; start += Chunk)
        {
            var stored = await next.ConfigureAwait(false);
            next = start + Chunk < folds.Length ? LoadChunk(store, data, start + Chunk, cancellationToken) : null;
            Parallel.For(0, stored.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => folds[start + i] = Fold(engine, data, start + i, stored[i]));
        }

        var profiles = new ProfileRecord[folds.Length];
        var versions = new long[folds.Length];
        var changed = new bool[folds.Length];
        long newCount = 0, duplicates = 0, late = 0, rejected = 0;
        for (var c = 0; c < folds.Length; c++)
        {
            var fold = folds[c];
            (profiles[c], versions[c], changed[c]) = (fold.Profile, fold.Version, fold.New + fold.Late > 0);
            newCount += fold.New;
            duplicates += fold.Duplicates;
            late += fold.Late;
            rejected += fold.Rejected;
        }

        return new SyncResult(profiles, versions, changed, newCount, duplicates, late, rejected);
    }

    private static Task<IReadOnlyList<StoredRecord<ProfileRecord>?>> LoadChunk(IProfileStore store, CustomerTransactions data, int start, CancellationToken cancellationToken)
    {
        var keys = new CustomerId[Math.Min(Chunk, data.Customers.Length - start)];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = CustomerId.From(data.Customers[start + i]);
        }

        return Task.Run(async () => await store.LoadManyAsync(keys, cancellationToken).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>Saves the profiles that changed (events folded in, or what the evaluation at the as-of instant changed),
    /// each against the version it was loaded at, in one all-or-nothing batch: a run that fails writes nothing.</summary>
    /// <returns>How many profiles were saved.</returns>
    public static async Task<int> SaveAsync(IProfileStore store, SyncResult sync, CustomerViewSummary[] views, CancellationToken cancellationToken)
    {
        var saves = new List<RecordSave<ProfileRecord>>();
        for (var c = 0; c < sync.Profiles.Length; c++)
        {
            if (NeedsSaving(sync, views, c))
            {
                saves.Add(new RecordSave<ProfileRecord>(views[c].Profile, sync.Versions[c]));
            }
        }

        var result = await store.SaveManyAsync(saves, cancellationToken).ConfigureAwait(false);
        return result.Committed
            ? saves.Count
            : throw new CliException(
                $"another process changed {result.Conflicts.Count:N0} profiles while this run was analysing them (first: customer {result.Conflicts[0].Key}); nothing was written, run again.",
                ExitCodes.Database);
    }

    /// <summary>How many profiles <see cref="SaveAsync"/> saves when it succeeds.</summary>
    public static int CountToSave(SyncResult sync, CustomerViewSummary[] views)
    {
        var count = 0;
        for (var c = 0; c < sync.Profiles.Length; c++)
        {
            count += NeedsSaving(sync, views, c) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether events changed the customer's profile, or what the evaluation at the as-of instant changed.</summary>
    private static bool NeedsSaving(SyncResult sync, CustomerViewSummary[] views, int customer) => sync.Changed[customer] || views[customer].Changed;

    private static CustomerFold Fold(ProfileEngine engine, CustomerTransactions data, int customer, StoredRecord<ProfileRecord>? stored)
    {
        if (stored is null)
        {
            var facts = data.FactsOf(customer);
            var replay = engine.Replay(facts[0].Customer, facts);
            return new CustomerFold(replay.Profile!, 0, facts.Length - replay.Reasons.Count, 0, 0, replay.Reasons.Count);
        }

        // What the stored profile already holds: the facts before its latest (their ids are not needed), and those at its
        // latest among its last ids. It counts the facts it folded, so any of them beyond that count arrived late.
        var profile = stored.Record;
        var held = data.CountBefore(customer, profile.LastFactAt);
        var rows = data.RowsOf(customer).Length;
        if (rows <= profile.FactCount && data.AllHeld(customer, held, profile.LastFactAt, profile.RecentFactIds))
        {
            // A rerun's common case, told without making the facts: the profile holds every row, none of them late.
            return new CustomerFold(profile, stored.Version, 0, rows, 0, 0);
        }

        var fresh = new List<CustomerFact>();
        foreach (var fact in data.FactsOf(customer, held))
        {
            if (fact.OccurredAt == profile.LastFactAt && profile.RecentFactIds.Contains(fact.Id))
            {
                held++;
            }
            else
            {
                fresh.Add(fact);
            }
        }

        var late = (int)Math.Max(0, held - profile.FactCount);
        if (late > 0)
        {
            // Rebuilt from the facts, which do not hold the tier hysteresis state the evaluations kept: carried over.
            var replay = engine.Replay(profile.Customer, data.FactsOf(customer));
            return new CustomerFold(replay.Profile! with { Tier = profile.Tier }, stored.Version, fresh.Count, held - late, late, replay.Reasons.Count);
        }

        int applied = 0, duplicates = held, rejected = 0;
        foreach (var fact in fresh)
        {
            var outcome = engine.TryApply(profile, fact);
            switch (outcome.Status)
            {
                case ProfileOutcomeStatus.Applied:
                    profile = outcome.Profile!;
                    applied++;
                    break;
                case ProfileOutcomeStatus.Duplicate:
                    duplicates++;
                    break;
                default:
                    rejected++;
                    break;
            }
        }

        return new CustomerFold(profile, stored.Version, applied, duplicates, 0, rejected);
    }

    private sealed record CustomerFold(ProfileRecord Profile, long Version, int New, int Duplicates, int Late, int Rejected);
}

/// <summary>What <see cref="ProfileSync"/> found: each customer's profile, the version it was loaded at (0: new), whether
/// events changed it, and the event counts.</summary>
internal sealed record SyncResult(ProfileRecord[] Profiles, long[] Versions, bool[] Changed, long New, long Duplicates, long Late, long Rejected);
