namespace CustomerLifecycle;

/// <summary>One save of a batch: the record and the version it replaces (0 when nothing is stored under its key yet).</summary>
/// <typeparam name="TRecord">The record.</typeparam>
/// <param name="Record">The record to store; its key is read from it.</param>
/// <param name="ExpectedVersion">The version loaded; 0 when none was stored.</param>
public readonly record struct RecordSave<TRecord>(TRecord Record, long ExpectedVersion)
    where TRecord : class;
