using CustomerLifecycle.Health;
using CustomerLifecycle.Internal;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Profile;

/// <summary>Validates a <see cref="ProfileOptions"/> policy and reports every problem as <c>Property: message</c>, the
/// composed engines' problems under their property (<c>Lifecycle.</c>, <c>Tiering.</c>, <c>Health.</c>, <c>Value.</c>, <c>LeadScoring.</c>, <c>Loyalty.</c>).</summary>
public sealed class ProfileOptionsValidator : IValidateOptions<ProfileOptions>, IPolicyValidator<ProfileOptions>
{
    /// <summary>Validates a policy.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, ProfileOptions options) => PolicyValidation.Validate<ProfileOptions, ProfileOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<ProfileOptions>.Collect(ProfileOptions options, List<string> failures)
    {
        Nested<LifecycleOptions, LifecycleOptionsValidator>(failures, nameof(options.Lifecycle), options.Lifecycle);
        if (Nested<TieringOptions, TieringOptionsValidator>(failures, nameof(options.Tiering), options.Tiering) && options.Tiering.Rfm.WindowDays != 0)
        {
            failures.Add($"Tiering.Rfm.WindowDays: the profile keeps purchase totals over all history, so it must be 0 but was {options.Tiering.Rfm.WindowDays}.");
        }

        Nested<HealthOptions, HealthOptionsValidator>(failures, nameof(options.Health), options.Health);
        Nested<ValueOptions, ValueOptionsValidator>(failures, nameof(options.Value), options.Value);
        if (options.LeadScoring is not null)
        {
            Nested<LeadScoringOptions, LeadScoringOptionsValidator>(failures, nameof(options.LeadScoring), options.LeadScoring);
        }

        if (options.Loyalty is not null)
        {
            Nested<LoyaltyOptions, LoyaltyOptionsValidator>(failures, nameof(options.Loyalty), options.Loyalty);
        }

        CheckRange(failures, nameof(options.MaxLeadInteractions), options.MaxLeadInteractions, 1, 10000);
        ValidateFeatures(options.Features, failures);
        CheckRange(failures, nameof(options.RefundWindowDays), options.RefundWindowDays, 1, 3650);
        CheckRange(failures, nameof(options.MaxRecentOrders), options.MaxRecentOrders, 1, 10000);
        if (!Enum.IsDefined(options.TierValue))
        {
            failures.Add($"TierValue: must be NetSpend or Clv but was {options.TierValue}.");
        }

        CheckRange(failures, nameof(options.PurchaseWindowDays), options.PurchaseWindowDays, 1, 3650);
        CheckRange(failures, nameof(options.PurchaseTrendDays), options.PurchaseTrendDays, 1, 1825);
        CheckRange(failures, nameof(options.LoginWindowDays), options.LoginWindowDays, 1, 366);
        CheckRange(failures, nameof(options.UsageTrendMonths), options.UsageTrendMonths, 1, 24);
        CheckRange(failures, nameof(options.SupportWindowDays), options.SupportWindowDays, 1, 3650);
        CheckRange(failures, nameof(options.MaxOpenItems), options.MaxOpenItems, 1, 10000);
        CheckRange(failures, nameof(options.DuplicateWindow), options.DuplicateWindow, 1, 10000);
    }

    /// <summary>Adds the problems of a composed engine's policy under its property; false when it is null or invalid.</summary>
    private static bool Nested<TOptions, TValidator>(List<string> failures, string property, TOptions? options)
        where TOptions : class
        where TValidator : IPolicyValidator<TOptions>
    {
        if (options is null)
        {
            failures.Add($"{property}: must not be null.");
            return false;
        }

        var nested = PolicyValidation.Failures<TOptions, TValidator>(options);
        failures.AddRange(nested.Select(f => $"{property}.{f}"));
        return nested.Count == 0;
    }

    private static void ValidateFeatures(List<string>? features, List<string> failures)
    {
        if (features is null)
        {
            failures.Add("Features: must not be null.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(features[i]))
            {
                failures.Add($"Features[{i}]: must name a feature.");
            }
            else if (!seen.Add(features[i]))
            {
                failures.Add($"Features[{i}]: '{features[i]}' is listed more than once.");
            }
        }
    }

    private static void CheckRange(List<string> failures, string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{path}: must be in range [{min}-{max}] but was {value}.");
        }
    }
}
