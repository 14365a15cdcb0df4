namespace CustomerLifecycle.Lifecycle;

/// <summary>What happened to a customer, as the host reports it to the lifecycle engine.</summary>
public enum LifecycleEventKind
{
    /// <summary>A contact or interaction was recorded (a call, a meeting, a reply to a campaign).</summary>
    Contact,

    /// <summary>The customer bought something. Counts as activity.</summary>
    Purchase,

    /// <summary>A login, a feature used or another usage event. Counts as activity.</summary>
    Activity,

    /// <summary>The customer referred someone.</summary>
    Referral,

    /// <summary>The customer answered the NPS question; <see cref="LifecycleEvent.Score"/> holds the 0–10 answer.</summary>
    NpsAnswer,

    /// <summary>The customer's health band changed; <see cref="LifecycleEvent.HealthBand"/> holds the band's name.</summary>
    HealthBandChanged,

    /// <summary>The customer cancelled. A command: rejected where no rule handles it.</summary>
    Cancellation,

    /// <summary>The host disqualified a prospect (outside the ideal profile). A command: rejected where no rule handles it.</summary>
    Disqualification,

    /// <summary>The host closed the relationship gracefully. A command: rejected where no rule handles it.</summary>
    Closure,

    /// <summary>A host-defined event; <see cref="LifecycleEvent.Name"/> names it and rules refer to that name.</summary>
    Custom,
}
