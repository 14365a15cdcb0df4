namespace CustomerLifecycle.Lifecycle;

/// <summary>What a stage means to the engine, whatever the host calls it.</summary>
public enum StageKind
{
    /// <summary>Before the first purchase (Prospect, Engaged).</summary>
    Prospect,

    /// <summary>An active customer (Onboarding, Growing, Mature, Loyal).</summary>
    Active,

    /// <summary>Activity or health is falling; entering it records the activity baseline recovery is measured against.</summary>
    Declining,

    /// <summary>No business any more (cancelled, or inactive too long).</summary>
    Churned,

    /// <summary>Won back; entering it records the reactivation instant.</summary>
    Reactivated,

    /// <summary>Terminal: the relationship is over (Disqualified, Exited). A closed stage has no outgoing rules.</summary>
    Closed,
}
