using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.LeadScoring;

/// <summary>Validates a <see cref="LeadScoringOptions"/> policy, reporting every failure as <c>Property: message</c>.</summary>
public sealed class LeadScoringOptionsValidator : IValidateOptions<LeadScoringOptions>, IPolicyValidator<LeadScoringOptions>
{
    // A century: longer spans are mistakes, and they would overflow the tick arithmetic of the time rules.
    private const int MaxDays = 36_500;

    // Weights are typed by people: 0.3 + 0.7 is not exactly 1 in binary.
    private const double WeightSumTolerance = 1e-9;

    /// <summary>Validates a lead-scoring policy.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, LeadScoringOptions options) => PolicyValidation.Validate<LeadScoringOptions, LeadScoringOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<LeadScoringOptions>.Collect(LeadScoringOptions options, List<string> failures)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        ValidateRules("FitRules", options.FitRules, isFit: true, ids, failures);
        ValidateKinds(options.InteractionKinds, failures);
        if (options.HalfLifeDays is < 1 or > MaxDays)
        {
            failures.Add($"HalfLifeDays: must be in range [1-{MaxDays}] but was {options.HalfLifeDays}.");
        }

        ValidateRules("NegativeRules", options.NegativeRules, isFit: false, ids, failures);
        ValidateStrings("DisqualifyingFlags", options.DisqualifyingFlags, failures);

        var fitOk = InRange("FitWeight", options.FitWeight, 1, failures);
        var engagementOk = InRange("EngagementWeight", options.EngagementWeight, 1, failures);
        if (fitOk && engagementOk && Math.Abs(options.FitWeight + options.EngagementWeight - 1) > WeightSumTolerance)
        {
            failures.Add($"EngagementWeight: FitWeight + EngagementWeight must be 1 but was {Guard.Format(options.FitWeight)} + {Guard.Format(options.EngagementWeight)}.");
        }

        var mqlOk = InRange("MarketingQualifiedMinimum", options.MarketingQualifiedMinimum, 100, failures);
        var sqlOk = InRange("SalesQualifiedMinimum", options.SalesQualifiedMinimum, 100, failures);
        if (mqlOk && sqlOk && options.SalesQualifiedMinimum < options.MarketingQualifiedMinimum)
        {
            failures.Add($"SalesQualifiedMinimum: must be >= MarketingQualifiedMinimum ({Guard.Format(options.MarketingQualifiedMinimum)}) but was {Guard.Format(options.SalesQualifiedMinimum)}.");
        }

        InRange("SalesQualifiedMinimumFit", options.SalesQualifiedMinimumFit, 100, failures);
    }

    private static void ValidateRules(string property, List<LeadRuleOptions>? rules, bool isFit, Dictionary<string, string> ids, List<string> failures)
    {
        if (rules is null)
        {
            failures.Add($"{property}: must not be null.");
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var path = $"{property}[{i}]";
            var rule = rules[i];
            if (rule is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                failures.Add($"{path}.Id: must not be empty.");
            }
            else if (!ids.TryAdd(rule.Id, path))
            {
                failures.Add($"{path}.Id: \"{rule.Id}\" is already used by {ids[rule.Id]}.");
            }

            NonNegative($"{path}.Points", rule.Points, failures);
            switch (rule.Kind)
            {
                case LeadRuleKind.IndustryIn or LeadRuleKind.RegionIn or LeadRuleKind.EmailDomainIn or LeadRuleKind.HasFlag:
                    if (rule.Values is { Count: 0 })
                    {
                        failures.Add($"{path}.Values: a {rule.Kind} rule needs at least one value.");
                    }

                    ValidateStrings($"{path}.Values", rule.Values, failures);
                    break;
                case LeadRuleKind.EmployeesBetween:
                    ValidateEmployees(path, rule, failures);
                    break;
                case LeadRuleKind.NoActivityForDays:
                    if (isFit)
                    {
                        failures.Add($"{path}.Kind: NoActivityForDays is a negative signal; a fit rule must look at the prospect's attributes.");
                    }
                    else if (rule.Days is < 1 or > MaxDays)
                    {
                        failures.Add($"{path}.Days: must be in range [1-{MaxDays}] but was {rule.Days}.");
                    }

                    break;
                default:
                    failures.Add($"{path}.Kind: must be IndustryIn, EmployeesBetween, RegionIn, EmailDomainIn, HasFlag or NoActivityForDays but was {(int)rule.Kind}.");
                    break;
            }
        }
    }

    private static void ValidateEmployees(string path, LeadRuleOptions rule, List<string> failures)
    {
        if (rule.MinEmployees is null && rule.MaxEmployees is null)
        {
            failures.Add($"{path}.MinEmployees: an EmployeesBetween rule needs MinEmployees, MaxEmployees or both.");
            return;
        }

        var minOk = rule.MinEmployees is not { } min || NonNegative($"{path}.MinEmployees", min, failures);
        var maxOk = rule.MaxEmployees is not { } max || NonNegative($"{path}.MaxEmployees", max, failures);
        if (minOk && maxOk && rule.MinEmployees is { } lower && rule.MaxEmployees is { } upper && upper < lower)
        {
            failures.Add($"{path}.MaxEmployees: must be >= MinEmployees ({Guard.Format(lower)}) but was {Guard.Format(upper)}.");
        }
    }

    private static void ValidateKinds(List<LeadInteractionKindOptions>? kinds, List<string> failures)
    {
        if (kinds is null)
        {
            failures.Add("InteractionKinds: must not be null.");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < kinds.Count; i++)
        {
            var path = $"InteractionKinds[{i}]";
            var kind = kinds[i];
            if (kind is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(kind.Kind))
            {
                failures.Add($"{path}.Kind: must not be empty.");
            }
            else if (!seen.TryAdd(kind.Kind, i))
            {
                failures.Add($"{path}.Kind: \"{kind.Kind}\" is already used by InteractionKinds[{seen[kind.Kind]}] (kinds are compared ignoring case).");
            }

            NonNegative($"{path}.Points", kind.Points, failures);
            if (kind.Cap is { } cap && (!(cap > 0) || double.IsInfinity(cap)))
            {
                failures.Add($"{path}.Cap: must be a finite number > 0 but was {Guard.Format(cap)}.");
            }
        }
    }

    private static void ValidateStrings(string path, List<string>? values, List<string> failures)
    {
        if (values is null)
        {
            failures.Add($"{path}: must not be null.");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                failures.Add($"{path}[{i}]: must not be empty.");
            }
        }
    }

    private static bool NonNegative(string path, double value, List<string> failures)
    {
        if (value >= 0 && !double.IsInfinity(value))
        {
            return true;
        }

        failures.Add($"{path}: must be a finite number >= 0 but was {Guard.Format(value)}.");
        return false;
    }

    private static bool InRange(string path, double value, double max, List<string> failures)
    {
        if (value >= 0 && value <= max)
        {
            return true;
        }

        failures.Add($"{path}: must be in range [0-{Guard.Format(max)}] but was {Guard.Format(value)}.");
        return false;
    }
}
