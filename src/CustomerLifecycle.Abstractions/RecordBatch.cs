namespace CustomerLifecycle;

/// <summary>The guard of a batch save, shared by every <see cref="IRecordBatchStore{TKey, TRecord}"/> so that their refusals read the same.</summary>
public static class RecordBatch
{
    /// <summary>Throws when a batch cannot be saved: a null record, a negative expected version, or a key saved twice.</summary>
    /// <typeparam name="TKey">What a record is found by.</typeparam>
    /// <typeparam name="TRecord">The record.</typeparam>
    /// <param name="saves">The batch.</param>
    /// <param name="keyOf">The key a record is stored under.</param>
    /// <param name="comparer">Compares keys, or null for the default comparer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="saves"/> or <paramref name="keyOf"/> is null.</exception>
    /// <exception cref="ArgumentException">A save's record is null, its expected version is negative, or two saves share a key.</exception>
    public static void ThrowIfInvalid<TKey, TRecord>(IReadOnlyList<RecordSave<TRecord>> saves, Func<TRecord, TKey> keyOf, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(saves);
        ArgumentNullException.ThrowIfNull(keyOf);
        var first = new Dictionary<TKey, int>(saves.Count, comparer);
        for (var i = 0; i < saves.Count; i++)
        {
            if (saves[i].Record is null || saves[i].ExpectedVersion < 0)
            {
                throw new ArgumentException($"saves[{i}] has a null record or a negative expected version.", nameof(saves));
            }

            var key = keyOf(saves[i].Record);
            if (!first.TryAdd(key, i))
            {
                throw new ArgumentException($"saves[{i}] saves the key '{key}' again (first at saves[{first[key]}]); a batch saves each key once.", nameof(saves));
            }
        }
    }
}
