using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Sqlite;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>
/// Brings the lifecycle records in the SQLite file up to date with a transaction file: only events the file has not seen are
/// applied, and everything is saved in one transaction.
/// </summary>
internal static class LifecycleSync
{
    public static async Task<SyncResult> RunAsync(LifecycleEngine engine, SqliteLifecycleStore store, CustomerTransactions data, CancellationToken cancellationToken)
    {
        var known = await store.LoadEventIdsAsync(cancellationToken).ConfigureAwait(false);
        var stored = new Dictionary<CustomerId, StoredRecord<LifecycleRecord>>();
        foreach (var record in await store.LoadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            stored[record.Record.Customer] = record;
        }

        // Customers are independent and the engine is thread-safe: fold them in parallel, then gather in customer order.
        var folds = new CustomerFold[data.Customers.Length];
        Parallel.For(
            0,
            data.Customers.Length,
            new ParallelOptions { CancellationToken = cancellationToken },
            c => folds[c] = Fold(engine, data, c, known, stored));

        var records = new LifecycleRecord[folds.Length];
        var saves = new List<LifecycleRecordSave>();
        var applied = new List<LifecycleEvent>();
        long newCount = 0, duplicates = 0, late = 0, rejected = 0;
        for (var c = 0; c < folds.Length; c++)
        {
            var fold = folds[c];
            records[c] = fold.Record;
            newCount += fold.New;
            duplicates += fold.Duplicates;
            late += fold.Late;
            rejected += fold.Rejected;
            if (fold.Applied.Length > 0)
            {
                saves.Add(new LifecycleRecordSave(fold.Record, fold.ExpectedVersion));
                applied.AddRange(fold.Applied);
            }
        }

        var result = await store.SaveManyAsync(saves, applied, cancellationToken).ConfigureAwait(false);
        if (!result.Committed)
        {
            throw new CliException(
                $"{store.Path}: another process changed {result.Conflicts.Count} lifecycle records while this run was applying events (first: customer {result.Conflicts[0].Customer}); nothing was written, run again.",
                ExitCodes.Database);
        }

        return new SyncResult(records, newCount, duplicates, late, rejected, saves.Count);
    }

    private static CustomerFold Fold(LifecycleEngine engine, CustomerTransactions data, int c, IReadOnlySet<string> known, Dictionary<CustomerId, StoredRecord<LifecycleRecord>> stored)
    {
        var customer = CustomerId.From(data.Customers[c]);
        var events = data.EventsOf(c);
        var fresh = known.Count == 0 ? events : events.Where(e => !known.Contains(e.Id)).ToArray();
        var duplicates = events.Length - fresh.Length;
        var existing = stored.GetValueOrDefault(customer);
        if (fresh.Length == 0)
        {
            // Every row was applied by an earlier run: the stored record is current.
            return new CustomerFold(existing?.Record ?? engine.Replay(customer, events).Record!, 0, [], 0, duplicates, 0, 0);
        }

        if (existing is null)
        {
            return new CustomerFold(engine.Replay(customer, fresh).Record!, 0, fresh, fresh.Length, duplicates, 0, 0);
        }

        var record = existing.Record;
        int applied = 0, late = 0, rejected = 0;
        foreach (var @event in fresh)
        {
            var outcome = engine.TryApply(record, @event);
            switch (outcome.Status)
            {
                case LifecycleOutcomeStatus.Applied:
                    record = outcome.Record!;
                    applied++;
                    break;
                case LifecycleOutcomeStatus.Late:
                    late++;
                    break;
                case LifecycleOutcomeStatus.Duplicate:
                    duplicates++;
                    break;
                default:
                    rejected++;
                    break;
            }
        }

        if (late > 0)
        {
            // An event older than the record's latest cannot be folded in order: rebuild from all the customer's rows.
            record = engine.Replay(customer, events).Record!;
        }

        return new CustomerFold(record, existing.Version, fresh, applied, duplicates, late, rejected);
    }

    private sealed record CustomerFold(LifecycleRecord Record, long ExpectedVersion, LifecycleEvent[] Applied, int New, int Duplicates, int Late, int Rejected);
}

/// <summary>What <see cref="LifecycleSync"/> did: the records of the file's customers and the event counts.</summary>
internal sealed record SyncResult(LifecycleRecord[] Records, long New, long Duplicates, long Late, long Rejected, int RecordsSaved);
