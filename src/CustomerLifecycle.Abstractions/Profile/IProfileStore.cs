namespace CustomerLifecycle.Profile;

/// <summary>The port through which customer profiles are persisted, by customer; the host implements it over its own database.</summary>
/// <remarks>The verbs and their optimistic concurrency are those of every store port (<see cref="IRecordStore{TKey, TRecord}"/>).
/// A store should persist <see cref="ProfileRecord.SchemaVersion"/> with each profile.</remarks>
public interface IProfileStore : IRecordStore<CustomerId, ProfileRecord>;
