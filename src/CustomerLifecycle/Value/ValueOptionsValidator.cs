using CustomerLifecycle.Internal;
using CustomerLifecycle.Value.Kpis;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Value;

/// <summary>Validates <see cref="ValueOptions"/>, returning every failure as <c>Property: message</c>.</summary>
/// <remarks>The nested <see cref="ValueOptions.Fitting"/> and <see cref="ValueOptions.Kpis"/> are checked by <see cref="FittingOptionsValidator"/> and <see cref="KpiOptionsValidator"/> rules, prefixed <c>Fitting.</c> and <c>Kpis.</c>.</remarks>
public sealed class ValueOptionsValidator : IValidateOptions<ValueOptions>, IPolicyValidator<ValueOptions>
{
    /// <summary>Validates a policy.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, ValueOptions options) => PolicyValidation.Validate<ValueOptions, ValueOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<ValueOptions>.Collect(ValueOptions options, List<string> failures)
    {
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

        RangeRule.Check(failures, "DiscountRate", options.DiscountRate, 0, 10);
        RangeRule.Check(failures, "Margin", options.Margin, 0, 1);
        if (options.Fitting is null)
        {
            failures.Add("Fitting: must not be null.");
        }
        else
        {
            FittingOptionsValidator.Collect(options.Fitting, "Fitting.", failures);
        }

        if (options.Kpis is null)
        {
            failures.Add("Kpis: must not be null.");
        }
        else
        {
            KpiOptionsValidator.Collect(options.Kpis, "Kpis.", failures);
        }
    }
}
