namespace CustomerLifecycle.Loyalty;

/// <summary>The default loyalty policy (docs/loyalty.md), in one place.</summary>
public static class LoyaltyDefaults
{
    /// <summary>The id of the default catalogue's one reward: a gift card worth 100 currency units for 1,000 points.</summary>
    public const string GiftCardRewardId = "gift-card-100";

    internal const string TimeZoneId = "UTC";
    internal const decimal PointsPerUnit = 1m;
    internal const LoyaltyRounding Rounding = LoyaltyRounding.Floor;
    internal const decimal MinimumSpend = 0m;
    internal const int SurveyAnsweredPoints = 50;
    internal const int ReferralConvertedPoints = 500;
    internal const int ReviewWrittenPoints = 100;
    internal const int HoldingDays = 14;
    internal const LoyaltyExpiryMode ExpiryMode = LoyaltyExpiryMode.FixedLifetime;
    internal const int LifetimeMonths = 12;
    internal const LoyaltyExpiryPeriod ExpiryPeriod = LoyaltyExpiryPeriod.CalendarYear;
    internal const int ExpiryPeriodsAfter = 1;
    internal const int ExpiryWarningDays = 30;
    internal const int MaxBackdatingDays = 0;
    internal const bool AllowNegativeBalance = false;
    internal const decimal PointValue = 0.1m;
    internal const int GiftCardPoints = 1000;
    internal const LoyaltyTierWindow TierWindow = LoyaltyTierWindow.CalendarYear;
    internal const int TierGraceDays = 0;
    internal const bool TierSoftLanding = true;

    internal static List<LoyaltyRewardOptions> Rewards() => [new() { Id = GiftCardRewardId, Name = "Gift card (100)", Points = GiftCardPoints }];
}
