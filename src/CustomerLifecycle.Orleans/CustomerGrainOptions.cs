namespace CustomerLifecycle.Orleans;

/// <summary>How the customer grains use the cluster: where they keep state and how often they wake for time rules.</summary>
public sealed class CustomerGrainOptions
{
    /// <summary>The name of the grain storage provider the customer grains and the stage counts use; the host registers
    /// one under this name (e.g. <c>AddMemoryGrainStorage</c> or <c>AddAdoNetGrainStorage</c>).</summary>
    public const string StorageName = "CustomerLifecycle";

    /// <summary>Gets or sets the longest time a customer with a next check waits between two wake-ups: the reminder's period.
    /// A next check sooner than this is woken for at its instant; a later one is looked at again after this long, which also
    /// bounds how late a policy change reaches a customer's time rules.</summary>
    /// <value>The default value is 1 day. At least 1 second.</value>
    public TimeSpan MaxReminderWait { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets how often the stage counts are saved when they changed.</summary>
    /// <value>The default value is 5 seconds. At least 1 millisecond.</value>
    public TimeSpan StageCountsSaveInterval { get; set; } = TimeSpan.FromSeconds(5);
}
