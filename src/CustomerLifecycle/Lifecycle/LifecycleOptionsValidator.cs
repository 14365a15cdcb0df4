using System.Globalization;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace CustomerLifecycle.Lifecycle;

/// <summary>Validates a <see cref="LifecycleOptions"/> policy and reports every problem as <c>Property: message</c>.</summary>
/// <remarks>
/// Besides each field, the graph as a whole is checked: every stage reachable from the initial stage, no dead end (a
/// stage that is not <see cref="StageKind.Closed"/> must have a way out; a closed one must have none), no rule that moves
/// a stage to itself, no two rules that overlap (same stage and trigger, different targets, one's conditions a subset of
/// the other's, so that one can never fire on its own), no rule whose conditions contradict each other, and no cycle of
/// unconditional time-based rules.
/// </remarks>
public sealed class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>, IPolicyValidator<LifecycleOptions>
{
    private static readonly string[] EventKindNames = Enum.GetNames<LifecycleEventKind>();

    /// <summary>Validates a policy.</summary>
    /// <param name="name">The options name (unused: every named instance is validated the same way).</param>
    /// <param name="options">The policy.</param>
    /// <returns>Success, or a failure listing every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options) => PolicyValidation.Validate<LifecycleOptions, LifecycleOptionsValidator>(options);

    /// <inheritdoc cref="IPolicyValidator{TOptions}.Collect"/>
    static void IPolicyValidator<LifecycleOptions>.Collect(LifecycleOptions options, List<string> failures)
    {
        var stages = ValidateStages(options, failures);
        ValidateTopLevel(options, stages, failures);
        ValidateRules(options, stages, failures);
        ValidateTriggers(options, stages, failures);
        if (failures.Count == 0)
        {
            ValidateGraph(options, failures);
        }
    }

    private static Dictionary<string, StageOptions> ValidateStages(LifecycleOptions options, List<string> failures)
    {
        var stages = new Dictionary<string, StageOptions>(StringComparer.Ordinal);
        if (options.Stages is null || options.Stages.Count == 0)
        {
            failures.Add("Stages: must name at least one stage.");
            return stages;
        }

        var tenure = new Dictionary<int, string>();
        for (var i = 0; i < options.Stages.Count; i++)
        {
            var stage = options.Stages[i];
            var path = $"Stages[{i}]";
            if (stage is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(stage.Name))
            {
                failures.Add($"{path}.Name: must not be empty.");
            }
            else if (!stages.TryAdd(stage.Name, stage))
            {
                failures.Add($"{path}.Name: '{stage.Name}' is defined more than once.");
            }

            if (!Enum.IsDefined(stage.Kind))
            {
                failures.Add($"{path}.Kind: {(int)stage.Kind} is not a StageKind.");
            }

            if (stage.TenureMonths is { } months)
            {
                if (months < 0)
                {
                    failures.Add($"{path}.TenureMonths: must be >= 0 but was {months}.");
                }
                else if (!tenure.TryAdd(months, stage.Name))
                {
                    failures.Add($"{path}.TenureMonths: {months} is also the tenure of '{tenure[months]}'.");
                }
            }

            var playbook = stage.Playbook ?? [];
            for (var j = 0; j < playbook.Count; j++)
            {
                var step = playbook[j];
                var stepPath = $"{path}.Playbook[{j}]";
                if (step is null)
                {
                    failures.Add($"{stepPath}: must not be null.");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(step.Kind))
                {
                    failures.Add($"{stepPath}.Kind: must not be empty.");
                }

                CheckRange(failures, $"{stepPath}.BusinessDays", step.BusinessDays, 0, 3650);
                CheckRange(failures, $"{stepPath}.Days", step.Days, 0, 3650);
                CheckRange(failures, $"{stepPath}.Hours", step.Hours, 0, 87600);
            }
        }

        return stages;
    }

