using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>RFM scores and segments, compiled from a validated <see cref="RfmOptions"/>. Immutable and thread-safe.</summary>
/// <remarks>Recency is scored on the negated number of days, so that more recent is higher and "never bought"
/// (negative infinity) is the lowest of all.</remarks>
internal sealed class RfmScorer
{
    private readonly int _scoreCount;
    private readonly bool _quantiles;
    private readonly double[] _recencyCuts;
    private readonly double[] _frequencyCuts;
    private readonly double[] _monetaryCuts;
    private readonly CompiledSegment[] _segments;
    private readonly string _unmatched;

    // segment index per (r, f, m), when the score count is small enough for a table
    private readonly short[]? _lookup;

    public RfmScorer(RfmOptions options)
    {
        _scoreCount = options.ScoreCount;
        _quantiles = options.Method == RfmScoringMethod.Quantiles;
        _recencyCuts = [.. options.RecencyDaysCuts.AsEnumerable().Reverse().Select(d => -d)];
        _frequencyCuts = [.. options.FrequencyCuts];
        _monetaryCuts = [.. options.MonetaryCuts];
        _segments = [.. options.Segments.Select(CompiledSegment.From)];
        _unmatched = options.UnmatchedSegment;
        WindowDays = options.WindowDays;
        SegmentNames = [.. _segments.Select(s => s.Name)];
        if (_scoreCount <= 20 && _segments.Length < short.MaxValue)
        {
            _lookup = new short[_scoreCount * _scoreCount * _scoreCount];
            for (var r = 1; r <= _scoreCount; r++)
            {
                for (var f = 1; f <= _scoreCount; f++)
                {
                    for (var m = 1; m <= _scoreCount; m++)
                    {
                        _lookup[Key(r, f, m)] = (short)FindSegment(r, f, m);
                    }
                }
            }
        }
    }

    public int WindowDays { get; }

    public ImmutableArray<string> SegmentNames { get; }

    public RfmSummary Summarize(ReadOnlySpan<RfmTransaction> transactions, Instant asOf)
    {
        var from = WindowDays == 0 ? Instant.MinValue : asOf - Duration.FromDays(WindowDays);
        Instant? last = null;
        var frequency = 0;
        var monetary = 0.0;
        for (var i = 0; i < transactions.Length; i++)
        {
            var t = transactions[i];
            if (!double.IsFinite(t.Amount))
            {
                throw new ArgumentException($"transactions[{i}].Amount: must be a finite number but was {Guard.Format(t.Amount)}.", nameof(transactions));
            }

            // Later transactions are not known yet at asOf; earlier ones fall outside the window.
            if (t.At > asOf || t.At <= from)
            {
                continue;
            }

            monetary += t.Amount;
            if (t.Amount > 0)
            {
                frequency++;
                if (last is null || t.At > last.Value)
                {
                    last = t.At;
                }
            }
        }

        return new RfmSummary(last, frequency, monetary);
    }

    public void Score(ReadOnlySpan<RfmSummary> population, Instant asOf, Span<RfmScore> scores)
    {
        CheckScores(population.Length, scores);
        Validate(population, asOf, nameof(population));
        var cutCount = _scoreCount - 1;
        Span<double> cuts = stackalloc double[3 * cutCount];
        var recencyCuts = cuts[..cutCount];
        var frequencyCuts = cuts.Slice(cutCount, cutCount);
        var monetaryCuts = cuts.Slice(2 * cutCount, cutCount);
        Cuts(population, asOf, recencyCuts, frequencyCuts, monetaryCuts);
        ScoreAll(population, asOf, recencyCuts, frequencyCuts, monetaryCuts, scores);
    }

