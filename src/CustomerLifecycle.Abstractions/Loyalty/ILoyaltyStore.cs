namespace CustomerLifecycle.Loyalty;

/// <summary>The port through which loyalty accounts are persisted, by member; the host implements it over its own database.</summary>
/// <remarks>The verbs and their optimistic concurrency are those of every store port (<see cref="IRecordStore{TKey, TRecord}"/>).</remarks>
public interface ILoyaltyStore : IRecordStore<CustomerId, LoyaltyRecord>;