    private static void ValidateTopLevel(LifecycleOptions options, Dictionary<string, StageOptions> stages, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.InitialStage))
        {
            failures.Add("InitialStage: must not be empty.");
        }
        else if (stages.Count > 0 && !stages.ContainsKey(options.InitialStage))
        {
            failures.Add($"InitialStage: unknown stage '{options.InitialStage}'; known stages are {Known(stages)}.");
        }

        if (string.IsNullOrWhiteSpace(options.TimeZoneId))
        {
            failures.Add("TimeZoneId: must not be empty.");
        }
        else if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZoneId) is null)
        {
            failures.Add($"TimeZoneId: '{options.TimeZoneId}' is not an IANA time zone id.");
        }

        var workingDays = options.WorkingDays ?? [];
        if (workingDays.Count == 0)
        {
            failures.Add("WorkingDays: must name at least one day.");
        }

        for (var i = 0; i < workingDays.Count; i++)
        {
            if (!Enum.IsDefined(workingDays[i]))
            {
                failures.Add($"WorkingDays[{i}]: {(int)workingDays[i]} is not a day of the week.");
            }
            else if (workingDays.IndexOf(workingDays[i]) != i)
            {
                failures.Add($"WorkingDays[{i}]: {workingDays[i]} is listed more than once.");
            }
        }

        ValidateHolidays(options.Holidays ?? [], failures);
        CheckRange(failures, "DuplicateWindow", options.DuplicateWindow, 1, 1024);
    }

    private static void ValidateHolidays(List<string> holidays, List<string> failures)
    {
        for (var i = 0; i < holidays.Count; i++)
        {
            var text = holidays[i];
            if (text is null || !LocalDatePattern.Iso.Parse(text).Success)
            {
                failures.Add($"Holidays[{i}]: '{text}' is not a date in yyyy-MM-dd format.");
            }
        }
    }

    private static void ValidateRules(LifecycleOptions options, Dictionary<string, StageOptions> stages, List<string> failures)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = options.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = $"Rules[{i}]";
            if (rule is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                failures.Add($"{path}.Id: must not be empty.");
            }
            else if (!ids.Add(rule.Id))
            {
                failures.Add($"{path}.Id: '{rule.Id}' is used by more than one rule.");
            }

            var from = rule.From ?? [];
            if (from.Count == 0)
            {
                failures.Add($"{path}.From: must name at least one stage.");
            }

            for (var j = 0; j < from.Count; j++)
            {
                CheckStage(failures, $"{path}.From[{j}]", from[j], stages);
            }

            if (rule.ToTenureStage)
            {
                if (rule.To is not null)
                {
                    failures.Add($"{path}.To: must be null when ToTenureStage is set, but was '{rule.To}'.");
                }
                else if (!stages.Values.Any(s => s.TenureMonths is not null))
                {
                    failures.Add($"{path}.ToTenureStage: no stage has TenureMonths set.");
                }
                else
                {
                    foreach (var tenureStage in stages.Values.Where(s => s.TenureMonths is not null && from.Contains(s.Name)))
                    {
                        failures.Add($"{path}.ToTenureStage: the tenure stage '{tenureStage.Name}' is also in From; a rule cannot move a stage to itself.");
                    }
                }
            }
            else if (rule.To is null)
            {
                failures.Add($"{path}.To: must name a stage (or set ToTenureStage).");
            }
            else if (CheckStage(failures, $"{path}.To", rule.To, stages) && from.Contains(rule.To))
            {
                failures.Add($"{path}.To: '{rule.To}' is also in From; a rule cannot move a stage to itself.");
            }

            var on = rule.On ?? [];
            for (var j = 0; j < on.Count; j++)
            {
                CheckTrigger(failures, $"{path}.On[{j}]", on[j]);
            }

            ValidateConditions(failures, $"{path}.When", rule.When ?? []);
        }
    }

    private static void ValidateTriggers(LifecycleOptions options, Dictionary<string, StageOptions> stages, List<string> failures)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var triggers = options.Triggers ?? [];
        for (var i = 0; i < triggers.Count; i++)
        {
            var trigger = triggers[i];
            var path = $"Triggers[{i}]";
            if (trigger is null)
            {
                failures.Add($"{path}: must not be null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(trigger.Id))
            {
                failures.Add($"{path}.Id: must not be empty.");
            }
            else if (!ids.Add(trigger.Id))
            {
                failures.Add($"{path}.Id: '{trigger.Id}' is used by more than one trigger.");
            }

            var triggerStages = trigger.Stages ?? [];
            if (triggerStages.Count == 0)
            {
                failures.Add($"{path}.Stages: must name at least one stage.");
            }

            for (var j = 0; j < triggerStages.Count; j++)
            {
                CheckStage(failures, $"{path}.Stages[{j}]", triggerStages[j], stages);
            }

            if (string.IsNullOrWhiteSpace(trigger.ActionKind))
            {
                failures.Add($"{path}.ActionKind: must not be empty.");
            }

            var when = trigger.When ?? [];
            if (when.Count == 0)
            {
                failures.Add($"{path}.When: must have at least one condition.");
            }

            ValidateConditions(failures, $"{path}.When", when);
        }
    }

    private static void ValidateConditions(List<string> failures, string path, List<ConditionOptions> conditions)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            ValidateCondition(failures, $"{path}[{i}]", conditions[i]);
        }

        // Contradictions a rule can never satisfy.
        var within = conditions.Where(c => c?.Kind == ConditionKind.ActivityWithinDays && c.Days > 0).Select(c => c.Days!.Value).DefaultIfEmpty(int.MaxValue).Min();
        var none = conditions.Where(c => c?.Kind == ConditionKind.NoActivityForDays && c.Days > 0).Select(c => c.Days!.Value).DefaultIfEmpty(int.MinValue).Max();
        if (within != int.MaxValue && none != int.MinValue && none >= within)
        {
            failures.Add($"{path}: contradictory conditions: no activity for {none} days and activity within {within} days can never both hold.");
        }

        var bands = conditions.Where(c => c?.Kind == ConditionKind.HealthBandIs && !string.IsNullOrWhiteSpace(c.Band)).Select(c => c.Band!).Distinct(StringComparer.Ordinal).ToList();
        if (bands.Count > 1)
        {
            failures.Add($"{path}: contradictory conditions: the health band cannot be {string.Join(" and ", bands.Select(b => $"'{b}'"))} at once.");
        }
    }

    private static void ValidateCondition(List<string> failures, string path, ConditionOptions? condition)
    {
        if (condition is null)
        {
            failures.Add($"{path}: must not be null.");
            return;
        }

        switch (condition.Kind)
        {
            case ConditionKind.MonthsSinceFirstPurchaseAtLeast:
            case ConditionKind.MonthsSinceReactivationAtLeast:
                Require(failures, $"{path}.Months", condition.Months, 0, 1200);
                break;
            case ConditionKind.ActivityWithinDays:
            case ConditionKind.NoActivityForDays:
                Require(failures, $"{path}.Days", condition.Days, 1, 36500);
                break;
            case ConditionKind.PurchasesInMonthsAtLeast:
                Require(failures, $"{path}.Count", condition.Count, 1, 100);
                Require(failures, $"{path}.Months", condition.Months, 1, 1200);
                break;
            case ConditionKind.HasReferral:
                if (condition.Months is { } months)
                {
                    CheckRange(failures, $"{path}.Months", months, 1, 1200);
                }

                break;
            case ConditionKind.LatestNpsAtLeast:
                Require(failures, $"{path}.Score", condition.Score, 0, 10);
                break;
            case ConditionKind.HealthBandIs:
                if (string.IsNullOrWhiteSpace(condition.Band))
                {
                    failures.Add($"{path}.Band: must name a health band.");
                }

                break;
            case ConditionKind.ActivityRatioBelow:
            case ConditionKind.ActivityRecovered:
                Require(failures, $"{path}.Months", condition.Months, 1, 24);
                if (condition.Ratio is not { } ratio)
                {
                    failures.Add($"{path}.Ratio: is required.");
                }
                else if (!(ratio > 0 && ratio <= 10))
                {
                    failures.Add($"{path}.Ratio: must be in range (0-10] but was {ratio.ToString("R", CultureInfo.InvariantCulture)}.");
                }

                break;
            case ConditionKind.Any:
                if (condition.AnyOf is null || condition.AnyOf.Count < 2)
                {
                    failures.Add($"{path}.AnyOf: must have at least two alternatives.");
                }
                else
                {
                    for (var i = 0; i < condition.AnyOf.Count; i++)
                    {
                        ValidateCondition(failures, $"{path}.AnyOf[{i}]", condition.AnyOf[i]);
                    }
                }

                return;
            default:
                failures.Add($"{path}.Kind: {(int)condition.Kind} is not a ConditionKind.");
                return;
        }

        if (condition.AnyOf is not null)
        {
            failures.Add($"{path}.AnyOf: only an Any condition has alternatives.");
        }
    }

    private static void ValidateGraph(LifecycleOptions options, List<string> failures)
    {
        var stageNames = options.Stages.Select(s => s.Name).ToList();
        var kinds = options.Stages.ToDictionary(s => s.Name, s => s.Kind, StringComparer.Ordinal);
        var edges = LifecycleGraph.Edges(options);

        var reachable = new HashSet<string>(StringComparer.Ordinal) { options.InitialStage };
        var queue = new Queue<string>(reachable);
        while (queue.TryDequeue(out var stage))
        {
            foreach (var edge in edges.Where(e => e.From == stage))
            {
                if (reachable.Add(edge.To))
                {
                    queue.Enqueue(edge.To);
                }
            }
        }

        foreach (var stage in stageNames.Where(s => !reachable.Contains(s)))
        {
            failures.Add($"Stages: '{stage}' is unreachable from the initial stage '{options.InitialStage}'.");
        }

        foreach (var stage in stageNames)
        {
            var hasWayOut = edges.Any(e => e.From == stage);
            if (kinds[stage] == StageKind.Closed && hasWayOut)
            {
                failures.Add($"Stages: '{stage}' is Closed but rules lead out of it ({string.Join(", ", edges.Where(e => e.From == stage).Select(e => e.RuleId).Distinct())}); a closed stage is terminal.");
            }
            else if (kinds[stage] != StageKind.Closed && !hasWayOut)
            {
                failures.Add($"Stages: '{stage}' is a dead end: no rule leads out of it and it is not Closed.");
            }
        }

        ValidateOverlaps(options, failures);
        ValidateUnconditionalCycles(edges, failures);
    }

    private static void ValidateOverlaps(LifecycleOptions options, List<string> failures)
    {
        var rules = options.Rules;
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                var a = rules[i];
                var b = rules[j];
                if (a.ToTenureStage == b.ToTenureStage && a.To == b.To)
                {
                    continue;
                }

                var shared = a.From.Intersect(b.From, StringComparer.Ordinal).ToList();
                var sameTrigger = (a.On.Count == 0 && b.On.Count == 0) || a.On.Intersect(b.On, StringComparer.Ordinal).Any();
                if (shared.Count == 0 || !sameTrigger)
                {
                    continue;
                }

                if (IsSubset(a.When, b.When) || IsSubset(b.When, a.When))
                {
                    failures.Add($"Rules[{j}]: overlaps Rules[{i}] ('{b.Id}' and '{a.Id}' both leave {string.Join(", ", shared.Select(s => $"'{s}'"))} on the same trigger with the conditions of one contained in the other's); make their conditions exclusive.");
                }
            }
        }
    }

    private static void ValidateUnconditionalCycles(List<LifecycleGraph.Edge> edges, List<string> failures)
    {
        var unconditional = edges.Where(e => e.IsTimeBased && e.IsUnconditional).ToList();
        foreach (var start in unconditional.Select(e => e.From).Distinct())
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            stack.Push(start);
            while (stack.TryPop(out var stage))
            {
                foreach (var edge in unconditional.Where(e => e.From == stage))
                {
                    if (edge.To == start)
                    {
                        failures.Add($"Rules: the time-based rules without conditions form a cycle through '{start}' ('{edge.RuleId}' returns to it); add conditions that cannot all hold at once.");
                        return;
                    }

                    if (seen.Add(edge.To))
                    {
                        stack.Push(edge.To);
                    }
                }
            }
        }
    }

    private static bool IsSubset(List<ConditionOptions> smaller, List<ConditionOptions> larger)
        => smaller.All(s => larger.Any(l => SameCondition(s, l)));

    private static bool SameCondition(ConditionOptions a, ConditionOptions b)
        => a.Kind == b.Kind && a.Days == b.Days && a.Months == b.Months && a.Count == b.Count && a.Ratio == b.Ratio
           && a.Score == b.Score && a.Band == b.Band && a.MatchWhenUnknown == b.MatchWhenUnknown
           && (a.AnyOf ?? []).Count == (b.AnyOf ?? []).Count
           && (a.AnyOf ?? []).Zip(b.AnyOf ?? []).All(p => SameCondition(p.First, p.Second));

    private static bool CheckStage(List<string> failures, string path, string? stage, Dictionary<string, StageOptions> stages)
    {
        if (string.IsNullOrWhiteSpace(stage))
        {
            failures.Add($"{path}: must name a stage.");
            return false;
        }

        if (stages.Count > 0 && !stages.ContainsKey(stage))
        {
            failures.Add($"{path}: unknown stage '{stage}'; known stages are {Known(stages)}.");
            return false;
        }

        return true;
    }

    private static void CheckTrigger(List<string> failures, string path, string? trigger)
    {
        if (string.IsNullOrWhiteSpace(trigger))
        {
            failures.Add($"{path}: must name an event.");
            return;
        }

        var builtIn = EventKindNames.FirstOrDefault(n => string.Equals(n, trigger, StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null && builtIn != trigger)
        {
            failures.Add($"{path}: '{trigger}' differs from the event kind '{builtIn}' only in case; event names are case-sensitive.");
        }
    }

    private static void Require(List<string> failures, string path, int? value, int min, int max)
    {
        if (value is null)
        {
            failures.Add($"{path}: is required.");
        }
        else
        {
            CheckRange(failures, path, value.Value, min, max);
        }
    }

    private static void CheckRange(List<string> failures, string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{path}: must be in range [{min}-{max}] but was {value}.");
        }
    }

    private static string Known(Dictionary<string, StageOptions> stages) => string.Join(", ", stages.Keys);
}
