using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>The explained single-item path: the same decisions as the batch path, with reasons, contributions and clocks.</summary>
public sealed partial class FeedbackEngine
{
    private FeedbackAssessment Assess(FeedbackRecord record, Instant asOf)
    {
        var item = record.Item;
        var classification = record.Category is { } set
            ? Classifier.Describe(item.Text, Array.IndexOf(_categories, set), ClassificationSource.Host)
            : Classifier.Classify(item.Text, item.Category);
        var category = Array.IndexOf(_categories, classification.Category);
        var reasons = new List<Reason> { classification.Reason };

        var contributions = Contributions(item, _countOnce[category]);
        var distinct = contributions.Count;
        var impact = ImpactIndex(item, distinct);
        reasons.Add(ImpactReason(item, impact, distinct));

        int urgency;
        if (item.Urgency is { } givenUrgency)
        {
            urgency = Array.IndexOf(_urgencies, givenUrgency);
            reasons.Add(new Reason("feedback.urgency-given", $"Urgency '{givenUrgency}' was given by the host.", new Dictionary<string, object?> { ["urgency"] = givenUrgency }));
        }
        else
        {
            urgency = Classifier.UrgencyIndex(item.Text, out var matched);
            var name = _urgencies[urgency];
            reasons.Add(matched
                ? new Reason("feedback.urgency-keywords", $"Urgency '{name}': the text mentions {string.Join(", ", Classifier.UrgencyKeywords(item.Text, urgency).Select(k => $"'{k}'"))}.", new Dictionary<string, object?> { ["urgency"] = name, ["keywords"] = string.Join(",", Classifier.UrgencyKeywords(item.Text, urgency)) })
                : new Reason("feedback.urgency-default", $"Urgency '{name}' is the default: no urgency keyword matched.", new Dictionary<string, object?> { ["urgency"] = name }));
        }

        var matrixPriority = _matrix[(impact * _urgencies.Length) + urgency];
        reasons.Add(new Reason(
            "feedback.priority",
            $"Priority '{_priorities[matrixPriority]}' from the matrix: impact '{_impacts[impact]}' × urgency '{_urgencies[urgency]}'.",
            new Dictionary<string, object?> { ["impact"] = _impacts[impact], ["urgency"] = _urgencies[urgency], ["priority"] = _priorities[matrixPriority] }));
        var priority = matrixPriority;
        if (record.Priority is { } setPriority && setPriority != _priorities[matrixPriority])
        {
            priority = Array.IndexOf(_priorities, setPriority);
            reasons.Add(new Reason("feedback.priority-set", $"Priority '{setPriority}' was set by a Prioritise event, overriding the matrix.", new Dictionary<string, object?> { ["priority"] = setPriority }));
        }

        // The batch path's sum, so the two agree to the last bit; it equals the contributions' sum up to rounding.
        var score = ScoreAndCount(item, _countOnce[category]).Score;
        reasons.Add(new Reason(
            "feedback.score",
            $"Score {Guard.Format(Math.Round(score, 4))} from {distinct} customer(s){(_countOnce[category] ? ", each counted once however often they asked" : ", every mention counted")}.",
            new Dictionary<string, object?> { ["score"] = score, ["customers"] = distinct, ["countEachCustomerOnce"] = _countOnce[category] }));

        var team = record.Team ?? _teams[category];
        return new FeedbackAssessment(item.Id, classification, team, _impacts[impact], _urgencies[urgency], _priorities[priority], score)
        {
            Contributions = contributions,
            Clocks = Clocks(record, category, priority, asOf),
            Reasons = reasons,
        };
    }

    private List<SlaClock> Clocks(FeedbackRecord record, int category, int priority, Instant asOf)
    {
        var timeline = SlaTimeline.From(record, asOf);
        var start = record.Item.Submitted;
        var clocks = new List<SlaClock>
        {
            Sla.Measure((int)SlaTargetKind.Acknowledge, category, priority, start, timeline.AcknowledgedAt, timeline.Pauses, asOf),
            Sla.Measure((int)SlaTargetKind.FirstResponse, category, priority, start, timeline.RespondedAt, timeline.Pauses, asOf),
            Sla.Measure((int)SlaTargetKind.Resolution, category, priority, start, timeline.ResolvedAt, timeline.ResolutionPauses, asOf),
            timeline.ResolvedAt is { } resolved
                ? Sla.Measure((int)SlaTargetKind.FollowUp, category, priority, resolved, timeline.NotifiedAt, [], asOf)
                : Sla.NotStarted((int)SlaTargetKind.FollowUp, category, priority),
        };
        return clocks;
    }

    private List<RankingContribution> Contributions(FeedbackItem item, bool once)
    {
        var byCustomer = new Dictionary<CustomerId, (double Value, int Mentions, double Points, int Order)>();
        for (var i = 0; i < item.Supporters.Count + 1; i++)
        {
            var (customer, value) = Mention(item, i);
            byCustomer[customer] = byCustomer.TryGetValue(customer, out var seen)
                ? (Math.Max(seen.Value, value), seen.Mentions + 1, seen.Points + Points(value), seen.Order)
                : (value, 1, Points(value), byCustomer.Count);
        }

        return byCustomer.OrderBy(c => c.Value.Order)
            .Select(c => once
                ? new RankingContribution(c.Key, c.Value.Value, c.Value.Mentions, 1, Points(c.Value.Value))
                : new RankingContribution(c.Key, c.Value.Value, c.Value.Mentions, c.Value.Mentions, c.Value.Points))
            .ToList();
    }

    private Reason ImpactReason(FeedbackItem item, int impact, int distinct)
    {
        var name = _impacts[impact];
        if (item.AffectsCoreCustomerOperation)
        {
            return new Reason("feedback.impact-core-operation", $"Impact '{name}': a core customer's whole operation is affected.", new Dictionary<string, object?> { ["impact"] = name });
        }

        var affected = item.AffectedCustomers ?? distinct;
        var share = item.TotalCustomers > 0 ? (double)affected / item.TotalCustomers : (double?)null;
        var shareText = share is { } s ? $" ({Guard.Format(Math.Round(s * 100, 2))}% of {item.TotalCustomers})" : string.Empty;
        return new Reason(
            "feedback.impact",
            $"Impact '{name}': {affected} customer(s) affected{shareText}.",
            new Dictionary<string, object?> { ["impact"] = name, ["affected"] = affected, ["total"] = item.TotalCustomers, ["share"] = share });
    }
}
