using System.Globalization;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Value;

/// <summary>Validates <see cref="ValueOptions"/>, returning every failure as <c>Property: message</c>.</summary>
public sealed class ValueOptionsValidator : IValidateOptions<ValueOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ValueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.TimeUnit))
        {
            failures.Add($"TimeUnit: must be Days or Weeks but was {(int)options.TimeUnit}.");
        }

        if (options.TimeZoneId is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZoneId) is null)
        {
            failures.Add($"TimeZoneId: must be an IANA time zone id such as \"UTC\" or \"Europe/Berlin\" but was {(options.TimeZoneId is null ? "null" : $"\"{options.TimeZoneId}\"")}.");
        }

        if (!Enum.IsDefined(options.PurchaseModel))
        {
            failures.Add($"PurchaseModel: must be BgNbd, ModifiedBgNbd or ParetoNbd but was {(int)options.PurchaseModel}.");
        }

        if (options.HorizonPeriods is < 1 or > 100_000)
        {
            failures.Add($"HorizonPeriods: must be in [1, 100000] but was {options.HorizonPeriods}.");
        }

        Range(failures, "DiscountRate", options.DiscountRate, 0, 10);
        Range(failures, "Margin", options.Margin, 0, 1);
        if (options.Fitting is null)
        {
            failures.Add("Fitting: must not be null.");
        }
        else
        {
            AddFitting(failures, options.Fitting, "Fitting.");
        }

        if (options.Kpis is null)
        {
            failures.Add("Kpis: must not be null.");
        }
        else
        {
            AddKpis(failures, options.Kpis);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns the settings, or the defaults for null, throwing with every failure when they are invalid.</summary>
    internal static FittingOptions Checked(FittingOptions? settings)
    {
        if (settings is null)
        {
            return new FittingOptions();
        }

        var failures = new List<string>();
        AddFitting(failures, settings, string.Empty);
        return failures.Count == 0 ? settings : throw new OptionsValidationException(nameof(FittingOptions), typeof(FittingOptions), failures);
    }

    private static void AddFitting(List<string> failures, FittingOptions fitting, string prefix)
    {
        if (fitting.MaxIterations is < 1 or > 100_000)
        {
            failures.Add($"{prefix}MaxIterations: must be in [1, 100000] but was {fitting.MaxIterations}.");
        }

        Range(failures, prefix + "GradientTolerance", fitting.GradientTolerance, 1e-15, 1);
        Range(failures, prefix + "L2Penalty", fitting.L2Penalty, 0, 1e6);
    }

    private static void AddKpis(List<string> failures, Kpis.KpiOptions kpis)
    {
        Range(failures, "Kpis.MonthlyRetentionTarget", kpis.MonthlyRetentionTarget, 0, 1);
        Range(failures, "Kpis.YearlyRetentionTarget", kpis.YearlyRetentionTarget, 0, 1);
        Range(failures, "Kpis.MonthlyChurnTarget", kpis.MonthlyChurnTarget, 0, 1);
        Range(failures, "Kpis.YearlyChurnTarget", kpis.YearlyChurnTarget, 0, 1);
        Range(failures, "Kpis.NpsTarget", kpis.NpsTarget, -100, 100);
        Range(failures, "Kpis.CsatTarget", kpis.CsatTarget, 0, 1);
        if (kpis.CsatScaleMax is < 2 or > 100)
        {
            failures.Add($"Kpis.CsatScaleMax: must be in [2, 100] but was {kpis.CsatScaleMax}.");
        }
        else if (kpis.CsatSatisfiedFrom < 1 || kpis.CsatSatisfiedFrom > kpis.CsatScaleMax)
        {
            failures.Add($"Kpis.CsatSatisfiedFrom: must be in [1, {kpis.CsatScaleMax}] (the CSAT scale) but was {kpis.CsatSatisfiedFrom}.");
        }

        Range(failures, "Kpis.RepurchaseTarget", kpis.RepurchaseTarget, 0, 1);
        Range(failures, "Kpis.ReferralTarget", kpis.ReferralTarget, 0, 1);
        Range(failures, "Kpis.CrossSellTarget", kpis.CrossSellTarget, 0, 1);
        Range(failures, "Kpis.UpSellTarget", kpis.UpSellTarget, 0, 1);
        Range(failures, "Kpis.ComplaintResolutionTarget", kpis.ComplaintResolutionTarget, 0, 1);
        Range(failures, "Kpis.ComplaintResolutionHoursTarget", kpis.ComplaintResolutionHoursTarget, 0, 1e6);
        Range(failures, "Kpis.ClvToAcquisitionCostTarget", kpis.ClvToAcquisitionCostTarget, 0, 1e6);
    }

    private static void Range(List<string> failures, string property, double value, double min, double max)
    {
        // Written so that NaN fails.
        if (!(value >= min && value <= max))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{property}: must be in [{Guard.Format(min)}, {Guard.Format(max)}] but was {Guard.Format(value)}."));
        }
    }
}
