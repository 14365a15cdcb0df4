using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Value.Kpis;

/// <summary>Validates <see cref="KpiOptions"/>, returning every failure as <c>Property: message</c>.</summary>
/// <remarks>Inside a <see cref="ValueOptions"/> policy the same rules run through <see cref="ValueOptionsValidator"/>, each property prefixed with <c>Kpis.</c>.</remarks>
public sealed class KpiOptionsValidator : IValidateOptions<KpiOptions>, IPolicyValidator<KpiOptions>
{
    /// <summary>Validates KPI targets.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The targets and CSAT scale.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, KpiOptions options) => PolicyValidation.Validate<KpiOptions, KpiOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<KpiOptions>.Collect(KpiOptions options, List<string> failures) => Collect(options, string.Empty, failures);

    /// <summary>Adds every problem of <paramref name="options"/> to <paramref name="failures"/>, each property prefixed.</summary>
    internal static void Collect(KpiOptions options, string prefix, List<string> failures)
    {
        RangeRule.Check(failures, prefix + "MonthlyRetentionTarget", options.MonthlyRetentionTarget, 0, 1);
        RangeRule.Check(failures, prefix + "YearlyRetentionTarget", options.YearlyRetentionTarget, 0, 1);
        RangeRule.Check(failures, prefix + "MonthlyChurnTarget", options.MonthlyChurnTarget, 0, 1);
        RangeRule.Check(failures, prefix + "YearlyChurnTarget", options.YearlyChurnTarget, 0, 1);
        RangeRule.Check(failures, prefix + "NpsTarget", options.NpsTarget, -100, 100);
        RangeRule.Check(failures, prefix + "CsatTarget", options.CsatTarget, 0, 1);
        if (options.CsatScaleMax is < 2 or > 100)
        {
            failures.Add($"{prefix}CsatScaleMax: must be in [2, 100] but was {options.CsatScaleMax}.");
        }
        else if (options.CsatSatisfiedFrom < 1 || options.CsatSatisfiedFrom > options.CsatScaleMax)
        {
            failures.Add($"{prefix}CsatSatisfiedFrom: must be in [1, {options.CsatScaleMax}] (the CSAT scale) but was {options.CsatSatisfiedFrom}.");
        }

        RangeRule.Check(failures, prefix + "RepurchaseTarget", options.RepurchaseTarget, 0, 1);
        RangeRule.Check(failures, prefix + "ReferralTarget", options.ReferralTarget, 0, 1);
        RangeRule.Check(failures, prefix + "CrossSellTarget", options.CrossSellTarget, 0, 1);
        RangeRule.Check(failures, prefix + "UpSellTarget", options.UpSellTarget, 0, 1);
        RangeRule.Check(failures, prefix + "ComplaintResolutionTarget", options.ComplaintResolutionTarget, 0, 1);
        RangeRule.Check(failures, prefix + "ComplaintResolutionHoursTarget", options.ComplaintResolutionHoursTarget, 0, 1e6);
        RangeRule.Check(failures, prefix + "ClvToAcquisitionCostTarget", options.ClvToAcquisitionCostTarget, 0, 1e6);
    }
}
