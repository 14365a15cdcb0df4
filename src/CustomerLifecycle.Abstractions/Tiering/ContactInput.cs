using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>What contact planning looks at for one customer.</summary>
/// <param name="Tier">The index of the customer's tier (e.g. <see cref="TierAssignment.Tier"/>).</param>
/// <param name="LastContact">When the customer was last contacted, or <see langword="null"/> when never.</param>
/// <param name="TimeZoneId">The customer's IANA time zone id (e.g. <c>"Europe/Berlin"</c>) for local dates, or <see langword="null"/> for UTC.</param>
/// <param name="Birthday">The contact's birthday (the year is ignored), or <see langword="null"/>.</param>
/// <param name="CompanyAnniversary">The date the partnership started (its anniversary is a key moment), or <see langword="null"/>.</param>
/// <param name="ProductUpdate">Whether a product update relevant to the customer is out.</param>
/// <param name="Anomaly">Whether the host detected an anomaly (usage drop, failed payment, unusual activity).</param>
public readonly record struct ContactInput(
    int Tier,
    Instant? LastContact = null,
    string? TimeZoneId = null,
    LocalDate? Birthday = null,
    LocalDate? CompanyAnniversary = null,
    bool ProductUpdate = false,
    bool Anomaly = false);
