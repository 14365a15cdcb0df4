namespace CustomerLifecycle.Profile;

/// <summary>The port through which customer profiles are persisted, by customer; the host implements it over its own database.</summary>
/// <remarks>The verbs and their optimistic concurrency are those of every store port (<see cref="IRecordStore{TKey, TRecord}"/>),
/// with the batch verbs of <see cref="IRecordBatchStore{TKey, TRecord}"/>: a population is loaded and saved a chunk at a time,
/// each save all or nothing. A store should persist <see cref="ProfileRecord.SchemaVersion"/> with each profile.</remarks>
public interface IProfileStore : IRecordBatchStore<CustomerId, ProfileRecord>;
