namespace CustomerLifecycle.Loyalty;

/// <summary>Where a lot's remaining points stand at an instant.</summary>
public enum LoyaltyLotState
{
    /// <summary>In its holding period: not yet spendable.</summary>
    Pending,

    /// <summary>Spendable.</summary>
    Available,

    /// <summary>Past its expiry: the remaining points are lost.</summary>
    Expired,
}
