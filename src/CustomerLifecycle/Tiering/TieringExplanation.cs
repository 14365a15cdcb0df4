using System.Globalization;
using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Tiering;

/// <summary>Turns a tier result or an RFM result into the decision line and the reasons of its <see cref="Explanation{TResult}"/>.</summary>
/// <remarks>A <see cref="TierInput"/> or <see cref="RfmSummary"/> carries no customer id, so the subject names the decision instead.</remarks>
internal static class TieringExplanation
{
    public const string TierSubject = "tier";

    public const string RfmSubject = "RFM segment";

    public static string Decision(TierResult result)
    {
        var tier = result.Assignment.TierName;
        foreach (var reason in result.Reasons)
        {
            switch (reason.Code)
            {
                case "tiering.upgrade" or "tiering.downgrade":
                    return $"{tier} (was {reason.Data["previousTier"]})";
                case "tiering.downgrade-pending":
                    return $"{tier} (downgrade to {reason.Data["candidateTier"]} pending)";
            }
        }

        return tier;
    }

    /// <summary>The result's reasons, with every rule tried before the deciding one (or every rule, when none matched) and why it did not match.</summary>
    public static IReadOnlyList<Reason> Reasons(TierResult result)
    {
        var reasons = new List<Reason>(result.Reasons.Count + result.Rules.Count);
        foreach (var reason in result.Reasons)
        {
            if (reason.Code is "tiering.rule-matched" or "tiering.no-rule-matched")
            {
                foreach (var rule in result.Rules.TakeWhile(r => !r.Matched))
                {
                    reasons.Add(NotMatched(rule));
                }
            }

            reasons.Add(reason);
        }

        return reasons;
    }

    public static string Decision(RfmResult result)
        => $"{result.Score.Segment} (R{Invariant(result.Score.Recency)} F{Invariant(result.Score.Frequency)} M{Invariant(result.Score.Monetary)})";

    /// <summary>One reason per dimension (the raw value, its score and the cut points), then the segment rules tried.</summary>
    public static IReadOnlyList<Reason> Reasons(RfmResult result)
    {
        var recency = double.IsPositiveInfinity(result.RecencyDays) ? "never bought" : $"{Number(result.RecencyDays)} days since the last purchase";
        var reasons = new List<Reason>(result.Reasons.Count + 3)
        {
            Score("recency", 'R', recency, result.RecencyDays, result.Score.Recency, result.RecencyCutDays, "at most", " days"),
            Score("frequency", 'F', $"{Invariant(result.Frequency)} purchases", result.Frequency, result.Score.Frequency, result.FrequencyCuts, "at least", string.Empty),
            Score("monetary", 'M', $"{Number(result.Monetary)} spent", result.Monetary, result.Score.Monetary, result.MonetaryCuts, "at least", string.Empty),
        };
        reasons.AddRange(result.Reasons);
        return reasons;
    }

    private static Reason NotMatched(RuleOutcome rule)
    {
        var failed = rule.Criteria.Where(c => !c.Passed).Select(c => $"{c.Field} {c.Operator} {Guard.Format(c.Threshold)} (was {Guard.Format(c.Actual)})");
        return new Reason(
            "tiering.rule-not-matched",
            $"Rule {Invariant(rule.Index)} ({rule.Match}) for {rule.Tier} did not match: {string.Join(", ", failed)}.",
            new Dictionary<string, object?> { ["rule"] = rule.Index, ["tier"] = rule.Tier, ["match"] = rule.Match });
    }

    private static Reason Score(string dimension, char letter, string value, double raw, int score, IReadOnlyList<double> cuts, string bound, string unit)
        => new(
            "tiering.rfm-score",
            $"{char.ToUpperInvariant(dimension[0])}{dimension[1..]}: {value} → {letter}{Invariant(score)}; {letter}2 to {letter}{Invariant(cuts.Count + 1)} need {bound} {string.Join(", ", cuts.Select(Number))}{unit}.",
            new Dictionary<string, object?> { ["dimension"] = dimension, ["value"] = raw, ["score"] = score, ["cuts"] = cuts });

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
