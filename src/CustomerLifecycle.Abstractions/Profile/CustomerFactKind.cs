namespace CustomerLifecycle.Profile;

/// <summary>What a <see cref="CustomerFact"/> records.</summary>
public enum CustomerFactKind
{
    /// <summary>The customer bought: an order id and an amount. Derives a lifecycle <c>Purchase</c>.</summary>
    Purchase,

    /// <summary>Part or all of an earlier order was refunded: the order id and the amount.</summary>
    Refund,

    /// <summary>The customer logged in. Derives a lifecycle <c>Activity</c>.</summary>
    Login,

    /// <summary>The customer used a feature: the feature and a quantity. Derives a lifecycle <c>Activity</c>.</summary>
    FeatureUsage,

    /// <summary>A contact or interaction was recorded: the channel. Derives a lifecycle <c>Contact</c>.</summary>
    Contact,

    /// <summary>The customer answered the NPS question: a score 0–10. Derives a lifecycle <c>NpsAnswer</c>.</summary>
    NpsAnswer,

    /// <summary>The customer answered a CSAT survey: a score 1–5.</summary>
    CsatAnswer,

    /// <summary>A support ticket was opened: the ticket id.</summary>
    TicketOpened,

    /// <summary>A support ticket was resolved: the ticket id.</summary>
    TicketResolved,

    /// <summary>A complaint was opened: the ticket id.</summary>
    ComplaintOpened,

    /// <summary>A complaint was resolved: the ticket id.</summary>
    ComplaintResolved,

    /// <summary>An invoice was issued: the invoice id and when it is due.</summary>
    PaymentDue,

    /// <summary>An invoice was paid: the invoice id.</summary>
    PaymentMade,

    /// <summary>The customer referred someone. Derives a lifecycle <c>Referral</c>.</summary>
    Referral,

    /// <summary>The customer cancelled. Derives a lifecycle <c>Cancellation</c> (a command: rejected where no rule handles it).</summary>
    Cancellation,

    /// <summary>The host set the customer's attributes (industry, size, region, ideal-profile flags).</summary>
    AttributesSet,
}
