namespace CustomerLifecycle.Lifecycle;

/// <summary>A lifecycle record as stored, with its version for optimistic concurrency.</summary>
/// <param name="Record">The record.</param>
/// <param name="Version">The version: 1 after the first save, one more after each.</param>
public sealed record StoredLifecycleRecord(LifecycleRecord Record, long Version);
