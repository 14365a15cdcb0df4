namespace CustomerLifecycle.Sqlite;

/// <summary>A save of a batch whose expected version was stale.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="ExpectedVersion">The version the save expected.</param>
/// <param name="CurrentVersion">The version stored (0 when the customer has no record).</param>
public readonly record struct LifecycleBatchConflict(CustomerId Customer, long ExpectedVersion, long CurrentVersion);
