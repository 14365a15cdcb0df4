using System.Globalization;

namespace CustomerLifecycle.Lifecycle;

/// <summary>Turns a lifecycle outcome into the decision line and the reasons of its <see cref="Explanation{TResult}"/>.</summary>
internal static class LifecycleExplanation
{
    public static string Decision(LifecycleRecord before, LifecycleOutcome outcome)
    {
        if (outcome.Status == LifecycleOutcomeStatus.Rejected)
        {
            return $"not evaluated ({outcome.Reasons[0].Code})";
        }

        var stage = outcome.Record?.Stage ?? before.Stage;
        return outcome.Transitions.Count == 0
            ? $"stays {stage}"
            : string.Create(CultureInfo.InvariantCulture, $"{before.Stage} → {stage} ({outcome.Transitions.Count} transition{(outcome.Transitions.Count == 1 ? string.Empty : "s")})");
    }

    public static IReadOnlyList<Reason> Reasons(LifecycleOutcome outcome)
    {
        var reasons = new List<Reason>(outcome.Reasons);
        foreach (var transition in outcome.Transitions)
        {
            reasons.AddRange(transition.Reasons);
        }

        foreach (var check in outcome.NotFired)
        {
            foreach (var why in check.Reasons)
            {
                reasons.Add(new Reason(
                    "lifecycle.not-fired",
                    $"Rule {check.RuleId} (to {check.To}) did not fire: {why.Message}",
                    new Dictionary<string, object?> { ["rule"] = check.RuleId, ["to"] = check.To, ["code"] = why.Code }));
            }
        }

        foreach (var action in outcome.Actions)
        {
            reasons.Add(new Reason(
                "lifecycle.action-due",
                string.Create(CultureInfo.InvariantCulture, $"{action.Kind} due {action.DueAt}: {action.Description}"),
                new Dictionary<string, object?> { ["kind"] = action.Kind, ["dueAt"] = action.DueAt, ["source"] = action.Source }));
        }

        return reasons;
    }
}
