namespace CustomerLifecycle.Feedback;

/// <summary>How one SLA target fared in a week: clocks met (stopped in the week on time) and breached (deadline passed in the week).</summary>
/// <param name="Kind">The target.</param>
/// <param name="Met">Clocks that stopped in the week on or before their deadline.</param>
/// <param name="Breached">Clocks whose deadline passed in the week before they stopped.</param>
public sealed record SlaAttainment(SlaTargetKind Kind, int Met, int Breached)
{
    /// <summary>Gets <c>Met / (Met + Breached)</c>, or <see langword="null"/> when no clock was decided in the week.</summary>
    public double? Rate => Met + Breached == 0 ? null : (double)Met / (Met + Breached);
}
