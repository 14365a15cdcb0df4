namespace CustomerLifecycle.Feedback;

/// <summary>What happened to a feedback item; each kind is a move in the workflow or a mark on its SLA clocks.</summary>
public enum FeedbackEventKind
{
    /// <summary>Sets the category (value: the category name). Collected → Classified.</summary>
    Classify,

    /// <summary>Sets the priority (value: the priority name). Classified → Prioritised.</summary>
    Prioritise,

    /// <summary>Hands the item to a team (value: the team). Prioritised, Assigned, In progress or Reopened → Assigned.</summary>
    Assign,

    /// <summary>Work starts. Assigned or Reopened → In progress.</summary>
    Start,

    /// <summary>The customer was told the item was received; stops the acknowledge clock. Any state before Closed.</summary>
    Acknowledge,

    /// <summary>The first substantive reply; stops the acknowledge and first-response clocks. Any state before Closed.</summary>
    Respond,

    /// <summary>Pauses the running clocks (value: why, e.g. waiting on the customer). Any open state before Resolved.</summary>
    Pause,

    /// <summary>Resumes the paused clocks.</summary>
    Resume,

    /// <summary>Solved; stops the resolution clock and starts the follow-up clock. Assigned or In progress → Resolved.</summary>
    Resolve,

    /// <summary>The customer was told the outcome; stops the follow-up clock. Resolved → Customer notified.</summary>
    NotifyCustomer,

    /// <summary>The customer confirmed they are satisfied. Customer notified → Closed.</summary>
    Confirm,

    /// <summary>The customer was not satisfied. Resolved or Customer notified → Reopened.</summary>
    Reopen,
}
