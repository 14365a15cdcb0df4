using System.Globalization;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tiering;

/// <summary>Validates a <see cref="TieringOptions"/> policy, reporting every failure as <c>Property: message</c>.</summary>
public sealed class TieringOptionsValidator : IValidateOptions<TieringOptions>, IPolicyValidator<TieringOptions>
{
    /// <summary>The largest supported number of RFM scores.</summary>
    internal const int MaxScoreCount = 100;

    /// <summary>Validates the policy.</summary>
    /// <param name="name">The options name (unused: every named instance gets the same rules).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, TieringOptions options) => PolicyValidation.Validate<TieringOptions, TieringOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<TieringOptions>.Collect(TieringOptions options, List<string> failures)
    {
        ValidateRfm(options.Rfm, failures);
        var tierNames = ValidateTiers(options.Tiers, failures);
        ValidateRules(options.Rules, tierNames, failures);
        if (!tierNames.Contains(options.FallbackTier ?? string.Empty))
        {
            failures.Add($"FallbackTier: {Quote(options.FallbackTier)} is not a tier; tiers are {Names(tierNames)}.");
        }

        if (options.Hysteresis is null)
        {
            failures.Add("Hysteresis: must not be null.");
        }
        else
        {
            AtLeast(options.Hysteresis.DowngradeAfterEvaluations, 1, "Hysteresis.DowngradeAfterEvaluations", failures);
            AtLeast(options.Hysteresis.MaxTiersPerDowngrade, 1, "Hysteresis.MaxTiersPerDowngrade", failures);
            if (!(options.Hysteresis.ValueMarginPercent >= 0 && options.Hysteresis.ValueMarginPercent < 100))
            {
                failures.Add($"Hysteresis.ValueMarginPercent: must be at least 0 and below 100 but was {Guard.Format(options.Hysteresis.ValueMarginPercent)}.");
            }
        }

        if (options.Cadence is null)
        {
            failures.Add("Cadence: must not be null.");
        }
        else if (options.Cadence.KeyMomentLookaheadDays is < 0 or > 366)
        {
            failures.Add($"Cadence.KeyMomentLookaheadDays: must be between 0 and 366 but was {options.Cadence.KeyMomentLookaheadDays}.");
        }
    }

    private static void ValidateRfm(RfmOptions? rfm, List<string> failures)
    {
        if (rfm is null)
        {
            failures.Add("Rfm: must not be null.");
            return;
        }

        var countValid = rfm.ScoreCount is >= 2 and <= MaxScoreCount;
        if (!countValid)
        {
            failures.Add($"Rfm.ScoreCount: must be between 2 and {MaxScoreCount} but was {rfm.ScoreCount}.");
        }

        if (!Enum.IsDefined(rfm.Method))
        {
            failures.Add($"Rfm.Method: must be Quantiles or Thresholds but was {(int)rfm.Method}.");
        }

        AtLeast(rfm.WindowDays, 0, "Rfm.WindowDays", failures);
        if (rfm.Method == RfmScoringMethod.Thresholds && countValid)
        {
            Cuts(rfm.RecencyDaysCuts, rfm.ScoreCount, "Rfm.RecencyDaysCuts", failures);
            Cuts(rfm.FrequencyCuts, rfm.ScoreCount, "Rfm.FrequencyCuts", failures);
            Cuts(rfm.MonetaryCuts, rfm.ScoreCount, "Rfm.MonetaryCuts", failures);
        }

        if (string.IsNullOrWhiteSpace(rfm.UnmatchedSegment))
        {
            failures.Add("Rfm.UnmatchedSegment: must not be empty.");
        }

        if (rfm.Segments is null)
        {
            failures.Add("Rfm.Segments: must not be null.");
            return;
        }

        for (var i = 0; i < rfm.Segments.Count; i++)
        {
            var path = $"Rfm.Segments[{i}]";
            var rule = rfm.Segments[i];
            if (rule is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                failures.Add($"{path}.Name: must not be empty.");
            }

            Range(rule.Recency, $"{path}.Recency", failures);
            Range(rule.Frequency, $"{path}.Frequency", failures);
            Range(rule.Monetary, $"{path}.Monetary", failures);
            Range(rule.FrequencyMonetaryAverage, $"{path}.FrequencyMonetaryAverage", failures);
        }
    }

    private static List<string> ValidateTiers(List<TierDefinition>? tiers, List<string> failures)
    {
        var names = new List<string>();
        if (tiers is null || tiers.Count == 0)
        {
            failures.Add("Tiers: must list at least one tier.");
            return names;
        }

        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var shareSum = 0.0;
        for (var i = 0; i < tiers.Count; i++)
        {
            var path = $"Tiers[{i}]";
            var tier = tiers[i];
            if (tier is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(tier.Name))
            {
                failures.Add($"{path}.Name: must not be empty.");
            }
            else if (!firstIndex.TryAdd(tier.Name, i))
            {
                failures.Add($"{path}.Name: '{tier.Name}' is already the name of Tiers[{firstIndex[tier.Name]}].");
            }
            else
            {
                names.Add(tier.Name);
            }

            if (!(tier.RevenueSharePercent >= 0 && tier.RevenueSharePercent <= 100))
            {
                failures.Add($"{path}.RevenueSharePercent: must be in range [0-100] but was {Guard.Format(tier.RevenueSharePercent)}.");
            }
            else
            {
                shareSum += tier.RevenueSharePercent;
            }

            AtLeast(tier.ContactIntervalDays, 1, $"{path}.ContactIntervalDays", failures);
            if (tier.MinimumContactGapDays < 0 || tier.MinimumContactGapDays > Math.Max(tier.ContactIntervalDays, 0))
            {
                failures.Add($"{path}.MinimumContactGapDays: must be between 0 and ContactIntervalDays ({tier.ContactIntervalDays}) but was {tier.MinimumContactGapDays}.");
            }
        }

        // A hair of tolerance so that shares like 33.3 + 33.3 + 33.4 are not rejected for rounding.
        if (shareSum > 100 + 1e-9)
        {
            failures.Add($"Tiers: the revenue shares must sum to at most 100 but sum to {Guard.Format(shareSum)}.");
        }

        return names;
    }

