namespace CustomerLifecycle.Feedback;

/// <summary>Where the host keeps feedback records, with optimistic concurrency.</summary>
public interface IFeedbackStore
{
    /// <summary>Loads a record by its item id.</summary>
    /// <param name="feedbackId">The item id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record, or <see langword="null"/> when there is none.</returns>
    ValueTask<FeedbackRecord?> FindAsync(string feedbackId, CancellationToken cancellationToken = default);

    /// <summary>Saves a record if the stored version is still <paramref name="expectedVersion"/> (0: no record stored yet).</summary>
    /// <param name="record">The record to store, whose <see cref="FeedbackRecord.Version"/> is <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The version the caller loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when saved; <see langword="false"/> when another writer got there first.</returns>
    ValueTask<bool> TrySaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default);
}
