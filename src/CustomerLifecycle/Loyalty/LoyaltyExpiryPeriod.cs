namespace CustomerLifecycle.Loyalty;

/// <summary>The calendar period of <see cref="LoyaltyExpiryMode.EndOfPeriod"/> expiry, in the policy's time zone.</summary>
public enum LoyaltyExpiryPeriod
{
    /// <summary>Calendar months.</summary>
    CalendarMonth,

    /// <summary>Calendar quarters: January–March, April–June, July–September, October–December.</summary>
    CalendarQuarter,

    /// <summary>Calendar years.</summary>
    CalendarYear,
}
