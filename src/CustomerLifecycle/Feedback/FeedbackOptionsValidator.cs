using CustomerLifecycle.Calendars;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Feedback;

/// <summary>Validates <see cref="FeedbackOptions"/>, reporting every failure as <c>Property: message</c>.</summary>
/// <remarks>Besides each field, it checks that the priority matrix names every impact × urgency pair exactly once and is
/// monotone: a wider impact or a higher urgency never gives a lower priority.</remarks>
public sealed class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>, IPolicyValidator<FeedbackOptions>
{
    /// <summary>The largest amount of an SLA target, in its unit.</summary>
    internal const double MaxTargetAmount = 100_000;

    /// <summary>Validates a feedback policy.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, FeedbackOptions options) => PolicyValidation.Validate<FeedbackOptions, FeedbackOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<FeedbackOptions>.Collect(FeedbackOptions options, List<string> failures)
    {
        var categories = CheckCategories(options.Categories, failures);
        CheckMember(options.DefaultCategory, categories, "DefaultCategory", "Categories", failures);
        var impacts = CheckNamedList(options.ImpactLevels, "ImpactLevels", l => l.Name, failures);
        if (options.ImpactLevels is not null)
        {
            for (var i = 0; i < options.ImpactLevels.Count; i++)
            {
                var level = options.ImpactLevels[i];
                if (level is null)
                {
                    continue;
                }

                if (level.MinCustomers < 0)
                {
                    failures.Add($"ImpactLevels[{i}].MinCustomers: must be >= 0 but was {level.MinCustomers}.");
                }

                if (!(level.MinShare >= 0 && level.MinShare <= 1))
                {
                    failures.Add($"ImpactLevels[{i}].MinShare: must be in range [0-1] but was {Guard.Format(level.MinShare)}.");
                }
            }
        }

        var urgencies = CheckNamedList(options.UrgencyLevels, "UrgencyLevels", l => l.Name, failures);
        if (options.UrgencyLevels is not null)
        {
            for (var i = 0; i < options.UrgencyLevels.Count; i++)
            {
                CheckKeywords(options.UrgencyLevels[i]?.Keywords, $"UrgencyLevels[{i}]", failures);
            }
        }

        CheckMember(options.DefaultUrgency, urgencies, "DefaultUrgency", "UrgencyLevels", failures);
        var priorities = CheckNamedList(options.Priorities, "Priorities", p => p, failures);
        CheckMatrix(options.Matrix, impacts, urgencies, priorities, failures);
        CheckRanking(options.Ranking, failures);
        CheckSlaPolicies(options.SlaPolicies, categories, priorities, failures);
        if (!(options.WarningFraction > 0 && options.WarningFraction <= 1))
        {
            failures.Add($"WarningFraction: must be in range (0-1] but was {Guard.Format(options.WarningFraction)}.");
        }

        if (options.Calendar is null)
        {
            failures.Add("Calendar: must not be null.");
        }
        else
        {
            BusinessCalendarOptionsValidator.Collect(options.Calendar, "Calendar.", failures);
        }

        CheckMember(options.ComplaintCategory, categories, "ComplaintCategory", "Categories", failures);
        if (!(options.ComplaintResolutionTarget >= 0 && options.ComplaintResolutionTarget <= 1))
        {
            failures.Add($"ComplaintResolutionTarget: must be in range [0-1] but was {Guard.Format(options.ComplaintResolutionTarget)}.");
        }
    }

    private static List<string>? CheckCategories(List<FeedbackCategoryOptions>? categories, List<string> failures)
    {
        var names = CheckNamedList(categories, "Categories", c => c.Name, failures);
        if (categories is null)
        {
            return names;
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var category = categories[i];
            if (category is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(category.Team))
            {
                failures.Add($"Categories[{i}].Team: must not be empty.");
            }

            CheckKeywords(category.Keywords, $"Categories[{i}]", failures);
        }

        return names;
    }

