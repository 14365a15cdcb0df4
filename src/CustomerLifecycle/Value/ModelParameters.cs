using System.Globalization;
using System.Text;

namespace CustomerLifecycle.Value;

/// <summary>
/// What the parameter sets of the models (<see cref="BgNbdParameters"/>, <see cref="ParetoNbdParameters"/>,
/// <see cref="GammaGammaParameters"/>) share: every parameter a finite number &gt; 0, the same text, and <c>default</c>
/// (all 0) rejected by the models with the same message.
/// </summary>
internal static class ModelParameters
{
    /// <summary>Returns <paramref name="value"/>, or throws when it is not a finite number &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a finite number &gt; 0; the message names the parameter.</exception>
    public static double Positive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Parameter {name} must be a finite number > 0 but was {value.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        return value;
    }

    /// <summary>The parameters as <c>name = value</c> pairs, six significant digits each.</summary>
    public static string Format(params ReadOnlySpan<(string Name, double Value)> parameters)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(name).Append(" = ").Append(value.ToString("G6", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Throws when <paramref name="parameters"/> is <c>default</c>, which no fit or <c>From</c> creates.</summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is <c>default</c>.</exception>
    public static void ThrowIfDefault<T>(T parameters, string model)
        where T : struct, IEquatable<T>
    {
        if (parameters.Equals(default))
        {
            throw new ArgumentException($"The {model} parameters are default (all 0); create them with {typeof(T).Name}.From or a fit.", nameof(parameters));
        }
    }
}
