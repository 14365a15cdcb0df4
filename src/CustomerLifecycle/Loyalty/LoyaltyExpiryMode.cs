namespace CustomerLifecycle.Loyalty;

/// <summary>How a lot's points come to expire.</summary>
public enum LoyaltyExpiryMode
{
    /// <summary>Each lot lasts <see cref="LoyaltyOptions.LifetimeMonths"/> calendar months from its earn, whatever the member does meanwhile.</summary>
    FixedLifetime,

    /// <summary>Every point the member holds expires <see cref="LoyaltyOptions.LifetimeMonths"/> calendar months after their last
    /// activity: an earn (purchase or activity) or a redemption. Refunds, reversals and adjustments are not activity.</summary>
    Rolling,

    /// <summary>Points earned in a calendar period (<see cref="LoyaltyOptions.ExpiryPeriod"/>) expire together when the
    /// <see cref="LoyaltyOptions.ExpiryPeriodsAfter"/>-th period after it ends, at local midnight in the policy's zone.</summary>
    EndOfPeriod,
}
