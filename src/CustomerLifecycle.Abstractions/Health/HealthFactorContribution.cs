using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>How one factor contributed to a health score.</summary>
/// <remarks>The <see cref="Points"/> of all factors of a result sum to its computed score.</remarks>
/// <param name="FactorId">The factor's id, e.g. <c>"login-frequency"</c>.</param>
/// <param name="State">What the engine did with the factor's value.</param>
/// <param name="RawValue">The value the host supplied (possibly NaN or infinite), or <see langword="null"/> when none was supplied.</param>
/// <param name="ObservedAt">When the value was observed, or <see langword="null"/> when the host did not say (it is then taken as current).</param>
/// <param name="NormalizedValue">The value on the 0–100 scale, or <see langword="null"/> when the factor was excluded or missing.</param>
/// <param name="Weight">The factor's configured weight within its group.</param>
/// <param name="EffectiveWeight">The factor's share of the score, within [0, 1], after groups and re-normalisation.</param>
/// <param name="Points">The points contributed: <see cref="EffectiveWeight"/> × <see cref="NormalizedValue"/>.</param>
public sealed record HealthFactorContribution(
    string FactorId,
    HealthFactorDataState State,
    double? RawValue,
    Instant? ObservedAt,
    double? NormalizedValue,
    double Weight,
    double EffectiveWeight,
    double Points);
