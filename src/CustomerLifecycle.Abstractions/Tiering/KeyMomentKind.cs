namespace CustomerLifecycle.Tiering;

/// <summary>A reason to contact a customer beyond the cadence.</summary>
public enum KeyMomentKind
{
    /// <summary>The contact's birthday.</summary>
    Birthday,

    /// <summary>The anniversary of the partnership.</summary>
    CompanyAnniversary,

    /// <summary>A product update relevant to the customer.</summary>
    ProductUpdate,

    /// <summary>An anomaly the host detected.</summary>
    Anomaly,
}
