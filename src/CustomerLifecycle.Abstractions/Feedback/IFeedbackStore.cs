namespace CustomerLifecycle.Feedback;

/// <summary>The port through which feedback records are persisted, by item id; the host implements it over its own database.</summary>
/// <remarks>The verbs and their optimistic concurrency are those of every store port (<see cref="IRecordStore{TKey, TRecord}"/>);
/// the key is <see cref="FeedbackItem.Id"/>, compared exactly (ordinal, case-sensitive).</remarks>
public interface IFeedbackStore : IRecordStore<string, FeedbackRecord>;
