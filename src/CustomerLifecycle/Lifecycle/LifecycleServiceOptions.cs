namespace CustomerLifecycle.Lifecycle;

/// <summary>How <see cref="LifecycleService"/> retries a save that lost a version race.</summary>
public sealed class LifecycleServiceOptions
{
    /// <summary>Gets or sets how many times load → apply → save is attempted before a conflict is given up on (1–100).</summary>
    /// <value>The default value is 10.</value>
    public int MaxAttempts { get; set; } = 10;
}
