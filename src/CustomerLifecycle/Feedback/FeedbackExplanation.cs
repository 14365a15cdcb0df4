using System.Globalization;
using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Feedback;

/// <summary>Turns a feedback assessment into the decision line and the reasons of its <see cref="Explanation{TResult}"/>.</summary>
internal static class FeedbackExplanation
{
    /// <summary>The explanation of <paramref name="assessment"/>, the assessment of the item with id <paramref name="subject"/>.</summary>
    public static Explanation<FeedbackAssessment> Of(string subject, FeedbackAssessment assessment)
        => new(subject, Decision(assessment), assessment, Reasons(assessment));

    public static string Decision(FeedbackAssessment assessment)
    {
        var resolution = assessment.Clocks[(int)SlaTargetKind.Resolution].DueAt is { } due
            ? string.Create(CultureInfo.InvariantCulture, $"resolve by {due}")
            : "no resolution target";
        return $"priority {assessment.Priority} (impact {assessment.Impact} × urgency {assessment.Urgency}), {resolution}";
    }

    /// <summary>The engine's reasons (category, impact, urgency, priority, score), then the team, each customer's share of the score and each clock.</summary>
    public static IReadOnlyList<Reason> Reasons(FeedbackAssessment assessment)
    {
        var reasons = new List<Reason>(assessment.Reasons)
        {
            new(
                "feedback.team",
                $"Team '{assessment.Team}' owns category '{assessment.Category}'.",
                new Dictionary<string, object?> { ["team"] = assessment.Team, ["category"] = assessment.Category }),
        };
        foreach (var c in assessment.Contributions)
        {
            reasons.Add(new Reason(
                "feedback.contribution",
                string.Create(CultureInfo.InvariantCulture, $"Customer {c.Customer}: value {Guard.Format(c.Value)}, {c.Mentions} mention(s), {c.Counted} counted, {Guard.Format(Math.Round(c.Points, 4))} points."),
                new Dictionary<string, object?> { ["customer"] = c.Customer.ToString(), ["value"] = c.Value, ["mentions"] = c.Mentions, ["counted"] = c.Counted, ["points"] = c.Points }));
        }

        foreach (var clock in assessment.Clocks)
        {
            reasons.Add(clock.Reason);
        }

        return reasons;
    }
}
