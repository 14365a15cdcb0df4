namespace CustomerLifecycle.Value.Kpis;

/// <summary>The period a retention or churn rate covers, which picks its target.</summary>
public enum KpiPeriod
{
    /// <summary>A month.</summary>
    Monthly,

    /// <summary>A year.</summary>
    Yearly,
}
