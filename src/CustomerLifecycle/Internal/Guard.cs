using System.Runtime.CompilerServices;

namespace CustomerLifecycle.Internal;

/// <summary>Argument checks shared by the engines' public entry points.</summary>
internal static class Guard
{
    /// <summary>Throws unless <paramref name="value"/> is a finite number (not NaN, not infinite).</summary>
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value should be a finite number but was {Format(value)}.");
        }

        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is within [<paramref name="min"/>, <paramref name="max"/>]; NaN is rejected.</summary>
    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        // Written so that NaN fails: every comparison with NaN is false.
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value should be in range [{Format(min)}-{Format(max)}] but was {Format(value)}.");
        }

        return value;
    }

    /// <summary>Throws unless a batch's outputs span is at least as long as its inputs: the one message every batch gives.</summary>
    public static void LongEnough(int outputs, int inputs, [CallerArgumentExpression(nameof(outputs))] string? paramName = null)
    {
        if (outputs < inputs)
        {
            var name = paramName?.Split('.')[0];
            throw new ArgumentException($"The {name} span has {outputs} elements but there are {inputs} inputs; it must be at least as long.", name);
        }
    }

    /// <summary>Formats a share as a percentage with at most one decimal, the same way on every machine: 0.4615 → "46.2%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a number the same way on every machine.</summary>
    public static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
