using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Health;

/// <content>Trends, hysteresis and alerts over a customer's score history.</content>
public sealed partial class HealthEngine
{
    /// <summary>Analyses a customer's score history: trend over the window, settled band with hysteresis, and alerts.</summary>
    /// <param name="history">The customer's results in time order (by <see cref="HealthResult.AsOf"/>), none after <paramref name="asOf"/>.</param>
    /// <param name="asOf">The end of the window.</param>
    /// <returns>The trend with its alerts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> or one of its results is null.</exception>
    /// <exception cref="ArgumentException">The history is not in time order, or a result is after <paramref name="asOf"/>.</exception>
    /// <remarks>
    /// Scores are the scores in force (<see cref="HealthResult.Score"/>); results without one are skipped. The settled band
    /// walks the whole history: a better band is entered as soon as the score reaches its threshold; a worse band only once the
    /// score is more than the hysteresis margin below the current band, or after the configured number of consecutive results
    /// in a worse band. Trend figures and alerts look only at results within the window [asOf − WindowDays, asOf].
    /// </remarks>
    public HealthTrend AnalyzeTrend(IReadOnlyList<HealthResult> history, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        for (var i = 0; i < history.Count; i++)
        {
            var entry = history[i] ?? throw new ArgumentNullException(nameof(history), $"history[{i}] is null.");
            if (entry.AsOf > asOf)
            {
                throw new ArgumentException($"history[{i}] is at {entry.AsOf}, after asOf {asOf}; the history must end at or before the analysis.", nameof(history));
            }

            if (i > 0 && entry.AsOf < history[i - 1].AsOf)
            {
                throw new ArgumentException($"history[{i}] is at {entry.AsOf}, before history[{i - 1}] at {history[i - 1].AsOf}; the history must be in time order.", nameof(history));
            }
        }

        var (band, previousBand, lastScored) = SettleBands(history);
        var windowStart = asOf - Duration.FromDays(_trend.WindowDays);
        var inWindow = history.Where(r => r.AsOf >= windowStart && r.Score is not null).ToList();

        double? change = null, slope = null, largestFall = null;
        var direction = HealthTrendDirection.Unknown;
        var alerts = new List<HealthAlert>();
        if (lastScored is not null && lastScored.AsOf >= windowStart && previousBand >= 0 && band > previousBand)
        {
            alerts.Add(new HealthAlert(
                HealthAlertKind.BandDrop,
                lastScored.AsOf,
                null,
                new Reason(
                    "health.band-drop",
                    $"The band fell from {_bandNames[previousBand]} to {_bandNames[band]} at score {lastScored.Score}.",
                    new Dictionary<string, object?> { ["from"] = _bandNames[previousBand], ["to"] = _bandNames[band], ["score"] = lastScored.Score!.Value.Value })));
        }

        if (inWindow.Count >= 2)
        {
            var first = inWindow[0];
            var last = inWindow[^1];
            change = last.Score!.Value.Value - first.Score!.Value.Value;
            slope = Slope(inWindow, windowStart);
            var fitted = slope.Value * (last.AsOf - first.AsOf).TotalDays;
            direction = Math.Abs(fitted) <= _trend.StablePoints ? HealthTrendDirection.Stable
                : fitted > 0 ? HealthTrendDirection.Improving : HealthTrendDirection.Declining;
            var (fall, peak, trough) = LargestFall(inWindow);
            largestFall = fall;
            if (fall >= _trend.ScoreDropPoints)
            {
                alerts.Add(new HealthAlert(
                    HealthAlertKind.ScoreDrop,
                    trough.AsOf,
                    null,
                    new Reason(
                        "health.score-drop",
                        $"The score fell {Guard.Format(Math.Round(fall, 2))} points within {_trend.WindowDays} days, from {peak.Score} at {peak.AsOf} to {trough.Score} at {trough.AsOf}.",
                        new Dictionary<string, object?>
                        {
                            ["fall"] = fall,
                            ["from"] = peak.Score!.Value.Value,
                            ["to"] = trough.Score!.Value.Value,
                            ["threshold"] = _trend.ScoreDropPoints,
                            ["windowDays"] = _trend.WindowDays,
                        })));
            }
        }

        foreach (var (factorId, dropPercent) in _trend.UsageDrops)
        {
            if (UsageDrop(history, windowStart, factorId, dropPercent) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        return new HealthTrend(
            windowStart,
            asOf,
            inWindow.Count,
            change,
            slope,
            largestFall,
            direction,
            band >= 0 ? _bandNames[band] : null,
            previousBand >= 0 ? _bandNames[previousBand] : null,
            alerts.AsReadOnly());
    }

    /// <summary>Applies the band hysteresis to one new score, given the settled band before it.</summary>
    /// <param name="previous">The state returned for the previous score, or <see langword="null"/> for the first score.</param>
    /// <param name="score">The new score.</param>
    /// <returns>The settled band after the score; folding this over a history gives the band <see cref="AnalyzeTrend"/> reports.</returns>
    /// <exception cref="ArgumentException"><paramref name="previous"/> names a band the policy does not have, or has a negative streak.</exception>
    public HealthBandState SettleBand(HealthBandState? previous, HealthScore score)
    {
        var settled = -1;
        var streak = 0;
        if (previous is { } state)
        {
            settled = Array.IndexOf(_bandNames, state.Band);
            if (settled < 0)
            {
                throw new ArgumentException($"The band \"{state.Band}\" is not one of the policy's bands ({string.Join(", ", _bandNames)}).", nameof(previous));
            }

            if (state.Streak < 0)
            {
                throw new ArgumentException($"The streak should be >= 0 but was {state.Streak}.", nameof(previous));
            }

            streak = state.Streak;
        }

        var band = NextBand(settled, score.Value, ref streak);
        return new HealthBandState(_bandNames[band], streak);
    }

    private (int Band, int PreviousBand, HealthResult? LastScored) SettleBands(IReadOnlyList<HealthResult> history)
    {
        int settled = -1, previous = -1, streak = 0;
        HealthResult? lastScored = null;
        foreach (var entry in history)
        {
            if (entry.Score is not { } score)
            {
                continue;
            }

            previous = settled;
            lastScored = entry;
            settled = NextBand(settled, score.Value, ref streak);
        }

        return (settled, previous, lastScored);
    }

    /// <summary>One step of the hysteresis: the settled band after a new score, given the band before it.</summary>
    internal int NextBand(int settled, double score, ref int streak)
    {
        var raw = BandIndex(score);
        if (settled < 0 || raw <= settled)
        {
            // First score, same band, or a better band: a better band is entered at its threshold.
            streak = 0;
            return raw;
        }

        streak++;
        var pastMargin = score < _bandMin[settled] - _trend.HysteresisMargin;
        var longEnough = _trend.HysteresisEvaluations > 0 && streak >= _trend.HysteresisEvaluations;
        if (pastMargin || longEnough)
        {
            streak = 0;
            return raw;
        }

        return settled;
    }

    private static double Slope(List<HealthResult> points, Instant origin)
    {
        double meanX = 0, meanY = 0;
        foreach (var p in points)
        {
            meanX += (p.AsOf - origin).TotalDays;
            meanY += p.Score!.Value.Value;
        }

        meanX /= points.Count;
        meanY /= points.Count;
        double sxy = 0, sxx = 0;
        foreach (var p in points)
        {
            var dx = (p.AsOf - origin).TotalDays - meanX;
            sxy += dx * (p.Score!.Value.Value - meanY);
            sxx += dx * dx;
        }

        // All results at the same instant: no time passed, so no slope.
        return sxx > 0 ? sxy / sxx : 0;
    }

    private static (double Fall, HealthResult Peak, HealthResult Trough) LargestFall(List<HealthResult> points)
    {
        var peak = points[0];
        var best = (Fall: 0.0, Peak: points[0], Trough: points[0]);
        foreach (var p in points)
        {
            if (p.Score!.Value.Value > peak.Score!.Value.Value)
            {
                peak = p;
            }

            var fall = peak.Score!.Value.Value - p.Score.Value.Value;
            if (fall > best.Fall)
            {
                best = (fall, peak, p);
            }
        }

        return best;
    }

    private HealthAlert? UsageDrop(IReadOnlyList<HealthResult> history, Instant windowStart, string factorId, double dropPercent)
    {
        HealthFactorContribution? first = null, last = null;
        HealthResult? lastResult = null;
        foreach (var entry in history)
        {
            if (entry.AsOf < windowStart || entry.Factor(factorId) is not { } factor
                || factor.State is not (HealthFactorDataState.Observed or HealthFactorDataState.CarriedForward))
            {
                continue;
            }

            first ??= factor;
            last = factor;
            lastResult = entry;
        }

        if (first?.RawValue is not { } from || last?.RawValue is not { } to || !(from > 0))
        {
            return null;
        }

        var drop = (from - to) / from * 100;
        if (drop < dropPercent)
        {
            return null;
        }

        return new HealthAlert(
            HealthAlertKind.UsageDrop,
            lastResult!.AsOf,
            factorId,
            new Reason(
                "health.usage-drop",
                $"Factor \"{factorId}\" fell {Guard.Format(Math.Round(drop, 1))}% within {_trend.WindowDays} days, from {Guard.Format(from)} to {Guard.Format(to)} (alert at {Guard.Format(dropPercent)}%).",
                new Dictionary<string, object?>
                {
                    ["factor"] = factorId,
                    ["from"] = from,
                    ["to"] = to,
                    ["dropPercent"] = drop,
                    ["threshold"] = dropPercent,
                    ["windowDays"] = _trend.WindowDays,
                }));
    }
}
