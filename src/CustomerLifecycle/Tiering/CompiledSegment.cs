using System.Globalization;
using System.Text;

namespace CustomerLifecycle.Tiering;

/// <summary>An immutable copy of an <see cref="RfmSegmentRule"/>; an absent range accepts everything.</summary>
internal readonly record struct CompiledSegment(
    string Name,
    double RMin,
    double RMax,
    double FMin,
    double FMax,
    double MMin,
    double MMax,
    double FmMin,
    double FmMax)
{
    public static CompiledSegment From(RfmSegmentRule rule) => new(
        rule.Name,
        rule.Recency?.Min ?? double.NegativeInfinity,
        rule.Recency?.Max ?? double.PositiveInfinity,
        rule.Frequency?.Min ?? double.NegativeInfinity,
        rule.Frequency?.Max ?? double.PositiveInfinity,
        rule.Monetary?.Min ?? double.NegativeInfinity,
        rule.Monetary?.Max ?? double.PositiveInfinity,
        rule.FrequencyMonetaryAverage?.Min ?? double.NegativeInfinity,
        rule.FrequencyMonetaryAverage?.Max ?? double.PositiveInfinity);

    public bool Matches(int r, int f, int m)
    {
        var fm = (f + m) / 2.0;
        return r >= RMin && r <= RMax && f >= FMin && f <= FMax && m >= MMin && m <= MMax && fm >= FmMin && fm <= FmMax;
    }

    /// <summary>The rule's ranges as text, e.g. <c>R 4-5, F 4-5, M 4-5</c>.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        Append(text, "R", RMin, RMax);
        Append(text, "F", FMin, FMax);
        Append(text, "M", MMin, MMax);
        Append(text, "FM", FmMin, FmMax);
        return text.Length == 0 ? "any scores" : text.ToString();
    }

    private static void Append(StringBuilder text, string label, double min, double max)
    {
        if (double.IsNegativeInfinity(min) && double.IsPositiveInfinity(max))
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(", ");
        }

        text.Append(label).Append(' ')
            .Append(min.ToString(CultureInfo.InvariantCulture)).Append('-')
            .Append(max.ToString(CultureInfo.InvariantCulture));
    }
}