    public void Score(ReadOnlySpan<RfmSummary> summaries, RfmCuts cuts, Instant asOf, Span<RfmScore> scores)
    {
        CheckCuts(cuts);
        CheckScores(summaries.Length, scores);
        Validate(summaries, asOf, nameof(summaries));
        Span<double> recencyCuts = stackalloc double[cuts.RecencyDays.Length];
        RecencyKeys(cuts, recencyCuts);
        ScoreAll(summaries, asOf, recencyCuts, cuts.Frequency.AsSpan(), cuts.Monetary.AsSpan(), scores);
    }

    public RfmCuts ComputeCuts(ReadOnlySpan<RfmSummary> population, Instant asOf)
    {
        Validate(population, asOf, nameof(population));
        var cutCount = _scoreCount - 1;
        Span<double> recency = stackalloc double[cutCount];
        Span<double> frequency = stackalloc double[cutCount];
        Span<double> monetary = stackalloc double[cutCount];
        Cuts(population, asOf, recency, frequency, monetary);
        var days = ImmutableArray.CreateBuilder<double>(cutCount);
        foreach (var key in recency)
        {
            days.Add(-key);
        }

        return new RfmCuts(days.MoveToImmutable(), [.. frequency], [.. monetary]);
    }

    public RfmResult Score(RfmSummary summary, RfmCuts cuts, Instant asOf)
    {
        CheckCuts(cuts);
        ValidateOne(summary, asOf, nameof(summary), -1);
        return Result(summary, cuts, asOf);
    }

    private void ScoreAll(ReadOnlySpan<RfmSummary> summaries, Instant asOf, ReadOnlySpan<double> recencyCuts, ReadOnlySpan<double> frequencyCuts, ReadOnlySpan<double> monetaryCuts, Span<RfmScore> scores)
    {
        for (var i = 0; i < summaries.Length; i++)
        {
            var c = summaries[i];
            var r = QuantileCuts.Score(RecencyKey(c, asOf), recencyCuts);
            var f = QuantileCuts.Score(c.Frequency, frequencyCuts);
            var m = QuantileCuts.Score(c.Monetary, monetaryCuts);
            var segment = _lookup is null ? FindSegment(r, f, m) : _lookup[Key(r, f, m)];
            scores[i] = new RfmScore(r, f, m, segment, segment < 0 ? _unmatched : _segments[segment].Name);
        }
    }

    private void CheckCuts(RfmCuts cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        if (cuts.RecencyDays.Length != _scoreCount - 1 || cuts.Frequency.Length != _scoreCount - 1 || cuts.Monetary.Length != _scoreCount - 1)
        {
            throw new ArgumentException($"cuts: were computed for {cuts.Frequency.Length + 1} scores but this policy has {_scoreCount}.", nameof(cuts));
        }
    }

    private static void CheckScores(int customers, Span<RfmScore> scores)
    {
        if (scores.Length < customers)
        {
            throw new ArgumentException($"scores: must hold at least {customers} results (one per customer) but holds {scores.Length}.", nameof(scores));
        }
    }

