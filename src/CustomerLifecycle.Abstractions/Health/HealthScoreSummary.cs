using System.Runtime.InteropServices;

namespace CustomerLifecycle.Health;

/// <summary>The compact result of batch scoring for one customer: status, score, band and coverage.</summary>
/// <remarks>
/// When <see cref="Status"/> is not <see cref="HealthStatus.Scored"/>, <see cref="Score"/> and <see cref="Coverage"/> are 0 and
/// <see cref="BandIndex"/> is -1. Band indexes follow the order of the configured bands (by default 0 = Healthy, 1 = Warning,
/// 2 = AtRisk); the engine's <c>BandName(int)</c> turns an index into its name.
/// </remarks>
/// <param name="Status">Whether the customer could be scored.</param>
/// <param name="Score">The computed score, within [0, 100].</param>
/// <param name="BandIndex">The index of the score's band, or -1 when not scored.</param>
/// <param name="Coverage">The share of the weight, within [0, 1], that had data.</param>
// Auto layout packs the two doubles and the two ints into 24 bytes instead of 32: a batch writes one per customer.
[StructLayout(LayoutKind.Auto)]
public readonly record struct HealthScoreSummary(HealthStatus Status, double Score, int BandIndex, double Coverage);