    private static void ValidateRules(List<TierRule>? rules, List<string> tierNames, List<string> failures)
    {
        if (rules is null)
        {
            failures.Add("Rules: must not be null.");
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var path = $"Rules[{i}]";
            var rule = rules[i];
            if (rule is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (!tierNames.Contains(rule.Tier ?? string.Empty))
            {
                failures.Add($"{path}.Tier: {Quote(rule.Tier)} is not a tier; tiers are {Names(tierNames)}.");
            }

            if (!Enum.IsDefined(rule.Match))
            {
                failures.Add($"{path}.Match: must be All or Any but was {(int)rule.Match}.");
            }

            if (rule.Criteria is null || rule.Criteria.Count == 0)
            {
                failures.Add($"{path}.Criteria: must list at least one criterion.");
                continue;
            }

            for (var j = 0; j < rule.Criteria.Count; j++)
            {
                Criterion(rule.Criteria[j], $"{path}.Criteria[{j}]", tierNames, failures);
            }
        }
    }

    private static void Criterion(TierCriterion? criterion, string path, List<string> tierNames, List<string> failures)
    {
        if (criterion is null)
        {
            failures.Add($"{path}: must not be null.");
            return;
        }

        if (!Enum.IsDefined(criterion.Field))
        {
            failures.Add($"{path}.Field: is not a known field but was {(int)criterion.Field}.");
            return;
        }

        var expected = ExpectedOperators(criterion.Field);
        if (Array.IndexOf(expected, criterion.Operator) < 0)
        {
            failures.Add($"{path}.Operator: {criterion.Field} takes {string.Join(" or ", expected)} but was {criterion.Operator}.");
            return;
        }

        if (criterion.Operator == CriterionOperator.AtOrAbove)
        {
            if (!tierNames.Contains(criterion.Tier ?? string.Empty))
            {
                failures.Add($"{path}.Tier: {Quote(criterion.Tier)} is not a tier; tiers are {Names(tierNames)}.");
            }
        }
        else if (criterion.Operator is CriterionOperator.AtLeast or CriterionOperator.AtMost && !double.IsFinite(criterion.Threshold))
        {
            failures.Add($"{path}.Threshold: must be a finite number but was {Guard.Format(criterion.Threshold)}.");
        }
    }

    internal static CriterionOperator[] ExpectedOperators(TierField field) => field switch
    {
        TierField.ValueTier => [CriterionOperator.AtOrAbove],
        TierField.MatchesIdealProfile or TierField.HasGrowthPotential or TierField.IsBenchmarkCustomer => [CriterionOperator.IsTrue, CriterionOperator.IsFalse],
        _ => [CriterionOperator.AtLeast, CriterionOperator.AtMost],
    };

    private static void Cuts(List<double>? cuts, int scoreCount, string path, List<string> failures)
    {
        if (cuts is null || cuts.Count != scoreCount - 1)
        {
            failures.Add($"{path}: must have ScoreCount - 1 = {scoreCount - 1} values but had {cuts?.Count ?? 0}.");
            return;
        }

        for (var i = 0; i < cuts.Count; i++)
        {
            if (!double.IsFinite(cuts[i]))
            {
                failures.Add($"{path}[{i}]: must be a finite number but was {Guard.Format(cuts[i])}.");
            }
            else if (i > 0 && double.IsFinite(cuts[i - 1]) && cuts[i] <= cuts[i - 1])
            {
                failures.Add($"{path}[{i}]: must be greater than the cut point before it ({Guard.Format(cuts[i - 1])}) but was {Guard.Format(cuts[i])}.");
            }
        }
    }

    private static void Range(ScoreRange? range, string path, List<string> failures)
    {
        if (range is null)
        {
            return;
        }

        if (!double.IsFinite(range.Min))
        {
            failures.Add($"{path}.Min: must be a finite number but was {Guard.Format(range.Min)}.");
        }
        else if (!double.IsFinite(range.Max))
        {
            failures.Add($"{path}.Max: must be a finite number but was {Guard.Format(range.Max)}.");
        }
        else if (range.Min > range.Max)
        {
            failures.Add($"{path}.Min: must be at most Max ({Guard.Format(range.Max)}) but was {Guard.Format(range.Min)}.");
        }
    }

    private static void AtLeast(int value, int min, string path, List<string> failures)
    {
        if (value < min)
        {
            failures.Add($"{path}: must be >= {min} but was {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static string Quote(string? value) => value is null ? "null" : $"'{value}'";

    private static string Names(List<string> names) => names.Count == 0 ? "(none)" : string.Join(", ", names);
}
