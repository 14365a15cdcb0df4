using System.Globalization;

namespace CustomerLifecycle.LeadScoring;

/// <summary>Turns a lead score into the decision line and the reasons of its <see cref="Explanation{TResult}"/>.</summary>
internal static class LeadScoringExplanation
{
    public static string Decision(LeadScore score)
        => $"{score.Qualification} (total {Points(score.Total)}: fit {Points(score.Fit)}, engagement {Points(score.Engagement)}, negative {Points(score.Negative)})";

    /// <summary>The qualification, one reason per contribution, then the rest of the score's reasons.</summary>
    public static IReadOnlyList<Reason> Reasons(LeadScore score, LeadScoringEngine engine)
    {
        var reasons = new List<Reason>(score.Reasons.Count + score.Contributions.Count) { score.Reasons[0] };
        foreach (var contribution in score.Contributions)
        {
            reasons.Add(Contribution(contribution, engine));
        }

        for (var i = 1; i < score.Reasons.Count; i++)
        {
            reasons.Add(score.Reasons[i]);
        }

        return reasons;
    }

    /// <summary>Formats points the same way on every machine, with at most four decimals: 49.99 → "49.99".</summary>
    public static string Points(double points) => points.ToString("0.####", CultureInfo.InvariantCulture);

    private static Reason Contribution(LeadContribution c, LeadScoringEngine engine)
    {
        var data = new Dictionary<string, object?>
        {
            ["kind"] = c.Kind.ToString(),
            ["source"] = c.Source,
            ["rawValue"] = c.RawValue,
            ["points"] = c.Points,
            ["weight"] = c.Weight,
            ["contribution"] = c.Contribution,
        };
        var weighted = $"× weight {Points(c.Weight)} = {Points(c.Contribution)}";
        switch (c.Kind)
        {
            case LeadContributionKind.FitRule:
                return new Reason("leads.fit-rule", $"Fit rule \"{c.Source}\" matched ({c.RawValue}): {Points(c.Points)} points {weighted}.", data);
            case LeadContributionKind.Engagement:
                var (each, cap) = engine.KindPolicy(c.Source);
                var uncapped = each * c.DecayedWeight;
                data["interactions"] = c.Interactions;
                data["decayedWeight"] = c.DecayedWeight;
                data["pointsEach"] = each;
                data["cap"] = cap;
                var capped = cap is { } max && uncapped > max ? $" = {Points(uncapped)}, capped at {Points(max)}" : string.Empty;
                return new Reason(
                    "leads.engagement",
                    $"Engagement \"{c.Source}\": {c.Interactions} interaction(s), decayed weight {Points(c.DecayedWeight)} × {Points(each)} points{capped} → {Points(c.Points)} points {weighted}.",
                    data);
            case LeadContributionKind.Negative:
                return new Reason("leads.negative", $"Negative rule \"{c.Source}\" matched ({c.RawValue}): {Points(c.Points)} points.", data);
            default:
                var part = c.Kind == LeadContributionKind.FitCap ? "fit" : "engagement";
                return new Reason(
                    $"leads.{part}-cap",
                    $"The {part} points {c.RawValue} are capped at 100: {Points(c.Points)} points {weighted}.",
                    data);
        }
    }
}