    /// <summary>The recency cuts as scoring keys (negated days, so that more recent scores higher like the other two).</summary>
    private static void RecencyKeys(RfmCuts cuts, Span<double> keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = -cuts.RecencyDays[i];
        }
    }

    private RfmResult Result(RfmSummary c, RfmCuts cuts, Instant asOf)
    {
        Span<double> recencyCuts = stackalloc double[cuts.RecencyDays.Length];
        RecencyKeys(cuts, recencyCuts);

        var r = QuantileCuts.Score(RecencyKey(c, asOf), recencyCuts);
        var f = QuantileCuts.Score(c.Frequency, cuts.Frequency.AsSpan());
        var m = QuantileCuts.Score(c.Monetary, cuts.Monetary.AsSpan());
        var segment = FindSegment(r, f, m);
        var score = new RfmScore(r, f, m, segment, segment < 0 ? _unmatched : _segments[segment].Name);

        var reasons = new List<Reason>();
        for (var s = 0; s < _segments.Length; s++)
        {
            var data = new Dictionary<string, object?>
            {
                ["segment"] = _segments[s].Name,
                ["recencyScore"] = r,
                ["frequencyScore"] = f,
                ["monetaryScore"] = m,
                ["rule"] = _segments[s].Describe(),
            };
            if (s == segment)
            {
                reasons.Add(new Reason("tiering.rfm-segment", $"Segment '{_segments[s].Name}': scores R{r} F{f} M{m} match {_segments[s].Describe()}.", data));
                break;
            }

            reasons.Add(new Reason("tiering.rfm-segment-not-matched", $"Not '{_segments[s].Name}': scores R{r} F{f} M{m} are outside {_segments[s].Describe()}.", data));
        }

        if (segment < 0)
        {
            reasons.Add(new Reason("tiering.rfm-unmatched", $"No segment rule matches R{r} F{f} M{m}; the segment is '{_unmatched}'.", new Dictionary<string, object?> { ["segment"] = _unmatched }));
        }

        var days = RecencyDays(c, asOf);
        return new RfmResult(
            days,
            c.Frequency,
            c.Monetary,
            score,
            cuts.RecencyDays,
            cuts.Frequency,
            cuts.Monetary,
            reasons);
    }

    private void Cuts(ReadOnlySpan<RfmSummary> population, Instant asOf, Span<double> recency, Span<double> frequency, Span<double> monetary)
    {
        if (!_quantiles)
        {
            _recencyCuts.CopyTo(recency);
            _frequencyCuts.CopyTo(frequency);
            _monetaryCuts.CopyTo(monetary);
            return;
        }

        if (population.IsEmpty)
        {
            recency.Fill(double.PositiveInfinity);
            frequency.Fill(double.PositiveInfinity);
            monetary.Fill(double.PositiveInfinity);
            return;
        }

        // One pooled scratch buffer, reused per dimension: no allocation per customer.
        var rented = ArrayPool<double>.Shared.Rent(population.Length);
        try
        {
            var keys = rented.AsSpan(0, population.Length);
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = RecencyKey(population[i], asOf);
            }

            QuantileCuts.FromKeys(keys, _scoreCount, recency);

            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = population[i].Frequency;
            }

            QuantileCuts.FromKeys(keys, _scoreCount, frequency);

            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = population[i].Monetary;
            }

            QuantileCuts.FromKeys(keys, _scoreCount, monetary);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static void Validate(ReadOnlySpan<RfmSummary> summaries, Instant asOf, string paramName)
    {
        for (var i = 0; i < summaries.Length; i++)
        {
            ValidateOne(summaries[i], asOf, paramName, i);
        }
    }

    private static void ValidateOne(in RfmSummary c, Instant asOf, string paramName, int index)
    {
        if (!double.IsFinite(c.Monetary))
        {
            throw Invalid(paramName, index, $"Monetary: must be a finite number but was {Guard.Format(c.Monetary)}.");
        }

        if (c.Frequency < 0)
        {
            throw Invalid(paramName, index, $"Frequency: must be >= 0 but was {c.Frequency.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (c.LastPurchase > asOf)
        {
            throw Invalid(paramName, index, $"LastPurchase: must not be after asOf ({asOf}) but was {c.LastPurchase}.");
        }
    }

    private static ArgumentException Invalid(string paramName, int index, string message)
        => new(index < 0 ? $"{paramName}.{message}" : $"{paramName}[{index}].{message}", paramName);

    private static double RecencyDays(RfmSummary c, Instant asOf)
        => c.LastPurchase is { } last ? (asOf - last).TotalDays : double.PositiveInfinity;

    private static double RecencyKey(RfmSummary c, Instant asOf) => -RecencyDays(c, asOf);

    private int Key(int r, int f, int m) => (((r - 1) * _scoreCount) + (f - 1)) * _scoreCount + (m - 1);

    private int FindSegment(int r, int f, int m)
    {
        for (var s = 0; s < _segments.Length; s++)
        {
            if (_segments[s].Matches(r, f, m))
            {
                return s;
            }
        }

        return -1;
    }
}
