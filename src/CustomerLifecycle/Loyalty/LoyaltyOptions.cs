namespace CustomerLifecycle.Loyalty;

/// <summary>The loyalty policy: how purchases and activities earn points, caps, holding period, lifetime and the reward catalogue.</summary>
public sealed class LoyaltyOptions
{
    /// <summary>Gets or sets the IANA time zone whose calendar days, months and years the caps count in, and in which a lot's lifetime in months is added.</summary>
    /// <value>The default value is <c>"UTC"</c>.</value>
    public string TimeZoneId { get; set; } = LoyaltyDefaults.TimeZoneId;

    /// <summary>Gets or sets the points a purchase earns per currency unit spent, before the category multiplier and rounding; positive.</summary>
    /// <value>The default value is 1.</value>
    public decimal PointsPerUnit { get; set; } = LoyaltyDefaults.PointsPerUnit;

    /// <summary>Gets or sets how a purchase's fractional points are rounded.</summary>
    /// <value>The default value is <see cref="LoyaltyRounding.Floor"/>.</value>
    public LoyaltyRounding Rounding { get; set; } = LoyaltyDefaults.Rounding;

    /// <summary>Gets or sets the least amount a purchase must reach to earn anything; 0 or more.</summary>
    /// <value>The default value is 0.</value>
    public decimal MinimumSpend { get; set; } = LoyaltyDefaults.MinimumSpend;

    /// <summary>Gets or sets the categories whose purchases earn nothing, compared case-insensitively.</summary>
    /// <value>The default value is an empty list.</value>
    public List<string> ExcludedCategories { get; set; } = [];

    /// <summary>Gets or sets the multiplier of each category's purchases (e.g. <c>"books": 2</c>), compared case-insensitively; positive. Categories not listed earn × 1.</summary>
    /// <value>The default value is an empty dictionary.</value>
    public Dictionary<string, decimal> CategoryMultipliers { get; set; } = [];

    /// <summary>Gets or sets the campaigns: multipliers on the earns of a time window (see <see cref="LoyaltyCampaignOptions"/>).</summary>
    /// <value>The default value is an empty list.</value>
    public List<LoyaltyCampaignOptions> Campaigns { get; set; } = [];

    /// <summary>Gets or sets the points an answered survey earns; 0 or more.</summary>
    /// <value>The default value is 50.</value>
    public long SurveyAnsweredPoints { get; set; } = LoyaltyDefaults.SurveyAnsweredPoints;

    /// <summary>Gets or sets the points a converted referral earns; 0 or more.</summary>
    /// <value>The default value is 500.</value>
    public long ReferralConvertedPoints { get; set; } = LoyaltyDefaults.ReferralConvertedPoints;

    /// <summary>Gets or sets the points a written review earns; 0 or more.</summary>
    /// <value>The default value is 100.</value>
    public long ReviewWrittenPoints { get; set; } = LoyaltyDefaults.ReviewWrittenPoints;

    /// <summary>Gets or sets how many consecutive calendar days (in <see cref="TimeZoneId"/>) of logins earn <see cref="LoginStreakPoints"/>
    /// (2–365), or 0 for no login streak (logins are then refused); after a streak is rewarded the next one starts afresh.</summary>
    /// <value>The default value is 0 (no login streak).</value>
    public int LoginStreakDays { get; set; }

    /// <summary>Gets or sets the points a completed login streak earns; 0 or more.</summary>
    /// <value>The default value is 0.</value>
    public long LoginStreakPoints { get; set; }

    /// <summary>Gets or sets the most points a member earns (purchases and activities) in one calendar day, or null for no cap; positive.</summary>
    /// <value>The default value is null (no cap).</value>
    public long? DailyCap { get; set; }

    /// <summary>Gets or sets the most points a member earns in one calendar month, or null for no cap; positive.</summary>
    /// <value>The default value is null (no cap).</value>
    public long? MonthlyCap { get; set; }

    /// <summary>Gets or sets the most points a member earns in one calendar year, or null for no cap; positive.</summary>
    /// <value>The default value is null (no cap).</value>
    public long? YearlyCap { get; set; }

    /// <summary>Gets or sets how long, in days of 24 hours, a purchase's points stay pending before they can be spent (0–365); a refund inside it cancels them.</summary>
    /// <value>The default value is 14.</value>
    public int HoldingDays { get; set; } = LoyaltyDefaults.HoldingDays;

