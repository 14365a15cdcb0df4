namespace CustomerLifecycle.Loyalty;

/// <summary>The qualification window of member tiers, in the policy's time zone.</summary>
public enum LoyaltyTierWindow
{
    /// <summary>Calendar years: activity since 1 January qualifies, and every 1 January the year just ended is reviewed, so a tier reached in a year is held through the next.</summary>
    CalendarYear,

    /// <summary>Rolling 12 months: activity of the last 12 months qualifies, and 12 months after a tier is reached (then every 12 months) the activity since is reviewed.</summary>
    Rolling12Months,
}
