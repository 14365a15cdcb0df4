namespace CustomerLifecycle.Lifecycle;

/// <summary>The tests a rule's condition can make of a customer's record at an instant.</summary>
public enum ConditionKind
{
    /// <summary>At least <see cref="ConditionOptions.Months"/> calendar months since the first purchase.</summary>
    MonthsSinceFirstPurchaseAtLeast,

    /// <summary>Some activity within the last <see cref="ConditionOptions.Days"/> days.</summary>
    ActivityWithinDays,

    /// <summary>No activity for at least <see cref="ConditionOptions.Days"/> days (counted from the record's start when there was never any).</summary>
    NoActivityForDays,

    /// <summary>At least <see cref="ConditionOptions.Count"/> purchases within the last <see cref="ConditionOptions.Months"/> months.</summary>
    PurchasesInMonthsAtLeast,

    /// <summary>A referral recorded; within the last <see cref="ConditionOptions.Months"/> months when that is set.</summary>
    HasReferral,

    /// <summary>The latest NPS answer is at least <see cref="ConditionOptions.Score"/>.</summary>
    LatestNpsAtLeast,

    /// <summary>The latest health band is <see cref="ConditionOptions.Band"/> (or none was reported and <see cref="ConditionOptions.MatchWhenUnknown"/> is set).</summary>
    HealthBandIs,

    /// <summary>Activity over the last <see cref="ConditionOptions.Months"/> complete months is below <see cref="ConditionOptions.Ratio"/> of the same span before it.</summary>
    ActivityRatioBelow,

    /// <summary>Activity over the last <see cref="ConditionOptions.Months"/> complete months is at least <see cref="ConditionOptions.Ratio"/> of the level when the decline began.</summary>
    ActivityRecovered,

    /// <summary>At least <see cref="ConditionOptions.Months"/> calendar months since the customer was reactivated.</summary>
    MonthsSinceReactivationAtLeast,

    /// <summary>At least one of <see cref="ConditionOptions.AnyOf"/> holds.</summary>
    Any,
}
