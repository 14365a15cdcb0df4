using CustomerLifecycle.Calendars;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Feedback;

/// <summary>Computes SLA clocks: which target applies, when a clock warns and breaches, and how pauses move the deadline.</summary>
/// <remarks>
/// <para>Business-time targets are measured on the policy's <see cref="BusinessCalendar"/>, calendar-time targets in elapsed time.
/// A pause stops the clock: the time it lasts, measured the same way as the target, is added to the deadline. A pause that
/// begins after the deadline changes nothing.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class SlaCalculator
{
    private const int Kinds = 4;

    private readonly SlaRule[] _rules;
    private readonly string[] _categories;
    private readonly string[] _priorities;
    private readonly double _warningFraction;

    /// <summary>Creates a calculator from a policy.</summary>
    /// <param name="options">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public SlaCalculator(FeedbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<FeedbackOptions, FeedbackOptionsValidator>(options);
        Calendar = new BusinessCalendar(options.Calendar);
        _categories = options.Categories.Select(c => c.Name).ToArray();
        _priorities = [.. options.Priorities];
        _warningFraction = options.WarningFraction;
        _rules = new SlaRule[_categories.Length * _priorities.Length * Kinds];
        for (var c = 0; c < _categories.Length; c++)
        {
            for (var p = 0; p < _priorities.Length; p++)
            {
                // Most specific first: category and priority, category, priority, neither.
                var candidates = new[]
                {
                    options.SlaPolicies.Find(s => s.Category == _categories[c] && s.Priority == _priorities[p]),
                    options.SlaPolicies.Find(s => s.Category == _categories[c] && s.Priority is null),
                    options.SlaPolicies.Find(s => s.Category is null && s.Priority == _priorities[p]),
                    options.SlaPolicies.Find(s => s.Category is null && s.Priority is null),
                };
                for (var k = 0; k < Kinds; k++)
                {
                    var target = candidates.Select(s => s is null ? null : Target(s, (SlaTargetKind)k)).FirstOrDefault(t => t is not null);
                    _rules[Index(c, p, k)] = SlaRule.From(target);
                }
            }
        }
    }

    /// <summary>Gets the calendar business-time targets are measured on.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets the fraction of a target after which a clock warns.</summary>
    public double WarningFraction => _warningFraction;

    /// <summary>Describes the target that applies, e.g. <c>"2 business days"</c>, or <c>"none"</c>.</summary>
    /// <param name="kind">The clock.</param>
    /// <param name="category">The category name.</param>
    /// <param name="priority">The priority name.</param>
    /// <returns>The target as text.</returns>
    /// <exception cref="ArgumentException"><paramref name="category"/> or <paramref name="priority"/> is unknown, or <paramref name="kind"/> is undefined.</exception>
    public string TargetOf(SlaTargetKind kind, string category, string priority)
        => Rule(CategoryIndex(category), PriorityIndex(priority), CheckKind(kind)).Text;

    /// <summary>Measures one clock: its state at <paramref name="asOf"/>, its warning instant and its deadline.</summary>
    /// <param name="kind">The clock.</param>
    /// <param name="category">The item's category.</param>
    /// <param name="priority">The item's priority.</param>
    /// <param name="start">When the clock started.</param>
    /// <param name="stop">When it stopped, or <see langword="null"/> while it runs.</param>
    /// <param name="pauses">The pauses, in any order; they must not overlap.</param>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pauses"/> is null.</exception>
    /// <exception cref="ArgumentException">The category or priority is unknown, <paramref name="kind"/> is undefined, <paramref name="stop"/>
    /// is before <paramref name="start"/>, or a pause ends before it begins or overlaps another.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A business-time instant falls outside the calendar's years.</exception>
    public SlaClock Measure(SlaTargetKind kind, string category, string priority, Instant start, Instant? stop, IReadOnlyList<SlaPause> pauses, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var c = CategoryIndex(category);
        var p = PriorityIndex(priority);
        CheckKind(kind);
        if (stop < start)
        {
            throw new ArgumentException($"The stop {stop} is before the start {start}.", nameof(stop));
        }

        var ordered = pauses.OrderBy(x => x.From).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Until < ordered[i].From)
            {
                throw new ArgumentException($"A pause ends ({ordered[i].Until}) before it begins ({ordered[i].From}).", nameof(pauses));
            }

            if (i > 0 && (ordered[i - 1].Until is null || ordered[i - 1].Until > ordered[i].From))
            {
                throw new ArgumentException($"The pause from {ordered[i].From} overlaps the pause from {ordered[i - 1].From}.", nameof(pauses));
            }
        }

        return Measure((int)kind, c, p, start, stop, ordered, asOf);
    }

    internal SlaClock Measure(int kind, int c, int p, Instant start, Instant? stop, IReadOnlyList<SlaPause> pauses, Instant asOf)
    {
        var rule = Rule(c, p, kind);
        var name = (SlaTargetKind)kind;
        if (rule.Kind == SlaRuleKind.None)
        {
            return new SlaClock(name, SlaClockState.NoTarget, rule.Text, new Reason(
                "feedback.sla.no-target",
                $"No {name} target applies to category '{_categories[c]}' at priority '{_priorities[p]}'.",
                new Dictionary<string, object?> { ["kind"] = name.ToString(), ["category"] = _categories[c], ["priority"] = _priorities[p] }))
            { StartedAt = start, StoppedAt = stop };
        }

        var business = rule.Kind != SlaRuleKind.Calendar;
        var total = rule.Kind == SlaRuleKind.BusinessDays
            ? Calendar.BusinessTimeBetween(start, Calendar.AddBusinessDays(start, rule.Days)).ToInt64Nanoseconds()
            : rule.Nanos;
        var due = ReachAt(total, start, pauses, business);
        var warning = ReachAt(WarningNanos(total), start, pauses, business);
        var end = stop ?? asOf;
        long paused = 0;
        foreach (var pause in pauses)
        {
            var from = Max(pause.From, start);
            var until = pause.Until is { } u && u < end ? u : end;
            if (until > from)
            {
                paused += business ? Calendar.BusinessTimeBetween(from, until).ToInt64Nanoseconds() : (until - from).ToInt64Nanoseconds();
            }
        }

        var openPause = pauses.Count > 0 && pauses[^1].Until is null && pauses[^1].From <= end ? pauses[^1] : (SlaPause?)null;
        var state = stop is { } s
            ? (due is { } d0 && s > d0 ? SlaClockState.Breached : SlaClockState.Met)
            : due is { } d1 && asOf > d1 ? SlaClockState.Breached
            : openPause is not null ? SlaClockState.Paused
            : warning is { } w && asOf >= w ? SlaClockState.Warning
            : SlaClockState.Running;
        var data = new Dictionary<string, object?>
        {
            ["kind"] = name.ToString(),
            ["target"] = rule.Text,
            ["startedAt"] = start,
            ["stoppedAt"] = stop,
            ["warningAt"] = warning,
            ["dueAt"] = due,
        };
        var label = $"The {name} clock ({rule.Text})";
        var reason = state switch
        {
            SlaClockState.Met => new Reason("feedback.sla.met", $"{label} stopped at {stop} on or before its deadline {due}.", data),
            SlaClockState.Breached => new Reason("feedback.sla.breached", $"{label} breached its deadline at {due}.", data),
            SlaClockState.Paused => new Reason("feedback.sla.paused", $"{label} is paused since {openPause!.Value.From}; the deadline moves by as long as the pause lasts.", data),
            SlaClockState.Warning => new Reason("feedback.sla.warning", $"{label} passed its warning point at {warning}; it breaches at {due}.", data),
            _ => new Reason("feedback.sla.running", $"{label} warns at {warning} and breaches at {due}.", data),
        };
        return new SlaClock(name, state, rule.Text, reason)
        {
            StartedAt = start,
            StoppedAt = stop,
            WarningAt = warning,
            DueAt = due,
            PausedFor = Duration.FromNanoseconds(paused),
        };
    }

    /// <summary>The not-started clock (the follow-up clock before resolution).</summary>
    internal SlaClock NotStarted(int kind, int c, int p)
    {
        var rule = Rule(c, p, kind);
        var name = (SlaTargetKind)kind;
        return rule.Kind == SlaRuleKind.None
            ? Measure(kind, c, p, default, null, [], default) with { StartedAt = null }
            : new SlaClock(name, SlaClockState.NotStarted, rule.Text, new Reason(
                "feedback.sla.not-started",
                $"The {name} clock ({rule.Text}) has not started.",
                new Dictionary<string, object?> { ["kind"] = name.ToString(), ["target"] = rule.Text }));
    }

    /// <summary>The deadline and warning of one clock without pauses, reusing the start's calendar position; allocates nothing.</summary>
    internal void Deadline(int kind, int c, int p, Instant start, ref long startPosition, bool withWarning, out Instant? warning, out Instant? due)
    {
        var rule = Rule(c, p, kind);
        switch (rule.Kind)
        {
            case SlaRuleKind.None:
                warning = null;
                due = null;
                return;
            case SlaRuleKind.Calendar:
                warning = withWarning ? start + Duration.FromNanoseconds(WarningNanos(rule.Nanos)) : null;
                due = start + Duration.FromNanoseconds(rule.Nanos);
                return;
        }

        if (startPosition < 0)
        {
            startPosition = Calendar.PositionAt(start);
        }

        var total = rule.Kind == SlaRuleKind.Business
            ? rule.Nanos
            : (Calendar.PositionAfterBusinessDays(startPosition, rule.Days)
               ?? throw new ArgumentOutOfRangeException(nameof(start), start, $"The deadline goes past the calendar's last year {Calendar.LastYear}; widen LastYear.")) - startPosition;
        due = total == 0 ? start : Calendar.InstantAtPosition(startPosition + total);
        var warn = WarningNanos(total);
        warning = !withWarning ? null : warn == 0 ? start : Calendar.InstantAtPosition(startPosition + warn);
    }

    internal int CategoryIndex(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var index = Array.IndexOf(_categories, category);
        return index >= 0 ? index : throw new ArgumentException($"Category '{category}' is not one of the Categories ({string.Join(", ", _categories)}).", nameof(category));
    }

    internal int PriorityIndex(string priority)
    {
        ArgumentNullException.ThrowIfNull(priority);
        var index = Array.IndexOf(_priorities, priority);
        return index >= 0 ? index : throw new ArgumentException($"Priority '{priority}' is not one of the Priorities ({string.Join(", ", _priorities)}).", nameof(priority));
    }

    private static int CheckKind(SlaTargetKind kind)
        => Enum.IsDefined(kind) ? (int)kind : throw new ArgumentException($"{(int)kind} is not an SlaTargetKind.", nameof(kind));

    private SlaRule Rule(int c, int p, int kind) => _rules[Index(c, p, kind)];

    private int Index(int c, int p, int kind) => (((c * _priorities.Length) + p) * Kinds) + kind;

    private long WarningNanos(long total) => (long)Math.Ceiling(total * _warningFraction);

    /// <summary>The instant at which <paramref name="amount"/> of running time has passed since <paramref name="start"/>, skipping pauses;
    /// null when an open pause begins first.</summary>
    private Instant? ReachAt(long amount, Instant start, IReadOnlyList<SlaPause> pauses, bool business)
    {
        var cursor = start;
        var remaining = amount;
        foreach (var pause in pauses)
        {
            if (pause.Until is { } u && u <= cursor)
            {
                continue;
            }

            var from = Max(pause.From, cursor);
            var candidate = Add(cursor, remaining, business);
            if (candidate <= from)
            {
                return candidate;
            }

            remaining -= business ? Calendar.BusinessTimeBetween(cursor, from).ToInt64Nanoseconds() : (from - cursor).ToInt64Nanoseconds();
            if (pause.Until is not { } until)
            {
                return null;
            }

            cursor = until;
        }

        return Add(cursor, remaining, business);
    }

    private Instant Add(Instant from, long nanos, bool business)
        => business ? Calendar.AddBusinessTime(from, Duration.FromNanoseconds(nanos)) : from + Duration.FromNanoseconds(nanos);

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static SlaTargetOptions? Target(SlaPolicyOptions policy, SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.Acknowledge => policy.Acknowledge,
        SlaTargetKind.FirstResponse => policy.FirstResponse,
        SlaTargetKind.Resolution => policy.Resolution,
        _ => policy.FollowUp,
    };
}
