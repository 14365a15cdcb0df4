namespace CustomerLifecycle.Feedback;

/// <summary>A thread-safe in-memory <see cref="IFeedbackStore"/>, for tests, samples and single-process hosts.</summary>
public sealed class InMemoryFeedbackStore : InMemoryRecordStore<string, FeedbackRecord>, IFeedbackStore
{
    /// <summary>Creates an empty store.</summary>
    public InMemoryFeedbackStore()
        : base(StringComparer.Ordinal)
    {
    }

    private protected override string KeyOf(FeedbackRecord record) => record.Item.Id;

    private protected override void ThrowIfInvalidKey(string key) => ArgumentException.ThrowIfNullOrWhiteSpace(key);
}
