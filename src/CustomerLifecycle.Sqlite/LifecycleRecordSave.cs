using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Sqlite;

/// <summary>One save of a batch: the record and the version it replaces (0 when the customer has no record yet).</summary>
/// <param name="Record">The record to store.</param>
/// <param name="ExpectedVersion">The version loaded; 0 when the customer had no record.</param>
public readonly record struct LifecycleRecordSave(LifecycleRecord Record, long ExpectedVersion);