    /// <summary>Gets or sets how lots expire: a fixed lifetime per lot, rolling with the member's activity, or at the end of a calendar period.</summary>
    /// <value>The default value is <see cref="LoyaltyExpiryMode.FixedLifetime"/>.</value>
    public LoyaltyExpiryMode ExpiryMode { get; set; } = LoyaltyDefaults.ExpiryMode;

    /// <summary>Gets or sets how long, in calendar months (1–120), points last: from the lot's earn (<see cref="LoyaltyExpiryMode.FixedLifetime"/>)
    /// or from the member's last earn or redemption (<see cref="LoyaltyExpiryMode.Rolling"/>); longer than the holding period. Unused by
    /// <see cref="LoyaltyExpiryMode.EndOfPeriod"/>.</summary>
    /// <value>The default value is 12.</value>
    public int LifetimeMonths { get; set; } = LoyaltyDefaults.LifetimeMonths;

    /// <summary>Gets or sets the calendar period of <see cref="LoyaltyExpiryMode.EndOfPeriod"/> expiry.</summary>
    /// <value>The default value is <see cref="LoyaltyExpiryPeriod.CalendarYear"/>.</value>
    public LoyaltyExpiryPeriod ExpiryPeriod { get; set; } = LoyaltyDefaults.ExpiryPeriod;

    /// <summary>Gets or sets, for <see cref="LoyaltyExpiryMode.EndOfPeriod"/> expiry, how many periods (0–10) after the one a lot was
    /// earned in it lasts: 0 ends with its own period, 1 with the next (points of 2026 expire when 2027 ends).</summary>
    /// <value>The default value is 1.</value>
    public int ExpiryPeriodsAfter { get; set; } = LoyaltyDefaults.ExpiryPeriodsAfter;

    /// <summary>Gets or sets the window, in days, of <see cref="LoyaltyBalance.ExpiringSoon"/> (0–365).</summary>
    /// <value>The default value is 30.</value>
    public int ExpiryWarningDays { get; set; } = LoyaltyDefaults.ExpiryWarningDays;

    /// <summary>Gets or sets how many days before the ledger's latest entry a command may be dated (0–365); 0 refuses any command older than the latest entry.</summary>
    /// <value>The default value is 0.</value>
    public int MaxBackdatingDays { get; set; } = LoyaltyDefaults.MaxBackdatingDays;

    /// <summary>Gets or sets a value indicating whether a refund may take back points already spent, leaving a debt (a negative available balance); when false the part it cannot take is reported as the outcome's shortfall.</summary>
    /// <value>The default value is false.</value>
    public bool AllowNegativeBalance { get; set; } = LoyaltyDefaults.AllowNegativeBalance;

    /// <summary>Gets or sets the money one point stands for, for <see cref="LoyaltyBalance.Value"/>; 0 or more.</summary>
    /// <value>The default value is 0.1 (1,000 points buy the default 100-unit gift card).</value>
    public decimal PointValue { get; set; } = LoyaltyDefaults.PointValue;

    /// <summary>Gets or sets the member tiers, lowest first; the first is the one every member starts in. Empty for no tiers.</summary>
    /// <value>The default value is an empty list.</value>
    public List<LoyaltyTierOptions> Tiers { get; set; } = [];

    /// <summary>Gets or sets the tiers' qualification window.</summary>
    /// <value>The default value is <see cref="LoyaltyTierWindow.CalendarYear"/>.</value>
    public LoyaltyTierWindow TierWindow { get; set; } = LoyaltyDefaults.TierWindow;

    /// <summary>Gets or sets how many days (0–180) after a review that found a member short a drop takes effect; qualifying again meanwhile cancels it.</summary>
    /// <value>The default value is 0 (the drop is at the review).</value>
    public int TierGraceDays { get; set; } = LoyaltyDefaults.TierGraceDays;

    /// <summary>Gets or sets a value indicating whether a member found short at a review drops one tier at most (soft landing), rather than to the tier their activity qualifies for.</summary>
    /// <value>The default value is true.</value>
    public bool TierSoftLanding { get; set; } = LoyaltyDefaults.TierSoftLanding;

    /// <summary>Gets or sets the reward catalogue.</summary>
    /// <value>The default value is one reward, <see cref="LoyaltyDefaults.GiftCardRewardId"/>: a 100-unit gift card for 1,000 points.</value>
    public List<LoyaltyRewardOptions> Rewards { get; set; } = LoyaltyDefaults.Rewards();
}
