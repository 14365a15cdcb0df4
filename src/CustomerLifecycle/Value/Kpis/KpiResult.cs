namespace CustomerLifecycle.Value.Kpis;

/// <summary>A KPI value compared with its target.</summary>
/// <param name="Code">The KPI's stable code, e.g. <c>"kpi.nps"</c>.</param>
/// <param name="Value">The KPI value.</param>
/// <param name="Target">The target it is compared with.</param>
/// <param name="HigherIsBetter">Whether the target is a minimum (true) or a maximum (false, e.g. churn, resolution time).</param>
public readonly record struct KpiResult(string Code, double Value, double Target, bool HigherIsBetter)
{
    /// <summary>Gets a value indicating whether the value meets the target (at least it when higher is better, at most it otherwise).</summary>
    public bool TargetMet => HigherIsBetter ? Value >= Target : Value <= Target;
}
