using System.Globalization;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Validates a <see cref="LoyaltyOptions"/> policy and reports every problem as <c>Property: message</c>.</summary>
public sealed class LoyaltyOptionsValidator : IValidateOptions<LoyaltyOptions>, IPolicyValidator<LoyaltyOptions>
{
    // A purchase or a catalogue price above this is a mistake, not a policy; it also keeps every sum of points far from overflow.
    private const long MaxPoints = 1_000_000_000;

    /// <summary>Validates a policy.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, LoyaltyOptions options) => PolicyValidation.Validate<LoyaltyOptions, LoyaltyOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<LoyaltyOptions>.Collect(LoyaltyOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.TimeZoneId))
        {
            failures.Add("TimeZoneId: must not be empty.");
        }
        else if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZoneId) is null)
        {
            failures.Add($"TimeZoneId: '{options.TimeZoneId}' is not an IANA time zone id.");
        }

        ValidateEarning(options, failures);
        ValidateTime(options, failures);
        var tiers = LoyaltyTierRules.Collect(options, failures);
        ValidateRewards(options.Rewards, tiers, failures);
    }

    private static void ValidateEarning(LoyaltyOptions options, List<string> failures)
    {
        if (options.PointsPerUnit <= 0 || options.PointsPerUnit > 1000)
        {
            failures.Add(Invariant($"PointsPerUnit: must be in (0, 1000] but was {options.PointsPerUnit}."));
        }

        if (!Enum.IsDefined(options.Rounding))
        {
            failures.Add($"Rounding: {(int)options.Rounding} is not a LoyaltyRounding.");
        }

        if (options.MinimumSpend < 0)
        {
            failures.Add(Invariant($"MinimumSpend: must be >= 0 but was {options.MinimumSpend}."));
        }

        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var excluded = options.ExcludedCategories ?? [];
        for (var i = 0; i < excluded.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(excluded[i]))
            {
                failures.Add($"ExcludedCategories[{i}]: must not be empty.");
            }
            else if (!categories.Add(excluded[i]))
            {
                failures.Add($"ExcludedCategories[{i}]: '{excluded[i]}' is listed more than once.");
            }
        }

        var multiplied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (category, multiplier) in options.CategoryMultipliers ?? [])
        {
            if (!multiplied.Add(category))
            {
                failures.Add($"CategoryMultipliers.{category}: is listed more than once (categories are compared case-insensitively).");
            }
            else if (categories.Contains(category))
            {
                failures.Add($"CategoryMultipliers.{category}: the category is also excluded.");
            }

            if (multiplier <= 0 || multiplier > 100)
            {
                failures.Add(Invariant($"CategoryMultipliers.{category}: must be in (0, 100] but was {multiplier}."));
            }
        }

        ValidateCampaigns(options.Campaigns, failures);
        CheckPoints(failures, "SurveyAnsweredPoints", options.SurveyAnsweredPoints, 0);
        CheckPoints(failures, "ReferralConvertedPoints", options.ReferralConvertedPoints, 0);
        CheckPoints(failures, "ReviewWrittenPoints", options.ReviewWrittenPoints, 0);
        if (options.LoginStreakDays is not 0 and (< 2 or > 365))
        {
            failures.Add($"LoginStreakDays: must be 0 (no login streak) or in [2, 365] but was {options.LoginStreakDays}.");
        }

        CheckPoints(failures, "LoginStreakPoints", options.LoginStreakPoints, 0);
        CheckCap(failures, "DailyCap", options.DailyCap);
        CheckCap(failures, "MonthlyCap", options.MonthlyCap);
        CheckCap(failures, "YearlyCap", options.YearlyCap);
        if (options.PointValue < 0)
        {
            failures.Add(Invariant($"PointValue: must be >= 0 but was {options.PointValue}."));
        }
    }

    private static void ValidateCampaigns(List<LoyaltyCampaignOptions>? campaigns, List<string> failures)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        campaigns ??= [];
        for (var i = 0; i < campaigns.Count; i++)
        {
            var campaign = campaigns[i];
            var path = $"Campaigns[{i}]";
            if (campaign is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(campaign.Id))
            {
                failures.Add($"{path}.Id: must not be empty.");
            }
            else if (!ids.Add(campaign.Id))
            {
                failures.Add($"{path}.Id: '{campaign.Id}' is used by more than one campaign.");
            }

            if (campaign.End <= campaign.Start)
            {
                failures.Add(Invariant($"{path}.End: must be after Start ({campaign.Start:O}) but was {campaign.End:O}."));
            }

            if (campaign.Multiplier <= 0 || campaign.Multiplier > 10)
            {
                failures.Add(Invariant($"{path}.Multiplier: must be in (0, 10] but was {campaign.Multiplier}."));
            }

            var categories = campaign.Categories ?? [];
            for (var c = 0; c < categories.Count; c++)
            {
                if (string.IsNullOrWhiteSpace(categories[c]))
                {
                    failures.Add($"{path}.Categories[{c}]: must not be empty.");
                }
            }

            var kinds = campaign.ActivityKinds ?? [];
            for (var k = 0; k < kinds.Count; k++)
            {
                if (!Enum.IsDefined(kinds[k]))
                {
                    failures.Add($"{path}.ActivityKinds[{k}]: {(int)kinds[k]} is not a LoyaltyActivityKind.");
                }
            }
        }
    }

    private static void ValidateTime(LoyaltyOptions options, List<string> failures)
    {
        CheckRange(failures, "HoldingDays", options.HoldingDays, 0, 365);
        if (!Enum.IsDefined(options.ExpiryMode))
        {
            failures.Add($"ExpiryMode: {(int)options.ExpiryMode} is not a LoyaltyExpiryMode.");
        }

        CheckRange(failures, "LifetimeMonths", options.LifetimeMonths, 1, 120);
        if (!Enum.IsDefined(options.ExpiryPeriod))
        {
            failures.Add($"ExpiryPeriod: {(int)options.ExpiryPeriod} is not a LoyaltyExpiryPeriod.");
        }

        CheckRange(failures, "ExpiryPeriodsAfter", options.ExpiryPeriodsAfter, 0, 10);
        CheckRange(failures, "ExpiryWarningDays", options.ExpiryWarningDays, 0, 365);
        CheckRange(failures, "MaxBackdatingDays", options.MaxBackdatingDays, 0, 365);

        // Pending points must become spendable before they can expire: the holding period must be shorter than the shortest
        // lifetime a lot can get (a month is at least 28 days, a quarter 90, a year 365; an end-of-period lot earned in the
        // last instant of its period lasts only the periods after it).
        if (options.HoldingDays is > 0 and <= 365 && ShortestLifetime(options) is var (days, formula) && options.HoldingDays >= days)
        {
            failures.Add($"HoldingDays: must be shorter than the shortest lifetime ({formula} = {days} days) but was {options.HoldingDays}.");
        }
    }

    private static (int Days, string Formula)? ShortestLifetime(LoyaltyOptions options) => options.ExpiryMode switch
    {
        LoyaltyExpiryMode.EndOfPeriod when options.ExpiryPeriodsAfter is >= 0 and <= 10 && Enum.IsDefined(options.ExpiryPeriod)
            => options.ExpiryPeriod switch
            {
                LoyaltyExpiryPeriod.CalendarMonth => (options.ExpiryPeriodsAfter * 28, "ExpiryPeriodsAfter × 28"),
                LoyaltyExpiryPeriod.CalendarQuarter => (options.ExpiryPeriodsAfter * 90, "ExpiryPeriodsAfter × 90"),
                _ => (options.ExpiryPeriodsAfter * 365, "ExpiryPeriodsAfter × 365"),
            },
        LoyaltyExpiryMode.FixedLifetime or LoyaltyExpiryMode.Rolling when options.LifetimeMonths is >= 1 and <= 120
            => (options.LifetimeMonths * 28, "LifetimeMonths × 28"),
        _ => null,
    };

    private static void ValidateRewards(List<LoyaltyRewardOptions>? rewards, HashSet<string> tiers, List<string> failures)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        rewards ??= [];
        for (var i = 0; i < rewards.Count; i++)
        {
            var reward = rewards[i];
            var path = $"Rewards[{i}]";
            if (reward is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(reward.Id))
            {
                failures.Add($"{path}.Id: must not be empty.");
            }
            else if (!ids.Add(reward.Id))
            {
                failures.Add($"{path}.Id: '{reward.Id}' is used by more than one reward.");
            }

            if (string.IsNullOrWhiteSpace(reward.Name))
            {
                failures.Add($"{path}.Name: must not be empty.");
            }

            CheckPoints(failures, $"{path}.Points", reward.Points, 1);
            if (reward.CashPrice is { } cash && (cash <= 0 || cash > MaxPoints))
            {
                failures.Add(Invariant($"{path}.CashPrice: must be in (0, {MaxPoints}] but was {cash}."));
            }

            if (reward.RequiredTier is { } tier && !tiers.Contains(tier))
            {
                failures.Add($"{path}.RequiredTier: '{tier}' is not the id of a tier.");
            }
        }
    }

    internal static void CheckPoints(List<string> failures, string path, long points, long min)
    {
        if (points < min || points > MaxPoints)
        {
            failures.Add(Invariant($"{path}: must be in [{min}, {MaxPoints}] but was {points}."));
        }
    }

    private static void CheckCap(List<string> failures, string path, long? cap)
    {
        if (cap is { } value)
        {
            CheckPoints(failures, path, value, 1);
        }
    }

    internal static void CheckRange(List<string> failures, string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{path}: must be in [{min}, {max}] but was {value}.");
        }
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
