using CustomerLifecycle.Internal;

namespace CustomerLifecycle.LeadScoring;

/// <content>The reasons of a score: the qualification, the disqualifying signals, the clamp and the interactions ignored.</content>
public sealed partial class LeadScoringEngine
{
    private List<Reason> Reasons(LeadInput input, LeadScore score, long asOfTicks)
    {
        var reasons = new List<Reason> { QualificationReason(score) };
        for (var i = DisqualifyingFlag(input, 0); i >= 0; i = DisqualifyingFlag(input, i + 1))
        {
            reasons.Add(new Reason(
                "leads.disqualified",
                $"The flag \"{input.Flags[i]}\" disqualifies the prospect whatever its score.",
                new Dictionary<string, object?> { ["flag"] = input.Flags[i] }));
        }

        if (score.UnclampedTotal != score.Total)
        {
            reasons.Add(new Reason(
                "leads.clamped",
                $"The contributions sum to {LeadScoringExplanation.Points(score.UnclampedTotal)}; the total is clamped to {LeadScoringExplanation.Points(score.Total)}.",
                new Dictionary<string, object?> { ["unclampedTotal"] = score.UnclampedTotal, ["total"] = score.Total }));
        }

        var future = input.Interactions.Count(i => i.At.ToUnixTimeTicks() > asOfTicks);
        if (future > 0)
        {
            reasons.Add(new Reason(
                "leads.ignored",
                $"{future} interaction(s) after the evaluation instant {score.AsOf} ignored.",
                new Dictionary<string, object?> { ["cause"] = "future", ["count"] = future }));
        }

        foreach (var unknown in input.Interactions.Where(i => !_kindIndex.ContainsKey(i.Kind)).GroupBy(i => i.Kind, StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add(new Reason(
                "leads.ignored",
                $"{unknown.Count()} interaction(s) of kind \"{unknown.Key}\" ignored: the policy has no such interaction kind.",
                new Dictionary<string, object?> { ["cause"] = "unknown-kind", ["kind"] = unknown.Key, ["count"] = unknown.Count() }));
        }

        return reasons;
    }

    private Reason QualificationReason(LeadScore score)
    {
        var total = LeadScoringExplanation.Points(score.Total);
        var fit = LeadScoringExplanation.Points(score.Fit);
        var mql = Guard.Format(_mqlMinimum);
        var sql = Guard.Format(_sqlMinimum);
        var sqlFit = Guard.Format(_sqlMinimumFit);
        var message = score.Qualification switch
        {
            LeadQualification.Disqualified => $"Disqualified: a disqualifying signal overrides the score (total {total}, fit {fit}).",
            LeadQualification.SalesQualified => $"SalesQualified: total {total} >= {sql} and fit {fit} >= {sqlFit}.",
            LeadQualification.MarketingQualified when score.Total >= _sqlMinimum => $"MarketingQualified: total {total} >= {mql}; not SalesQualified because fit {fit} < {sqlFit}.",
            LeadQualification.MarketingQualified => $"MarketingQualified: total {total} >= {mql} but < {sql}.",
            _ => $"Unqualified: total {total} < {mql}.",
        };
        return new Reason("leads.qualified", message, new Dictionary<string, object?>
        {
            ["qualification"] = score.Qualification.ToString(),
            ["total"] = score.Total,
            ["fit"] = score.Fit,
            ["engagement"] = score.Engagement,
            ["negative"] = score.Negative,
            ["marketingQualifiedMinimum"] = _mqlMinimum,
            ["salesQualifiedMinimum"] = _sqlMinimum,
            ["salesQualifiedMinimumFit"] = _sqlMinimumFit,
        });
    }
}
