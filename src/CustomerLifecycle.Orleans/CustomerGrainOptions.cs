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
    /// <value>The default value is 1 day. At least 1 second, and in a silo at least its reminder service's minimum period
    /// (Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>, 1 minute by default), since it is the reminders' period.</value>
    public TimeSpan MaxReminderWait { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets what separates a tenant from the customer in a customer id's value (with <c>"/"</c>, the
    /// customer <c>"acme/c-42"</c> belongs to tenant <c>"acme"</c>), or null when customer ids carry no tenant. A tenant's
    /// customers use the tenant's policy when the silo has one
    /// (<see cref="Hosting.CustomerLifecycleSiloBuilderExtensions.AddCustomerLifecycleTenant"/>), the cluster's otherwise,
    /// and are counted in the tenant's own stage counts.</summary>
    /// <value>The default value is null.</value>
    public string? TenantSeparator { get; set; }

    /// <summary>Gets or sets how often the stage counts are saved when they changed.</summary>
    /// <value>The default value is 5 seconds. At least 1 millisecond.</value>
    public TimeSpan StageCountsSaveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long each silo gathers the stage moves of its customers before sending them to the stage
    /// counts as one batch of changes, or <see cref="TimeSpan.Zero"/> to send every move as it happens.</summary>
    /// <remarks>One stage-counts grain receives every move of its tenant: gathering them per silo turns thousands of calls a
    /// second into one per silo per interval, at the cost of counts that lag the customers by up to this long (and a silo
    /// lost with moves gathered loses them from the counts, never from the customers' records).</remarks>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>: every move is counted before the customer's call returns. Not negative.</value>
    public TimeSpan StageCountsBatchInterval { get; set; }
}
