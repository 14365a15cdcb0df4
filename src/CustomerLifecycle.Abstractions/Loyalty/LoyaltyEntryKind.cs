namespace CustomerLifecycle.Loyalty;

/// <summary>What a ledger entry did to a member's points.</summary>
public enum LoyaltyEntryKind
{
    /// <summary>Points earned by a purchase or an activity; opens a lot.</summary>
    Earn,

    /// <summary>Points spent on a reward, taken from lots soonest-expiring first.</summary>
    Redeem,

    /// <summary>What was left of a lot when its lifetime ended.</summary>
    Expire,

    /// <summary>An earlier entry undone: a redemption reversed (points back to the same lots), or a purchase refunded (its points taken back).</summary>
    Reverse,

    /// <summary>A manual correction: a credit opens a lot, a debit takes points from lots soonest-expiring first.</summary>
    Adjust,

    /// <summary>A tier granted by hand until an instant (a status match); moves no points.</summary>
    StatusMatch,

    /// <summary>Points moved to another member, taken from lots soonest-expiring first.</summary>
    TransferOut,

    /// <summary>Points moved from another member; opens a lot, available at once.</summary>
    TransferIn,

    /// <summary>A day the member logged in, recorded to count a login streak; moves no points (the day that completes a streak is an Earn instead).</summary>
    Login,
}
