using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Health;

/// <summary>Validates a <see cref="HealthOptions"/> policy, reporting every failure as <c>Property: message</c>.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>, IPolicyValidator<HealthOptions>
{
    // A century: longer spans are mistakes, and they would overflow the tick arithmetic of the time checks.
    private const int MaxDays = 36_500;

    /// <summary>Validates a health policy.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, HealthOptions options) => PolicyValidation.Validate<HealthOptions, HealthOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<HealthOptions>.Collect(HealthOptions options, List<string> failures)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var factorIds = new HashSet<string>(StringComparer.Ordinal);
        var leafCount = 0;
        if (options.Factors is null)
        {
            failures.Add("Factors: must not be null.");
        }

        if (options.Groups is null)
        {
            failures.Add("Groups: must not be null.");
        }

        if (options.Factors is not null && options.Groups is not null)
        {
            if (options.Factors.Count == 0 && options.Groups.Count == 0)
            {
                failures.Add("Factors: the policy has no factor; add at least one.");
            }
            else
            {
                ValidateMembers(string.Empty, options.Factors, options.Groups, failures, ids, factorIds, ref leafCount);
                if (AllWeightsZero(options.Factors, options.Groups))
                {
                    failures.Add("Factors: every weight at the root is zero; at least one factor or group must weigh more than 0.");
                }
            }

            if (leafCount > HealthInput.MaxFactors)
            {
                failures.Add($"Factors: at most {HealthInput.MaxFactors} factors are supported but the policy has {leafCount}.");
            }
        }

        ValidateBands(options.Bands, failures);
        ValidateTrend(options.Trend, factorIds, failures);
    }

    private static void ValidateMembers(
        string prefix,
        List<HealthFactorOptions> factors,
        List<HealthGroupOptions> groups,
        List<string> failures,
        HashSet<string> ids,
        HashSet<string> factorIds,
        ref int leafCount)
    {
        for (var i = 0; i < factors.Count; i++)
        {
            var path = $"{prefix}Factors[{i}]";
            var factor = factors[i];
            if (factor is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            leafCount++;
            ValidateId(path, factor.Id, failures, ids);
            if (!string.IsNullOrWhiteSpace(factor.Id))
            {
                factorIds.Add(factor.Id);
            }

            ValidateWeight(path, factor.Weight, failures);
            ValidateFactor(path, factor, failures);
        }

        for (var i = 0; i < groups.Count; i++)
        {
            var path = $"{prefix}Groups[{i}]";
            var group = groups[i];
            if (group is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            ValidateId(path, group.Id, failures, ids);
            ValidateWeight(path, group.Weight, failures);
            if (group.Factors is null)
            {
                failures.Add($"{path}.Factors: must not be null.");
            }

            if (group.Groups is null)
            {
                failures.Add($"{path}.Groups: must not be null.");
            }

            if (group.Factors is null || group.Groups is null)
            {
                continue;
            }

            if (group.Factors.Count == 0 && group.Groups.Count == 0)
            {
                failures.Add($"{path}: the group \"{group.Id}\" is empty; add a factor or a group to it.");
                continue;
            }

            ValidateMembers(path + ".", group.Factors, group.Groups, failures, ids, factorIds, ref leafCount);
            if (AllWeightsZero(group.Factors, group.Groups))
            {
                failures.Add($"{path}: every weight in the group \"{group.Id}\" is zero; at least one factor or group must weigh more than 0.");
            }
        }
    }

    private static bool AllWeightsZero(List<HealthFactorOptions> factors, List<HealthGroupOptions> groups)
        => factors.All(f => f is null || f.Weight == 0) && groups.All(g => g is null || g.Weight == 0);

    private static void ValidateId(string path, string? id, List<string> failures, HashSet<string> ids)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            failures.Add($"{path}.Id: must not be empty.");
        }
        else if (!ids.Add(id))
        {
            failures.Add($"{path}.Id: \"{id}\" is already used by another factor or group.");
        }
    }

    private static void ValidateWeight(string path, double weight, List<string> failures)
    {
        if (!(weight >= 0) || double.IsInfinity(weight))
        {
            failures.Add($"{path}.Weight: must be a finite number >= 0 but was {Guard.Format(weight)}.");
        }
    }

    private static void ValidateFactor(string path, HealthFactorOptions factor, List<string> failures)
    {
        if (!Enum.IsDefined(factor.Direction))
        {
            failures.Add($"{path}.Direction: must be HigherIsBetter or LowerIsBetter but was {(int)factor.Direction}.");
        }

        if (!Enum.IsDefined(factor.MissingData))
        {
            failures.Add($"{path}.MissingData: must be Exclude, TreatAsZero, CarryForward or Fail but was {(int)factor.MissingData}.");
        }
        else if (factor.MissingData == HealthMissingDataPolicy.CarryForward && factor.CarryForwardDays is < 1 or > MaxDays)
        {
            failures.Add($"{path}.CarryForwardDays: must be in range [1-{MaxDays}] but was {factor.CarryForwardDays}.");
        }

        var normalizer = factor.Normalizer;
        if (normalizer is null)
        {
            failures.Add($"{path}.Normalizer: must not be null.");
            return;
        }

        var n = $"{path}.Normalizer";
        switch (normalizer.Kind)
        {
            case HealthNormalizerKind.Linear:
                var minFinite = Finite($"{n}.Min", normalizer.Min, failures);
                if (Finite($"{n}.Max", normalizer.Max, failures) && minFinite)
                {
                    if (!(normalizer.Max > normalizer.Min))
                    {
                        failures.Add($"{n}.Max: must be greater than Min ({Guard.Format(normalizer.Min)}) but was {Guard.Format(normalizer.Max)}.");
                    }
                    else if (double.IsInfinity(normalizer.Max - normalizer.Min))
                    {
                        failures.Add($"{n}.Max: the range Max − Min must be a finite number, but Max was {Guard.Format(normalizer.Max)} and Min {Guard.Format(normalizer.Min)}.");
                    }
                }

                break;
            case HealthNormalizerKind.Logistic:
                Finite($"{n}.Midpoint", normalizer.Midpoint, failures);
                Positive($"{n}.Steepness", normalizer.Steepness, failures);
                break;
            case HealthNormalizerKind.RatioToTarget:
                Positive($"{n}.Target", normalizer.Target, failures);
                break;
            case HealthNormalizerKind.StepGrid:
                if (factor.Direction == HealthDirection.LowerIsBetter)
                {
                    failures.Add($"{path}.Direction: a step grid states its points directly, so it must be HigherIsBetter but was LowerIsBetter.");
                }

                ValidateSteps(n, normalizer.Steps, failures);
                break;
            default:
                failures.Add($"{n}.Kind: must be Linear, StepGrid, Logistic or RatioToTarget but was {(int)normalizer.Kind}.");
                break;
        }
    }

    private static void ValidateSteps(string n, List<HealthStepOptions>? steps, List<string> failures)
    {
        if (steps is null || steps.Count == 0)
        {
            failures.Add($"{n}.Steps: a step grid needs at least one step.");
            return;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"{n}.Steps[{i}]";
            var step = steps[i];
            if (step is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (!(step.Points >= 0 && step.Points <= 100))
            {
                failures.Add($"{path}.Points: must be in range [0-100] but was {Guard.Format(step.Points)}.");
            }

            var fromOk = step.From is not { } from || Finite($"{path}.From", from, failures);
            var toOk = step.To is not { } to || Finite($"{path}.To", to, failures);
            if (fromOk && toOk && step.From is { } lower && step.To is { } upper && !(upper > lower))
            {
                failures.Add($"{path}.To: must be greater than From ({Guard.Format(lower)}) but was {Guard.Format(upper)}.");
            }

            if (i == 0 || steps[i - 1] is not { } previous)
            {
                continue;
            }

            var previousPath = $"{n}.Steps[{i - 1}]";
            if (previous.To is not { } previousTo)
            {
                failures.Add($"{previousPath}.To: only the last step may have no upper bound.");
            }
            else if (step.From != previousTo)
            {
                var was = step.From is { } f ? Guard.Format(f) : "null";
                failures.Add($"{path}.From: must equal {previousPath}.To ({Guard.Format(previousTo)}) so the steps neither overlap nor leave a gap, but was {was}.");
            }
            else if (previous.ToInclusive == step.FromInclusive)
            {
                var problem = step.FromInclusive ? $"both steps include {Guard.Format(previousTo)}" : $"no step includes {Guard.Format(previousTo)}";
                failures.Add($"{path}.FromInclusive: {problem}; exactly one of {previousPath}.ToInclusive and {path}.FromInclusive must be true.");
            }
        }
    }

    private static void ValidateBands(List<HealthBandOptions>? bands, List<string> failures)
    {
        if (bands is null)
        {
            failures.Add("Bands: must not be null.");
            return;
        }

        if (bands.Count < 2)
        {
            failures.Add($"Bands: at least two bands are needed but there are {bands.Count}.");
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < bands.Count; i++)
        {
            var path = $"Bands[{i}]";
            var band = bands[i];
            if (band is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(band.Name))
            {
                failures.Add($"{path}.Name: must not be empty.");
            }
            else if (!names.TryAdd(band.Name, i))
            {
                failures.Add($"{path}.Name: \"{band.Name}\" is already used by Bands[{names[band.Name]}].");
            }

            var minOk = InScoreRange($"{path}.Min", band.Min, failures);
            var maxOk = InScoreRange($"{path}.Max", band.Max, failures);
            if (minOk && maxOk && !(band.Min < band.Max))
            {
                failures.Add($"{path}.Min: must be less than Max ({Guard.Format(band.Max)}) but was {Guard.Format(band.Min)}.");
            }

            if (i == 0 && maxOk && band.Max != 100)
            {
                failures.Add($"{path}.Max: the first band must end at 100 but was {Guard.Format(band.Max)}.");
            }

            if (i == bands.Count - 1 && minOk && band.Min != 0)
            {
                failures.Add($"{path}.Min: the last band must start at 0 but was {Guard.Format(band.Min)}.");
            }

            if (i > 0 && bands[i - 1] is { } higher && maxOk && band.Max != higher.Min)
            {
                failures.Add($"{path}.Max: must equal Bands[{i - 1}].Min ({Guard.Format(higher.Min)}) so the bands neither overlap nor leave a gap, but was {Guard.Format(band.Max)}.");
            }
        }
    }

    private static void ValidateTrend(HealthTrendOptions? trend, HashSet<string> factorIds, List<string> failures)
    {
        if (trend is null)
        {
            failures.Add("Trend: must not be null.");
            return;
        }

        if (trend.WindowDays is < 1 or > MaxDays)
        {
            failures.Add($"Trend.WindowDays: must be in range [1-{MaxDays}] but was {trend.WindowDays}.");
        }

        NonNegative("Trend.StablePoints", trend.StablePoints, failures);
        Positive("Trend.ScoreDropPoints", trend.ScoreDropPoints, failures);
        NonNegative("Trend.HysteresisMargin", trend.HysteresisMargin, failures);
        if (trend.HysteresisEvaluations < 0)
        {
            failures.Add($"Trend.HysteresisEvaluations: must be >= 0 but was {trend.HysteresisEvaluations}.");
        }

        if (trend.UsageDrops is null)
        {
            failures.Add("Trend.UsageDrops: must not be null.");
            return;
        }

        for (var i = 0; i < trend.UsageDrops.Count; i++)
        {
            var path = $"Trend.UsageDrops[{i}]";
            var rule = trend.UsageDrops[i];
            if (rule is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.FactorId))
            {
                failures.Add($"{path}.FactorId: must not be empty.");
            }
            else if (!factorIds.Contains(rule.FactorId))
            {
                failures.Add($"{path}.FactorId: no factor has the id \"{rule.FactorId}\".");
            }

            if (!(rule.DropPercent > 0 && rule.DropPercent <= 100))
            {
                failures.Add($"{path}.DropPercent: must be in range (0-100] but was {Guard.Format(rule.DropPercent)}.");
            }
        }
    }

    private static bool Finite(string path, double value, List<string> failures)
    {
        if (double.IsFinite(value))
        {
            return true;
        }

        failures.Add($"{path}: must be a finite number but was {Guard.Format(value)}.");
        return false;
    }

    private static void Positive(string path, double value, List<string> failures)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            failures.Add($"{path}: must be a finite number > 0 but was {Guard.Format(value)}.");
        }
    }

    private static void NonNegative(string path, double value, List<string> failures)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            failures.Add($"{path}: must be a finite number >= 0 but was {Guard.Format(value)}.");
        }
    }

    private static bool InScoreRange(string path, double value, List<string> failures)
    {
        if (value >= 0 && value <= 100)
        {
            return true;
        }

        failures.Add($"{path}: must be in range [0-100] but was {Guard.Format(value)}.");
        return false;
    }
}
