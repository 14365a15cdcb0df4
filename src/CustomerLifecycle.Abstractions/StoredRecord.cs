namespace CustomerLifecycle;

/// <summary>A record as a store holds it, with its version for optimistic concurrency.</summary>
/// <typeparam name="TRecord">The record.</typeparam>
/// <param name="Record">The record.</param>
/// <param name="Version">The version: 1 after the first save, one more after each.</param>
public sealed record StoredRecord<TRecord>(TRecord Record, long Version)
    where TRecord : class;
