namespace CustomerLifecycle.Value;

/// <summary>The unit in which recency, T and horizons are measured. Purchases are always grouped by calendar day.</summary>
public enum ValueTimeUnit
{
    /// <summary>Days.</summary>
    Days,

    /// <summary>Weeks of 7 days (the unit of the CLV literature: a week is days / 7, not a calendar week).</summary>
    Weeks,
}
