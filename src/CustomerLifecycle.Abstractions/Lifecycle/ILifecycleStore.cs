namespace CustomerLifecycle.Lifecycle;

/// <summary>The port through which lifecycle records are persisted, by customer; the host implements it over its own database.</summary>
/// <remarks>The verbs and their optimistic concurrency are those of every store port (<see cref="IRecordStore{TKey, TRecord}"/>).
/// A store should persist <see cref="LifecycleRecord.SchemaVersion"/> with each record.</remarks>
public interface ILifecycleStore : IRecordStore<CustomerId, LifecycleRecord>;
