using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>Contact cadence and key moments per tier, compiled from validated options. Immutable and thread-safe.</summary>
internal sealed class ContactPlanner
{
    private readonly ImmutableArray<string> _names;
    private readonly ImmutableArray<Duration> _intervals;
    private readonly ImmutableArray<Duration> _gaps;
    private readonly ImmutableArray<string> _themes;
    private readonly int _lookaheadDays;

    public ContactPlanner(TieringOptions options)
    {
        _names = [.. options.Tiers.Select(t => t.Name)];
        _intervals = [.. options.Tiers.Select(t => Duration.FromDays(t.ContactIntervalDays))];
        _gaps = [.. options.Tiers.Select(t => Duration.FromDays(t.MinimumContactGapDays))];
        _themes = [.. options.Tiers.Select(t => t.ContentTheme)];
        _lookaheadDays = options.Cadence.KeyMomentLookaheadDays;
    }

    public void Plan(ReadOnlySpan<ContactInput> inputs, Instant asOf, Span<ContactDue> outputs)
    {
        if (outputs.Length < inputs.Length)
        {
            throw new ArgumentException($"outputs: must hold at least {inputs.Length} results (one per customer) but holds {outputs.Length}.", nameof(outputs));
        }

        // Check everything first, so that bad data never leaves the outputs half written.
        for (var i = 0; i < inputs.Length; i++)
        {
            Zone(inputs[i], i, nameof(inputs));
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            outputs[i] = Due(inputs[i], asOf, Zone(inputs[i], i, nameof(inputs)));
        }
    }

    public ContactPlan Plan(ContactInput input, Instant asOf)
    {
        var zone = Zone(input, null, nameof(input));
        var due = Due(input, asOf, zone);
        var theme = _themes[input.Tier];
        var tier = _names[input.Tier];
        var today = asOf.InZone(zone).Date;
        var moments = new List<KeyMoment>();
        var reasons = new List<Reason>();
        var cadence = new Dictionary<string, object?>
        {
            ["tier"] = tier,
            ["intervalDays"] = _intervals[input.Tier].Days,
            ["lastContact"] = input.LastContact,
            ["nextDue"] = due.NextDue,
        };
        if (input.LastContact is null)
        {
            reasons.Add(new Reason("tiering.contact-never", $"Never contacted: a {tier} customer is due a contact now.", cadence));
        }
        else if (due.Overdue)
        {
            cadence["daysOverdue"] = due.DaysOverdue;
            reasons.Add(new Reason("tiering.contact-overdue", $"Overdue by {due.DaysOverdue} days: a {tier} customer is contacted every {_intervals[input.Tier].Days} days and was last contacted {input.LastContact}.", cadence));
        }
        else
        {
            reasons.Add(new Reason("tiering.contact-scheduled", $"Next {tier} contact due {due.NextDue} ({_intervals[input.Tier].Days} days after the last one).", cadence));
        }

        if (NextAnniversary(input.Birthday, today, requirePast: false) is { } birthday)
        {
            moments.Add(new KeyMoment(KeyMomentKind.Birthday, birthday, theme));
        }

        if (NextAnniversary(input.CompanyAnniversary, today, requirePast: true) is { } anniversary)
        {
            moments.Add(new KeyMoment(KeyMomentKind.CompanyAnniversary, anniversary, theme));
        }

        if (input.ProductUpdate)
        {
            moments.Add(new KeyMoment(KeyMomentKind.ProductUpdate, today, theme));
        }

        if (input.Anomaly)
        {
            moments.Add(new KeyMoment(KeyMomentKind.Anomaly, today, theme));
        }

        moments.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Kind.CompareTo(b.Kind));
        foreach (var moment in moments)
        {
            reasons.Add(new Reason(
                "tiering.key-moment",
                $"{moment.Kind} on {moment.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: contact with the {tier} theme ({theme}).",
                new Dictionary<string, object?> { ["kind"] = moment.Kind.ToString(), ["date"] = moment.Date, ["theme"] = theme }));
        }

        return new ContactPlan(due, tier, theme, moments, reasons);
    }

    private ContactDue Due(in ContactInput input, Instant asOf, DateTimeZone zone)
    {
        Instant next;
        Instant earliest;
        if (input.LastContact is { } last)
        {
            next = last + _intervals[input.Tier];
            earliest = last + _gaps[input.Tier];
        }
        else
        {
            next = asOf;
            earliest = asOf;
        }

        var overdue = asOf > next;
        var daysOverdue = overdue ? (int)Math.Floor((asOf - next).TotalDays) : 0;
        LocalDate? moment = null;
        if (input.Birthday is not null || input.CompanyAnniversary is not null)
        {
            var today = asOf.InZone(zone).Date;
            var birthday = NextAnniversary(input.Birthday, today, requirePast: false);
            var anniversary = NextAnniversary(input.CompanyAnniversary, today, requirePast: true);
            moment = birthday is null ? anniversary : anniversary is null ? birthday : (birthday.Value <= anniversary.Value ? birthday : anniversary);
        }

        return new ContactDue(next, earliest, overdue, daysOverdue, moment);
    }

    /// <summary>The next yearly recurrence of <paramref name="date"/> on or after <paramref name="today"/>, within the
    /// look-ahead; 29 February falls on 28 February in other years.</summary>
    private LocalDate? NextAnniversary(LocalDate? date, LocalDate today, bool requirePast)
    {
        if (date is not { } d)
        {
            return null;
        }

        var next = InYear(d, today.Year);
        if (next < today)
        {
            next = InYear(d, today.Year + 1);
        }

        // An anniversary needs a year to have passed since the start date.
        if (requirePast && next.Year <= d.Year)
        {
            next = InYear(d, d.Year + 1);
        }

        return Period.DaysBetween(today, next) <= _lookaheadDays ? next : null;
    }

    private static LocalDate InYear(LocalDate date, int year)
    {
        var day = Math.Min(date.Day, CalendarSystem.Iso.GetDaysInMonth(year, date.Month));
        return new LocalDate(year, date.Month, day);
    }

    private DateTimeZone Zone(in ContactInput input, int? index, string paramName)
    {
        if (input.Tier < 0 || input.Tier >= _names.Length)
        {
            throw new ArgumentException($"{Prefix(paramName, index)}.Tier: must be between 0 and {_names.Length - 1} but was {input.Tier}.", paramName);
        }

        if (input.TimeZoneId is null)
        {
            return DateTimeZone.Utc;
        }

        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(input.TimeZoneId)
            ?? throw new ArgumentException($"{Prefix(paramName, index)}.TimeZoneId: '{input.TimeZoneId}' is not an IANA time zone id known to the TZDB.", paramName);
    }

    private static string Prefix(string paramName, int? index) => index is null ? paramName : $"{paramName}[{index}]";
}
