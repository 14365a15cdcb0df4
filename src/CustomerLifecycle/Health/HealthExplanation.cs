using System.Globalization;
using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Health;

/// <summary>Turns a health result into the decision line and the reasons of its <see cref="Explanation{TResult}"/>.</summary>
internal static class HealthExplanation
{
    /// <summary>The subject of every health explanation: a <see cref="HealthInput"/> carries factor values only, no customer id.</summary>
    public const string Subject = "health score";

    public static string Decision(HealthResult result)
    {
        if (result.Score is not { } score)
        {
            return $"not scored ({result.Reasons[0].Code})";
        }

        if (result.Override is null)
        {
            return $"{score} {result.Band}";
        }

        var computed = result.ComputedScore is { } c ? $"computed {c} {result.ComputedBand}" : "no computed score";
        return $"{score} {result.Band} (overridden; {computed})";
    }

    /// <summary>The result's headline reason (the band, or why there is no computed score), one reason per factor, then the rest of the result's reasons.</summary>
    public static IReadOnlyList<Reason> Reasons(HealthResult result)
    {
        var reasons = new List<Reason>(result.Reasons.Count + result.Factors.Count) { result.Reasons[0] };
        foreach (var factor in result.Factors)
        {
            reasons.Add(Factor(factor));
        }

        for (var i = 1; i < result.Reasons.Count; i++)
        {
            reasons.Add(result.Reasons[i]);
        }

        return reasons;
    }

    private static Reason Factor(HealthFactorContribution factor)
    {
        var data = new Dictionary<string, object?>
        {
            ["factor"] = factor.FactorId,
            ["state"] = factor.State.ToString(),
            ["rawValue"] = factor.RawValue,
            ["normalizedValue"] = factor.NormalizedValue,
            ["weight"] = factor.Weight,
            ["effectiveWeight"] = factor.EffectiveWeight,
            ["contribution"] = factor.Points,
        };
        var raw = factor.RawValue is { } value ? Guard.Format(value) : "no value";
        var state = factor.State == HealthFactorDataState.Observed ? string.Empty : $" ({factor.State})";
        var message = factor.NormalizedValue is { } normalized
            ? $"Factor \"{factor.FactorId}\": {raw} → {Points(normalized)} points × {Guard.Percent(factor.EffectiveWeight)} of the score = {Points(factor.Points)} points{state}."
            : $"Factor \"{factor.FactorId}\": {raw}, not counted{state}.";
        return new Reason("health.factor", message, data);
    }

    private static string Points(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
