using System.Collections.Immutable;
using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>The weekly review: a pure function of a set of records and the week's start.</summary>
public sealed partial class FeedbackEngine
{
    private static readonly Duration Week = Duration.FromDays(7);

    /// <summary>Reviews a week: counts by category, priority and team; recurring themes against the week before; SLA attainment;
    /// complaint resolution rate and resolution times; breaches.</summary>
    /// <param name="records">The records to review (any set; those submitted after the week are ignored).</param>
    /// <param name="weekStart">The start of the week; the week ends seven days later.</param>
    /// <returns>The review.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of its records is null.</exception>
    /// <exception cref="ArgumentException">A record's item is invalid or names an unknown category or priority.</exception>
    public FeedbackWeeklyReview Review(IEnumerable<FeedbackRecord> records, Instant weekStart)
    {
        ArgumentNullException.ThrowIfNull(records);
        var weekEnd = weekStart + Week;
        var previousStart = weekStart - Week;
        var asOf = weekEnd - Duration.Epsilon;
        var byCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byPriority = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byTeam = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var themes = new Dictionary<(string, FeedbackThemeSource), (int This, int Previous)>();
        var met = new int[4];
        var breached = new int[4];
        var breaches = new List<SlaBreach>();
        var resolutionTimes = new List<Duration>();
        int submitted = 0, complaints = 0, complaintsResolved = 0;

        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            var item = record.Item;
            if (item.Submitted >= weekEnd)
            {
                continue;
            }

            var assessment = Evaluate(record, asOf);
            var thisWeek = item.Submitted >= weekStart;
            var previousWeek = !thisWeek && item.Submitted >= previousStart;
            if (thisWeek || previousWeek)
            {
                foreach (var theme in item.Tags.Select(t => (t, FeedbackThemeSource.Tag))
                             .Concat(assessment.Classification.MatchedKeywords.Select(k => (k, FeedbackThemeSource.Keyword))).Distinct())
                {
                    var counts = themes.GetValueOrDefault(theme);
                    themes[theme] = thisWeek ? (counts.This + 1, counts.Previous) : (counts.This, counts.Previous + 1);
                }
            }

            var resolvedAt = SlaTimeline.From(record, asOf).ResolvedAt;
            if (thisWeek)
            {
                submitted++;
                Increment(byCategory, assessment.Category);
                Increment(byPriority, assessment.Priority);
                Increment(byTeam, assessment.Team);
                if (assessment.Category == _categories[_complaintCategory])
                {
                    complaints++;
                    complaintsResolved += resolvedAt is null ? 0 : 1;
                }
            }

            if (resolvedAt is { } r && r >= weekStart)
            {
                resolutionTimes.Add(r - item.Submitted);
            }

            foreach (var clock in assessment.Clocks)
            {
                var k = (int)clock.Kind;
                if (clock.State == SlaClockState.Met && clock.StoppedAt >= weekStart)
                {
                    met[k]++;
                }
                else if (clock.State == SlaClockState.Breached && clock.DueAt is { } due && due >= weekStart)
                {
                    breached[k]++;
                    breaches.Add(new SlaBreach(item.Id, clock.Kind, due));
                }
            }

        }

        double? complaintRate = complaints == 0 ? null : (double)complaintsResolved / complaints;
        resolutionTimes.Sort();
        var reasons = new List<Reason>();
        if (complaintRate is { } rate)
        {
            reasons.Add(rate >= _complaintTarget
                ? new Reason("feedback.review.complaints-on-target", $"{complaintsResolved} of {complaints} complaints resolved ({Percent(rate)}), meeting the {Percent(_complaintTarget)} target.", new Dictionary<string, object?> { ["rate"] = rate, ["target"] = _complaintTarget })
                : new Reason("feedback.review.complaints-below-target", $"{complaintsResolved} of {complaints} complaints resolved ({Percent(rate)}), below the {Percent(_complaintTarget)} target.", new Dictionary<string, object?> { ["rate"] = rate, ["target"] = _complaintTarget }));
        }

        if (breaches.Count > 0)
        {
            reasons.Add(new Reason("feedback.review.breaches", $"{breaches.Count} SLA deadline(s) were breached this week.", new Dictionary<string, object?> { ["breaches"] = breaches.Count }));
        }

        var orderedThemes = themes
            .Select(t => new FeedbackTheme(t.Key.Item1, t.Key.Item2, t.Value.This, t.Value.Previous))
            .OrderByDescending(t => t.ThisWeek).ThenByDescending(t => t.Change).ThenBy(t => t.Source).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var rising in orderedThemes.Where(t => t.ThisWeek >= 2 && t.Change > 0))
        {
            reasons.Add(new Reason("feedback.review.rising-theme", $"{rising.Source} '{rising.Name}' came up {rising.ThisWeek} times, {rising.Change} more than the week before.", new Dictionary<string, object?> { ["theme"] = rising.Name, ["thisWeek"] = rising.ThisWeek, ["previousWeek"] = rising.PreviousWeek }));
        }

        return new FeedbackWeeklyReview(weekStart, weekEnd)
        {
            Submitted = submitted,
            ByCategory = byCategory.ToImmutableSortedDictionary(StringComparer.Ordinal),
            ByPriority = byPriority.ToImmutableSortedDictionary(StringComparer.Ordinal),
            ByTeam = byTeam.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Themes = orderedThemes,
            SlaAttainment = Enumerable.Range(0, 4).Select(k => new SlaAttainment((SlaTargetKind)k, met[k], breached[k])).ToList(),
            ComplaintsSubmitted = complaints,
            ComplaintsResolved = complaintsResolved,
            ComplaintResolutionRate = complaintRate,
            ComplaintResolutionTarget = _complaintTarget,
            Resolved = resolutionTimes.Count,
            MeanResolutionTime = resolutionTimes.Count == 0 ? null : Duration.FromNanoseconds((long)Math.Round(resolutionTimes.Average(d => (decimal)d.ToInt64Nanoseconds()))),
            MedianResolutionTime = resolutionTimes.Count == 0 ? null : Median(resolutionTimes),
            Breaches = breaches.OrderBy(b => b.BreachedAt).ThenBy(b => b.FeedbackId, StringComparer.Ordinal).ThenBy(b => b.Kind).ToList(),
            Reasons = reasons,
        };
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static Duration Median(List<Duration> sorted)
    {
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : Duration.FromNanoseconds((sorted[mid - 1].ToInt64Nanoseconds() / 2) + (sorted[mid].ToInt64Nanoseconds() / 2));
    }

    private static string Percent(double rate) => $"{Guard.Format(Math.Round(rate * 100, 1))}%";
}
