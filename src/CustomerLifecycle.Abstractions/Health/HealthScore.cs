using System.Globalization;

namespace CustomerLifecycle.Health;

/// <summary>A health score on the 0–100 scale, where 100 is the healthiest relationship.</summary>
/// <remarks><c>default(HealthScore)</c> is a score of 0. Create scores with <see cref="From(double)"/>, which rejects NaN.</remarks>
public readonly record struct HealthScore : IComparable<HealthScore>
{
    /// <summary>The lowest score, 0.</summary>
    public const double MinValue = 0;

    /// <summary>The highest score, 100.</summary>
    public const double MaxValue = 100;

    private HealthScore(double value) => Value = value;

    /// <summary>Gets the score, within [0, 100].</summary>
    public double Value { get; }

    /// <summary>Creates a score from a number within [0, 100].</summary>
    /// <param name="value">The score.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or outside [0, 100].</exception>
    public static HealthScore From(double value)
    {
        // Written so that NaN fails: every comparison with NaN is false.
        if (!(value >= MinValue && value <= MaxValue))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                $"A health score should be in range [0-100] but was {value.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        return new HealthScore(value);
    }

    /// <inheritdoc/>
    public int CompareTo(HealthScore other) => Value.CompareTo(other.Value);

    /// <summary>Returns the score with up to two decimals, e.g. <c>"72.5"</c>.</summary>
    /// <returns>The score as text.</returns>
    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture);
}
