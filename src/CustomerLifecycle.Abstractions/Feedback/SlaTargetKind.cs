namespace CustomerLifecycle.Feedback;

/// <summary>The four SLA clocks of a feedback item.</summary>
public enum SlaTargetKind
{
    /// <summary>From submission until the customer is told the item was received (Acknowledge, Respond, Resolve or NotifyCustomer).</summary>
    Acknowledge,

    /// <summary>From submission until the first substantive reply (Respond, Resolve or NotifyCustomer).</summary>
    FirstResponse,

    /// <summary>From submission until Resolve; time between a Resolve and a Reopen does not count.</summary>
    Resolution,

    /// <summary>From the latest Resolve until NotifyCustomer.</summary>
    FollowUp,
}
