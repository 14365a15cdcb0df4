namespace CustomerLifecycle;

/// <summary>How a service (<c>LifecycleService</c>, <c>FeedbackService</c>) retries a save that lost a version race.</summary>
/// <remarks>Every service reloads the record and applies the command again; an event already applied by another writer is
/// recognised, so a retry never applies anything twice. When every attempt loses, the service throws
/// <see cref="StoreConflictException"/> and saves nothing.</remarks>
public sealed class RetryOptions
{
    /// <summary>Gets or sets how many times load → apply → save is attempted before a conflict is given up on (1–100).</summary>
    /// <value>The default value is 10.</value>
    public int MaxAttempts { get; set; } = RetryDefaults.MaxAttempts;
}
