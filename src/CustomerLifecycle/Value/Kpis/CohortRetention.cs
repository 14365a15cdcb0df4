namespace CustomerLifecycle.Value.Kpis;

/// <summary>A cohort's retention curve and its period-by-period retention and churn.</summary>
/// <param name="Curve">Share of the cohort still active at each period: active[k] / active[0]; Curve[0] is 1.</param>
/// <param name="PeriodRetention">For each period k ≥ 1, retention from period k − 1: active[k] / active[k − 1] against the retention target (NaN when active[k − 1] is 0, which then does not meet the target).</param>
/// <param name="PeriodChurn">For each period k ≥ 1, churn from period k − 1: 1 − retention, against the churn target.</param>
public sealed record CohortRetention(IReadOnlyList<double> Curve, IReadOnlyList<KpiResult> PeriodRetention, IReadOnlyList<KpiResult> PeriodChurn);
