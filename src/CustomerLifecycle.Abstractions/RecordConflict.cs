namespace CustomerLifecycle;

/// <summary>A save of a batch whose expected version was stale.</summary>
/// <typeparam name="TKey">What a record is found by.</typeparam>
/// <param name="Key">The record's key.</param>
/// <param name="ExpectedVersion">The version the save expected.</param>
/// <param name="CurrentVersion">The version stored (0 when nothing is).</param>
public readonly record struct RecordConflict<TKey>(TKey Key, long ExpectedVersion, long CurrentVersion)
    where TKey : notnull;