    private static void CheckKeywords(List<string>? keywords, string owner, List<string> failures)
    {
        if (keywords is null)
        {
            failures.Add($"{owner}.Keywords: must not be null.");
            return;
        }

        for (var k = 0; k < keywords.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(keywords[k]))
            {
                failures.Add($"{owner}.Keywords[{k}]: must not be empty.");
            }
        }
    }

    /// <summary>Checks a list of uniquely named entries and returns the names in order (null when the list itself is unusable).</summary>
    private static List<string>? CheckNamedList<T>(List<T>? list, string property, Func<T, string?> name, List<string> failures)
    {
        if (list is null)
        {
            failures.Add($"{property}: must not be null.");
            return null;
        }

        if (list.Count == 0)
        {
            failures.Add($"{property}: must list at least one entry.");
            return null;
        }

        var names = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var isString = typeof(T) == typeof(string);
            var field = isString ? $"{property}[{i}]" : $"{property}[{i}].Name";
            if (item is null && !isString)
            {
                failures.Add($"{property}[{i}]: must not be null.");
                names.Add(string.Empty);
                continue;
            }

            var value = item is null ? null : name(item);
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{field}: must not be empty.");
                names.Add(string.Empty);
                continue;
            }

            if (seen.TryGetValue(value, out var first))
            {
                failures.Add($"{field}: '{value}' is listed twice (also {property}[{first}]).");
            }
            else
            {
                seen[value] = i;
            }

            names.Add(value);
        }

        return names;
    }

    private static void CheckMember(string? value, List<string>? names, string property, string listProperty, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{property}: must not be empty.");
        }
        else if (names is not null && !names.Contains(value, StringComparer.Ordinal))
        {
            failures.Add($"{property}: '{value}' is not one of the {listProperty}.");
        }
    }

    private static void CheckMatrix(List<PriorityMatrixEntryOptions>? matrix, List<string>? impacts, List<string>? urgencies, List<string>? priorities, List<string> failures)
    {
        if (matrix is null)
        {
            failures.Add("Matrix: must not be null.");
            return;
        }

        var cells = new Dictionary<(int Impact, int Urgency), (int Priority, int Entry)>();
        var usable = impacts is not null && urgencies is not null && priorities is not null;
        for (var i = 0; i < matrix.Count; i++)
        {
            var entry = matrix[i];
            if (entry is null)
            {
                failures.Add($"Matrix[{i}]: must not be null.");
                usable = false;
                continue;
            }

            var impact = IndexIn(entry.Impact, impacts, $"Matrix[{i}].Impact", "ImpactLevels", failures);
            var urgency = IndexIn(entry.Urgency, urgencies, $"Matrix[{i}].Urgency", "UrgencyLevels", failures);
            var priority = IndexIn(entry.Priority, priorities, $"Matrix[{i}].Priority", "Priorities", failures);
            if (impact < 0 || urgency < 0 || priority < 0)
            {
                usable = false;
                continue;
            }

            if (cells.TryGetValue((impact, urgency), out var first))
            {
                failures.Add($"Matrix[{i}]: impact '{entry.Impact}' × urgency '{entry.Urgency}' is listed twice (also Matrix[{first.Entry}]).");
                usable = false;
                continue;
            }

            cells[(impact, urgency)] = (priority, i);
        }

        if (!usable)
        {
            return;
        }

        var complete = true;
        for (var i = 0; i < impacts!.Count; i++)
        {
            for (var u = 0; u < urgencies!.Count; u++)
            {
                if (!cells.ContainsKey((i, u)))
                {
                    failures.Add($"Matrix: no entry for impact '{impacts[i]}' × urgency '{urgencies[u]}'.");
                    complete = false;
                }
            }
        }

        if (!complete)
        {
            return;
        }

        // Priorities are listed highest first, so a larger index is a lower priority.
        for (var i = 0; i < impacts.Count; i++)
        {
            for (var u = 0; u < urgencies!.Count; u++)
            {
                var p = cells[(i, u)].Priority;
                if (i > 0 && p > cells[(i - 1, u)].Priority)
                {
                    failures.Add($"Matrix: impact '{impacts[i]}' × urgency '{urgencies[u]}' gives '{priorities![p]}', lower than '{priorities[cells[(i - 1, u)].Priority]}' for the narrower impact '{impacts[i - 1]}'.");
                }

                if (u > 0 && p > cells[(i, u - 1)].Priority)
                {
                    failures.Add($"Matrix: impact '{impacts[i]}' × urgency '{urgencies[u]}' gives '{priorities![p]}', lower than '{priorities[cells[(i, u - 1)].Priority]}' for the less urgent '{urgencies[u - 1]}'.");
                }
            }
        }
    }

    private static int IndexIn(string? value, List<string>? names, string property, string listProperty, List<string> failures)
    {
        if (names is null)
        {
            return -1;
        }

        var index = value is null ? -1 : names.IndexOf(value);
        if (index < 0)
        {
            failures.Add($"{property}: '{value}' is not one of the {listProperty}.");
        }

        return index;
    }

    private static void CheckRanking(RankingOptions? ranking, List<string> failures)
    {
        if (ranking is null)
        {
            failures.Add("Ranking: must not be null.");
            return;
        }

        if (!(ranking.PerCustomer >= 0 && double.IsFinite(ranking.PerCustomer)))
        {
            failures.Add($"Ranking.PerCustomer: must be a finite number >= 0 but was {Guard.Format(ranking.PerCustomer)}.");
        }

        if (!(ranking.ValueWeight >= 0 && double.IsFinite(ranking.ValueWeight)))
        {
            failures.Add($"Ranking.ValueWeight: must be a finite number >= 0 but was {Guard.Format(ranking.ValueWeight)}.");
        }

        if (!Enum.IsDefined(ranking.ValueScale))
        {
            failures.Add($"Ranking.ValueScale: {(int)ranking.ValueScale} is not a ValueScale.");
        }
    }

    private static void CheckSlaPolicies(List<SlaPolicyOptions>? policies, List<string>? categories, List<string>? priorities, List<string> failures)
    {
        if (policies is null)
        {
            failures.Add("SlaPolicies: must not be null.");
            return;
        }

        var seen = new Dictionary<(string?, string?), int>();
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            if (policy is null)
            {
                failures.Add($"SlaPolicies[{i}]: must not be null.");
                continue;
            }

            if (policy.Category is not null)
            {
                IndexIn(policy.Category, categories, $"SlaPolicies[{i}].Category", "Categories", failures);
            }

            if (policy.Priority is not null)
            {
                IndexIn(policy.Priority, priorities, $"SlaPolicies[{i}].Priority", "Priorities", failures);
            }

            if (seen.TryGetValue((policy.Category, policy.Priority), out var first))
            {
                failures.Add($"SlaPolicies[{i}]: category '{policy.Category ?? "(any)"}' and priority '{policy.Priority ?? "(any)"}' are listed twice (also SlaPolicies[{first}]).");
            }
            else
            {
                seen[(policy.Category, policy.Priority)] = i;
            }

            CheckTarget(policy.Acknowledge, $"SlaPolicies[{i}].Acknowledge", failures);
            CheckTarget(policy.FirstResponse, $"SlaPolicies[{i}].FirstResponse", failures);
            CheckTarget(policy.Resolution, $"SlaPolicies[{i}].Resolution", failures);
            CheckTarget(policy.FollowUp, $"SlaPolicies[{i}].FollowUp", failures);
        }
    }

    private static void CheckTarget(SlaTargetOptions? target, string property, List<string> failures)
    {
        if (target is null || target.None)
        {
            return;
        }

        if (!Enum.IsDefined(target.Unit))
        {
            failures.Add($"{property}.Unit: {(int)target.Unit} is not an SlaUnit.");
        }

        if (!(target.Amount >= 0))
        {
            failures.Add($"{property}.Amount: must be >= 0 but was {Guard.Format(target.Amount)}.");
        }
        else if (target.Amount > MaxTargetAmount)
        {
            failures.Add($"{property}.Amount: must be <= {Guard.Format(MaxTargetAmount)} but was {Guard.Format(target.Amount)}.");
        }
        else if (target.Unit == SlaUnit.BusinessDays && target.Amount != Math.Floor(target.Amount))
        {
            failures.Add($"{property}.Amount: must be a whole number of business days but was {Guard.Format(target.Amount)}.");
        }
    }
}
