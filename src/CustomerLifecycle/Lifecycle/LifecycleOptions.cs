namespace CustomerLifecycle.Lifecycle;

/// <summary>The lifecycle policy: stages, the rules between them, playbooks and automation triggers. Policy as data.</summary>
/// <remarks>
/// A new instance holds the default policy (see <see cref="LifecycleDefaults"/> and docs/lifecycle.md): Prospect, Engaged,
/// Onboarding, Growing, Mature, Loyal, Declining, Churned, Reactivated, Disqualified and Exited. Rename stages, add your
/// own and change every rule; <see cref="LifecycleOptionsValidator"/> checks the result. Round-trips through
/// <c>CustomerLifecycle.Serialization.PolicyJson</c>.
/// </remarks>
public sealed class LifecycleOptions
{
    /// <summary>Gets or sets the stage a new record starts in.</summary>
    /// <value>The default value is <c>"Prospect"</c>.</value>
    public string InitialStage { get; set; } = LifecycleDefaults.InitialStage;

    /// <summary>Gets or sets the IANA time zone in which months and business days are counted.</summary>
    /// <value>The default value is <c>"UTC"</c>.</value>
    public string TimeZoneId { get; set; } = LifecycleDefaults.TimeZoneId;

    /// <summary>Gets or sets the working days that playbook business days count.</summary>
    /// <value>The default value is Monday to Friday.</value>
    public List<DayOfWeek> WorkingDays { get; set; } = [.. LifecycleDefaults.WorkingDays];

    /// <summary>Gets or sets the holidays as local dates, <c>yyyy-MM-dd</c>; playbook business days skip them.</summary>
    /// <value>The default value is an empty list.</value>
    /// <remarks>The dates are local to <see cref="TimeZoneId"/>. Unlike <see cref="Calendars.BusinessCalendarOptions"/>, the
    /// policy covers no fixed range of years, so a holiday may be any date.</remarks>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Gets or sets how many of the latest event ids are checked to detect duplicates (1–1024).</summary>
    /// <value>The default value is 32.</value>
    /// <remarks>
    /// <para>An event older than the record's latest is reported late whatever its id, so the window only needs to cover
    /// events that share the latest instant or arrive again soon after.</para>
    /// <para>A record written under this window shows the ids of its last window of events (all of them while there are
    /// fewer) in <see cref="LifecycleRecord.RecentEventIds"/>.</para>
    /// </remarks>
    public int DuplicateWindow { get; set; } = LifecycleDefaults.DuplicateWindow;

    /// <summary>Gets or sets the stages.</summary>
    /// <value>The default value is the eleven stages of the default policy (docs/lifecycle.md).</value>
    public List<StageOptions> Stages { get; set; } = LifecycleDefaults.Stages();

    /// <summary>Gets or sets the transition rules, in priority order.</summary>
    /// <value>The default value is the default rules (docs/lifecycle.md).</value>
    public List<TransitionRuleOptions> Rules { get; set; } = LifecycleDefaults.Rules();

    /// <summary>Gets or sets the automation triggers.</summary>
    /// <value>The default value is one trigger: no activity for 30 days in an active stage → a reminder.</value>
    public List<AutomationTriggerOptions> Triggers { get; set; } = LifecycleDefaults.Triggers();
}
