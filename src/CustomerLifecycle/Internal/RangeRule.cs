using System.Globalization;

namespace CustomerLifecycle.Internal;

/// <summary>The one range rule the validators share, so that every range failure reads the same.</summary>
internal static class RangeRule
{
    /// <summary>Adds <c>Property: must be in [min, max] but was value.</c> unless <paramref name="value"/> is in range; NaN never is.</summary>
    public static void Check(List<string> failures, string property, double value, double min, double max)
    {
        // Written so that NaN fails.
        if (!(value >= min && value <= max))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{property}: must be in [{Guard.Format(min)}, {Guard.Format(max)}] but was {Guard.Format(value)}."));
        }
    }
}
