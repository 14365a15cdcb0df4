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
        var stored = new Dictionary<CustomerId, StoredLifecycleRecord>();
        foreach (var record in await store.LoadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            stored[record.Record.Customer] = record;
        }

        var records = new LifecycleRecord[data.Customers.Length];
        var saves = new List<LifecycleRecordSave>();
        var applied = new List<LifecycleEvent>();
        long newCount = 0, duplicates = 0, late = 0, rejected = 0;
        for (var c = 0; c < data.Customers.Length; c++)
        {
            if ((c & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var customer = CustomerId.From(data.Customers[c]);
            var events = data.EventsOf(c);
            var fresh = known.Count == 0 ? events : events.Where(e => !known.Contains(e.Id)).ToArray();
            duplicates += events.Length - fresh.Length;
            var existing = stored.GetValueOrDefault(customer);
            if (fresh.Length == 0)
            {
                // Every row was applied by an earlier run: the stored record is current.
                records[c] = existing?.Record ?? engine.Replay(customer, events).Record!;
                continue;
            }

            LifecycleRecord record;
            if (existing is null)
            {
                record = engine.Replay(customer, fresh).Record!;
                newCount += fresh.Length;
            }
            else
            {
                record = existing.Record;
                var customerLate = 0;
                foreach (var @event in fresh)
                {
                    var outcome = engine.TryApply(record, @event);
                    switch (outcome.Status)
                    {
                        case LifecycleOutcomeStatus.Applied:
                            record = outcome.Record!;
                            newCount++;
                            break;
                        case LifecycleOutcomeStatus.Late:
                            customerLate++;
                            break;
                        case LifecycleOutcomeStatus.Duplicate:
                            duplicates++;
                            break;
                        default:
                            rejected++;
                            break;
                    }
                }

                if (customerLate > 0)
                {
                    // An event older than the record's latest cannot be folded in order: rebuild from all the customer's rows.
                    late += customerLate;
                    record = engine.Replay(customer, events).Record!;
                }
            }

            records[c] = record;
            saves.Add(new LifecycleRecordSave(record, existing?.Version ?? 0));
            applied.AddRange(fresh);
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
}

/// <summary>What <see cref="LifecycleSync"/> did: the records of the file's customers and the event counts.</summary>
internal sealed record SyncResult(LifecycleRecord[] Records, long New, long Duplicates, long Late, long Rejected, int RecordsSaved);
