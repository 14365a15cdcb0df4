namespace CustomerLifecycle.Profile;

/// <summary>What happened to a fact applied to a profile.</summary>
public enum ProfileOutcomeStatus
{
    /// <summary>The fact was folded into the profile.</summary>
    Applied,

    /// <summary>The profile had already seen the fact's id; nothing changed.</summary>
    Duplicate,

    /// <summary>The fact is older than the latest fact the profile has seen; nothing changed. Fold the whole history with <c>Replay</c> instead.</summary>
    Late,

    /// <summary>The fact cannot be applied (another customer's, a refund of an unknown order, a command the lifecycle refuses, …); nothing changed.</summary>
    Rejected,
}
