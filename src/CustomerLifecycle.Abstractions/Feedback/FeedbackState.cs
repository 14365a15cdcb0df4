namespace CustomerLifecycle.Feedback;

/// <summary>Where a feedback item stands in the closed loop.</summary>
public enum FeedbackState
{
    /// <summary>Collected, not yet classified.</summary>
    Collected,

    /// <summary>Its category is known.</summary>
    Classified,

    /// <summary>Its priority is known.</summary>
    Prioritised,

    /// <summary>An owning team has it.</summary>
    Assigned,

    /// <summary>Work on it has started.</summary>
    InProgress,

    /// <summary>Solved; the customer has not been told yet.</summary>
    Resolved,

    /// <summary>The customer has been told the outcome and asked whether they are satisfied.</summary>
    CustomerNotified,

    /// <summary>The customer confirmed; the loop is closed.</summary>
    Closed,

    /// <summary>The customer was not satisfied; it needs work again.</summary>
    Reopened,
}
