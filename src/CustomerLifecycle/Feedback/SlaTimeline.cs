using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>Derives where each SLA clock starts, stops and pauses from a record's history.</summary>
internal readonly struct SlaTimeline
{
    private SlaTimeline(Instant submitted)
    {
        Submitted = submitted;
        Pauses = [];
        ResolutionPauses = [];
    }

    public Instant Submitted { get; }

    public Instant? AcknowledgedAt { get; private init; }

    public Instant? RespondedAt { get; private init; }

    public Instant? ResolvedAt { get; private init; }

    public Instant? NotifiedAt { get; private init; }

    public List<SlaPause> Pauses { get; private init; }

    public List<SlaPause> ResolutionPauses { get; private init; }

    /// <summary>Reads the events up to <paramref name="asOf"/>; later events have not happened yet at that instant.</summary>
    public static SlaTimeline From(FeedbackRecord record, Instant asOf)
    {
        Instant? acknowledged = null, responded = null, lastResolve = null, notified = null, pausedAt = null;
        var pauses = new List<SlaPause>();
        var reopenGaps = new List<SlaPause>();
        var resolved = false;
        foreach (var e in record.History)
        {
            if (e.At > asOf)
            {
                break;
            }

            switch (e.Kind)
            {
                case FeedbackEventKind.Acknowledge:
                    acknowledged ??= e.At;
                    break;
                case FeedbackEventKind.Respond:
                    acknowledged ??= e.At;
                    responded ??= e.At;
                    break;
                case FeedbackEventKind.Pause:
                    pausedAt = e.At;
                    break;
                case FeedbackEventKind.Resume when pausedAt is { } from:
                    pauses.Add(new SlaPause(from, e.At));
                    pausedAt = null;
                    break;
                case FeedbackEventKind.Resolve:
                    acknowledged ??= e.At;
                    responded ??= e.At;
                    lastResolve = e.At;
                    resolved = true;
                    notified = null;
                    break;
                case FeedbackEventKind.NotifyCustomer:
                    acknowledged ??= e.At;
                    responded ??= e.At;
                    notified ??= e.At;
                    break;
                case FeedbackEventKind.Reopen when lastResolve is { } r:
                    // The time between a resolution and the customer reopening it does not count against the resolution target.
                    reopenGaps.Add(new SlaPause(r, e.At));
                    resolved = false;
                    notified = null;
                    break;
            }
        }

        if (pausedAt is { } open)
        {
            pauses.Add(new SlaPause(open, null));
        }

        return new SlaTimeline(record.Item.Submitted)
        {
            AcknowledgedAt = acknowledged,
            RespondedAt = responded,
            ResolvedAt = resolved ? lastResolve : null,
            NotifiedAt = resolved ? notified : null,
            Pauses = pauses,
            ResolutionPauses = [.. pauses.Concat(reopenGaps).OrderBy(p => p.From)],
        };
    }
}
