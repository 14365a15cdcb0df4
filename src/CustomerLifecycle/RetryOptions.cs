namespace CustomerLifecycle;

/// <summary>How a service (<c>LifecycleService</c>, <c>FeedbackService</c>, <c>LoyaltyService</c>) retries a save that lost a version race.</summary>
/// <remarks>A lost race saved nothing, so the service reloads the record and applies the command to what the other writer
/// saved: within the service nothing is applied twice. (Whether a command the host delivers twice is recognised depends
/// on the component: lifecycle events and loyalty commands carry ids and are reported as duplicates; a feedback event
/// has none.) When every attempt loses, the service throws <see cref="StoreConflictException"/> and saves nothing.</remarks>
public sealed class RetryOptions
{
    /// <summary>Gets or sets how many times load → apply → save is attempted before a conflict is given up on (1–100).</summary>
    /// <value>The default value is 10.</value>
    public int MaxAttempts { get; set; } = RetryDefaults.MaxAttempts;
}
