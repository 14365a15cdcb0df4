namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>A reminder table over <see cref="SharedRows"/>, so that reminders outlive the silo that registered them.</summary>
public sealed class SharedReminderTable(SharedRows rows) : IReminderTable
{
    public Task<ReminderTableData> ReadRows(GrainId grainId)
        => Task.FromResult(new ReminderTableData(rows.Reminders.Values.Where(r => r.GrainId == grainId).ToList()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end)
        => Task.FromResult(new ReminderTableData(rows.Reminders.Values.Where(r => InRange(r.GrainId.GetUniformHashCode(), begin, end)).ToList()));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
        => Task.FromResult(rows.Reminders.TryGetValue((grainId, reminderName), out var entry) ? entry : null);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        entry.ETag = Guid.NewGuid().ToString("N");
        rows.Reminders[(entry.GrainId, entry.ReminderName)] = entry;
        return Task.FromResult<string?>(entry.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        lock (rows.Reminders)
        {
            var removed = rows.Reminders.TryGetValue((grainId, reminderName), out var entry) && entry.ETag == eTag
                && rows.Reminders.TryRemove((grainId, reminderName), out _);
            return Task.FromResult(removed);
        }
    }

    public Task TestOnlyClearTable()
    {
        rows.Reminders.Clear();
        return Task.CompletedTask;
    }

    // The ring's ranges: (begin, end] when begin < end, otherwise the range wraps around.
    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
