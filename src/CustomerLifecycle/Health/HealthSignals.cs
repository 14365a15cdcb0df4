using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>Turns raw activity into the raw values of the built-in factors (docs/health.md).</summary>
public static class HealthSignals
{
    /// <summary>The default login window: the last 4 weeks.</summary>
    public const int DefaultLoginWindowDays = 28;

    /// <summary>Logins per week over the default window of <see cref="DefaultLoginWindowDays"/> days: the raw value of <c>login-frequency</c>.</summary>
    /// <param name="logins">The number of logins in the window; &gt;= 0.</param>
    /// <returns>Logins per week.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logins"/> is negative.</exception>
    public static double LoginsPerWeek(int logins) => LoginsPerWeek(logins, DefaultLoginWindowDays);

    /// <summary>Logins per week over a window: the raw value of <c>login-frequency</c>.</summary>
    /// <param name="logins">The number of logins in the window; &gt;= 0.</param>
    /// <param name="windowDays">The window length in days; &gt; 0.</param>
    /// <returns>Logins per week.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logins"/> is negative or <paramref name="windowDays"/> is not positive.</exception>
    public static double LoginsPerWeek(int logins, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logins);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        return logins * 7.0 / windowDays;
    }

    /// <summary>Logins per week over the default window ending at <paramref name="asOf"/>: logins in (asOf − 28 days, asOf] count.</summary>
    /// <param name="logins">The login instants, in any order.</param>
    /// <param name="asOf">The end of the window.</param>
    /// <returns>Logins per week.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logins"/> is null.</exception>
    public static double LoginsPerWeek(IEnumerable<Instant> logins, Instant asOf) => LoginsPerWeek(logins, asOf, DefaultLoginWindowDays);

    /// <summary>Logins per week over the window ending at <paramref name="asOf"/>: logins in (asOf − window, asOf] count.</summary>
    /// <param name="logins">The login instants, in any order.</param>
    /// <param name="asOf">The end of the window.</param>
    /// <param name="windowDays">The window length in days; &gt; 0.</param>
    /// <returns>Logins per week.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logins"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowDays"/> is not positive.</exception>
    public static double LoginsPerWeek(IEnumerable<Instant> logins, Instant asOf, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(logins);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        var start = asOf - Duration.FromDays(windowDays);
        var count = logins.Count(at => at > start && at <= asOf);
        return count * 7.0 / windowDays;
    }

    /// <summary>Feature adoption, used / available: the raw value of <c>feature-adoption</c>.</summary>
    /// <param name="used">Features used; within [0, <paramref name="available"/>].</param>
    /// <param name="available">Features available; &gt; 0.</param>
    /// <returns>The share of features used, within [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="available"/> is not positive, or <paramref name="used"/> is outside [0, available].</exception>
    public static double FeatureAdoption(int used, int available)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(available);
        ArgumentOutOfRangeException.ThrowIfNegative(used);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(used, available);
        return (double)used / available;
    }

    /// <summary>The relative change of usage, (recent − previous) / previous: the raw value of <c>usage-trend</c> (−0.8 = down 80%).</summary>
    /// <param name="recent">Usage in the recent period (e.g. the last 3 months); finite and &gt;= 0.</param>
    /// <param name="previous">Usage in the period before; finite and &gt;= 0.</param>
    /// <returns>The relative change; 0 when both are 0; NaN when only <paramref name="previous"/> is 0 (no baseline: the
    /// factor's missing-data policy applies).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A usage is negative, NaN or infinite.</exception>
    public static double UsageTrend(double recent, double previous)
    {
        NonNegativeFinite(recent, nameof(recent));
        NonNegativeFinite(previous, nameof(previous));
        if (previous == 0)
        {
            return recent == 0 ? 0 : double.NaN;
        }

        return (recent - previous) / previous;
    }

    /// <summary>Open complaints and support tickets in the last 90 days: the raw value of <c>support</c>.</summary>
    /// <param name="openComplaints">Open complaints; &gt;= 0.</param>
    /// <param name="tickets">Support tickets; &gt;= 0.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static double SupportLoad(int openComplaints, int tickets)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(openComplaints);
        ArgumentOutOfRangeException.ThrowIfNegative(tickets);
        return openComplaints + tickets;
    }

    /// <summary>The latest NPS answer, 0–10: the raw value of <c>nps</c>.</summary>
    /// <param name="answer">The answer, within [0, 10].</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="answer"/> is outside [0, 10].</exception>
    public static double NpsAnswer(int answer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(answer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answer, 10);
        return answer;
    }

    /// <summary>A CSAT answer 1–5 on the NPS factor's 0–10 scale (1 → 0, 5 → 10), so the <c>nps</c> factor scores it 0–100.</summary>
    /// <param name="answer">The answer, within [1, 5].</param>
    /// <returns>The answer on the 0–10 scale.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="answer"/> is outside [1, 5].</exception>
    public static double CsatAnswer(int answer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(answer, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answer, 5);
        return (answer - 1) * 2.5;
    }

    /// <summary>Days a payment is overdue: the raw value of <c>payment</c>; 0 when paid on time or not yet due.</summary>
    /// <param name="dueAt">When the payment was due.</param>
    /// <param name="paidAt">When it was paid, or <see langword="null"/> when it is still open.</param>
    /// <param name="asOf">The evaluation instant, used for open payments.</param>
    /// <returns>Days overdue, with fractions.</returns>
    public static double DaysOverdue(Instant dueAt, Instant? paidAt, Instant asOf)
    {
        var end = paidAt ?? asOf;
        return end > dueAt ? (end - dueAt).TotalDays : 0;
    }

    private static void NonNegativeFinite(double value, string paramName)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value should be a finite number >= 0 but was {Internal.Guard.Format(value)}.");
        }
    }
}
