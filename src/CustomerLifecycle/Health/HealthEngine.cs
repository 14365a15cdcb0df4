using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>Scores customer health from factor values: explained for one customer, compact for many; trends, alerts and roll-ups.</summary>
/// <remarks>
/// Sealed, immutable and thread-safe. The constructor validates the policy and compiles the factor tree into flat arrays
/// (see <c>docs/health.md</c>), so the batch path is a tight loop that allocates nothing per customer.
/// </remarks>
public sealed partial class HealthEngine
{
    private readonly CompiledHealthPolicy _policy;
    private readonly string[] _bandNames;
    private readonly double[] _bandMin;
    private readonly double[] _bandMax;
    private readonly Dictionary<string, int> _slots;
    private readonly HealthTrendRules _trend;

    /// <summary>Creates an engine for a health policy.</summary>
    /// <param name="options">The policy; it is copied, so later changes to it do not affect the engine.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public HealthEngine(HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<HealthOptions, HealthOptionsValidator>(options);

        _policy = new CompiledHealthPolicy(options);
        _bandNames = options.Bands.Select(b => b.Name).ToArray();
        _bandMin = options.Bands.Select(b => b.Min).ToArray();
        _bandMax = options.Bands.Select(b => b.Max).ToArray();
        _slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _policy.LeafCount; i++)
        {
            _slots.Add(_policy.FactorIds[i], i);
        }

        _trend = new HealthTrendRules(options.Trend);
        FactorIds = new ReadOnlyCollection<string>(_policy.FactorIds.ToArray());
        BandNames = new ReadOnlyCollection<string>(_bandNames.ToArray());
    }

    /// <summary>Gets the factor ids in slot order: <c>FactorIds[slot]</c> is the factor a <see cref="HealthInput"/> slot holds.</summary>
    public IReadOnlyList<string> FactorIds { get; }

    /// <summary>Gets the band names from the highest scores to the lowest; a band index points into this list.</summary>
    public IReadOnlyList<string> BandNames { get; }

    /// <summary>Gets the input slot of a factor.</summary>
    /// <param name="factorId">The factor id.</param>
    /// <returns>The slot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factorId"/> is null.</exception>
    /// <exception cref="ArgumentException">No factor of the policy has the id.</exception>
    public int SlotOf(string factorId)
    {
        ArgumentNullException.ThrowIfNull(factorId);
        return _slots.TryGetValue(factorId, out var slot)
            ? slot
            : throw new ArgumentException($"No factor has the id \"{factorId}\"; the factors are {string.Join(", ", _policy.FactorIds)}.", nameof(factorId));
    }

    /// <summary>Creates an input from factor values by id, each taken as current.</summary>
    /// <param name="values">The raw values by factor id; factors not named are missing.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">A factor id is not in the policy.</exception>
    public HealthInput CreateInput(IEnumerable<KeyValuePair<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var input = default(HealthInput);
        foreach (var (id, value) in values)
        {
            input.Set(SlotOf(id), value);
        }

        return input;
    }

    /// <summary>Gets the name of a band by index.</summary>
    /// <param name="index">The band index, as in <see cref="HealthScoreSummary.BandIndex"/>.</param>
    /// <returns>The band name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not the index of a band.</exception>
    public string BandName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _bandNames.Length);
        return _bandNames[index];
    }

    /// <summary>Gets the band a score falls in: a band holds scores from its Min (inclusive) to its Max (exclusive; 100 inclusive).</summary>
    /// <param name="score">The score.</param>
    /// <returns>The band name.</returns>
    public string BandOf(HealthScore score) => _bandNames[BandIndex(score.Value)];

    /// <summary>Scores one customer and explains the score.</summary>
    /// <param name="input">The customer's factor values.</param>
    /// <param name="asOf">The instant of the evaluation; carry-forward ages are measured against it.</param>
    /// <returns>The result: score, band, coverage, every factor's contribution and the reasons.</returns>
    public HealthResult Evaluate(in HealthInput input, Instant asOf) => Evaluate(input, asOf, manualOverride: null);

    /// <summary>Scores one customer under a manual override and explains the score.</summary>
    /// <param name="input">The customer's factor values.</param>
    /// <param name="asOf">The instant of the evaluation; carry-forward ages and override expiry are measured against it.</param>
    /// <param name="manualOverride">A manual override, or <see langword="null"/>; it is reported beside the computed score.</param>
    /// <returns>The result: score in force, computed score, band, coverage, every factor's contribution and the reasons.</returns>
    public HealthResult Evaluate(in HealthInput input, Instant asOf, HealthOverride? manualOverride)
    {
        var leafCount = _policy.LeafCount;
        var num = new double[_policy.GroupCount];
        var den = new double[_policy.GroupCount];
        var normalized = new double[leafCount];
        var states = new HealthFactorDataState[leafCount];
        var status = Score(input, asOf.ToUnixTimeTicks(), num, den, normalized, states, out var score, out var coverage);

        var factors = new HealthFactorContribution[leafCount];
        var reasons = new List<Reason>();
        for (var i = 0; i < leafCount; i++)
        {
            var state = states[i];
            var hasRaw = (input.PresentMask & (1 << i)) != 0;
            double? raw = hasRaw ? input.RawValueAt(i) : null;
            Instant? observedAt = (input.ObservedAtMask & (1 << i)) != 0 ? Instant.FromUnixTimeTicks(input.ObservedAtTicksAt(i)) : null;
            var counted = status == HealthStatus.Scored && state is HealthFactorDataState.Observed or HealthFactorDataState.CarriedForward or HealthFactorDataState.TreatedAsZero;
            var effective = counted ? EffectiveWeight(i, den) : 0;
            double? value = state is HealthFactorDataState.Observed or HealthFactorDataState.CarriedForward or HealthFactorDataState.TreatedAsZero ? normalized[i] : null;
            factors[i] = new HealthFactorContribution(_policy.FactorIds[i], state, raw, observedAt, value, _policy.LeafWeight[i], effective, effective * (value ?? 0));
            if (state != HealthFactorDataState.Observed)
            {
                reasons.Add(FactorReason(i, state, raw, observedAt, asOf));
            }
        }

        HealthScore? computed = status == HealthStatus.Scored ? HealthScore.From(score) : null;
        string? computedBand = computed is { } c ? _bandNames[BandIndex(c.Value)] : null;
        if (status == HealthStatus.NoData)
        {
            reasons.Insert(0, new Reason("health.no-data", "No weighted factor had usable data, so there is no computed score."));
        }
        else if (status == HealthStatus.MissingRequiredFactor)
        {
            reasons.Insert(0, new Reason("health.missing-required", "A required factor had no usable value, so there is no computed score."));
        }
        else
        {
            reasons.Insert(0, BandReason(computed!.Value, coverage));
        }

        var inForce = ApplyOverride(manualOverride, computed, asOf, reasons);
        var finalScore = inForce?.Score ?? computed;
        var finalBand = finalScore is { } f ? _bandNames[BandIndex(f.Value)] : null;
        return new HealthResult(asOf, status, finalScore, finalBand, computed, computedBand, coverage, inForce, Array.AsReadOnly(factors), Groups(status, num, den), reasons.AsReadOnly());
    }

    /// <summary>Explains one customer's score for a person; see <see cref="Explain(in HealthInput, Instant, HealthOverride?)"/>.</summary>
    /// <param name="input">The customer's factor values.</param>
    /// <param name="asOf">The instant of the evaluation.</param>
    /// <returns>The explanation; its <see cref="Explanation{TResult}.Result"/> is what <see cref="Evaluate(in HealthInput, Instant)"/> returns.</returns>
    public Explanation<HealthResult> Explain(in HealthInput input, Instant asOf) => Explain(input, asOf, manualOverride: null);

    /// <summary>Explains one customer's score for a person: the score and band in one line, then why.</summary>
    /// <remarks>
    /// The reasons are the band (or why there is no computed score), one <c>health.factor</c> reason per factor with its
    /// raw value, normalised value, weights and contribution (the contributions sum to the computed score), then each
    /// factor without usable data and the override. A <see cref="HealthInput"/> carries no customer id, so the subject is
    /// <c>"health score"</c>; a host showing it for a customer creates
    /// <c>new Explanation&lt;HealthResult&gt;(customerId, explanation.Decision, explanation.Result, explanation.Reasons)</c>.
    /// </remarks>
    /// <param name="input">The customer's factor values.</param>
    /// <param name="asOf">The instant of the evaluation; carry-forward ages and override expiry are measured against it.</param>
    /// <param name="manualOverride">A manual override, or <see langword="null"/>; it is reported beside the computed score.</param>
    /// <returns>The explanation; its <see cref="Explanation{TResult}.Result"/> is what <see cref="Evaluate(in HealthInput, Instant, HealthOverride?)"/> returns.</returns>
    public Explanation<HealthResult> Explain(in HealthInput input, Instant asOf, HealthOverride? manualOverride)
    {
        var result = Evaluate(input, asOf, manualOverride);
        return new Explanation<HealthResult>(HealthExplanation.Subject, HealthExplanation.Decision(result), result, HealthExplanation.Reasons(result));
    }

    /// <summary>Compares two results: the change of the score and of each factor's points, largest first.</summary>
    /// <param name="before">The earlier result.</param>
    /// <param name="after">The later result.</param>
    /// <returns>The diff.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="before"/> or <paramref name="after"/> is null.</exception>
    public static HealthDiff Diff(HealthResult before, HealthResult after) => HealthDiff.Between(before, after);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int BandIndex(double score)
    {
        // Bands run from the highest to the lowest and the last starts at 0: the index is the number of band floors above
        // the score, counted without branches so that random scores do not mispredict.
        var floors = _bandMin;
        var index = 0;
        for (var b = 0; b < floors.Length - 1; b++)
        {
            index += score < floors[b] ? 1 : 0;
        }

        return index;
    }

    private HealthStatus Score(
        in HealthInput input,
        long asOfTicks,
        Span<double> num,
        Span<double> den,
        Span<double> normalized,
        Span<HealthFactorDataState> states,
        out double score,
        out double coverage)
    {
        var policy = _policy;
        var explain = !states.IsEmpty;
        var present = input.PresentMask;
        var observed = input.ObservedAtMask;
        var status = HealthStatus.Scored;
        ReadOnlySpan<LeafPlan> plans = policy.Plans;
        coverage = 0;
        for (var i = 0; i < plans.Length; i++)
        {
            ref readonly var plan = ref plans[i];
            var bit = 1 << i;
            var usable = false;
            var state = HealthFactorDataState.Observed;
            double points = 0;
            if ((present & bit) != 0)
            {
                var value = input.RawValueAt(i);
                if (double.IsFinite(value))
                {
                    usable = true;
                    if ((observed & bit) != 0 && plan.Policy == HealthMissingDataPolicy.CarryForward)
                    {
                        var age = asOfTicks - input.ObservedAtTicksAt(i);
                        usable = age <= plan.CarryForwardTicks;
                        state = age > 0 ? HealthFactorDataState.CarriedForward : HealthFactorDataState.Observed;
                    }

                    if (usable)
                    {
                        points = policy.Normalize(plan, i, value);
                    }
                }
            }

            if (!usable)
            {
                switch (plan.Policy)
                {
                    case HealthMissingDataPolicy.Fail:
                        if (!explain)
                        {
                            score = 0;
                            coverage = 0;
                            return HealthStatus.MissingRequiredFactor;
                        }

                        states[i] = HealthFactorDataState.Missing;
                        status = HealthStatus.MissingRequiredFactor;
                        continue;
                    case HealthMissingDataPolicy.TreatAsZero:
                        state = HealthFactorDataState.TreatedAsZero;
                        break;
                    default:
                        if (explain)
                        {
                            states[i] = HealthFactorDataState.Excluded;
                        }

                        continue;
                }
            }
            else
            {
                coverage += plan.FullShare;
            }

            if (explain)
            {
                states[i] = state;
                normalized[i] = points;
            }

            num[plan.Parent] += plan.Weight * points;
            den[plan.Parent] += plan.Weight;
        }

        for (var g = policy.GroupCount - 1; g > 0; g--)
        {
            if (den[g] > 0)
            {
                var parent = policy.GroupParent[g];
                var weight = policy.GroupWeight[g];
                num[parent] += weight * (num[g] / den[g]);
                den[parent] += weight;
            }
        }

        if (status != HealthStatus.Scored)
        {
            score = 0;
            coverage = 0;
            return status;
        }

        return Finish(num[0], den[0], ref coverage, out score);
    }

    /// <summary>The root's weighted mean, clamped; no data when no weight had data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static HealthStatus Finish(double num, double den, ref double coverage, out double score)
    {
        if (!(den > 0))
        {
            score = 0;
            coverage = 0;
            return HealthStatus.NoData;
        }

        score = Math.Clamp(num / den, HealthScore.MinValue, HealthScore.MaxValue);
        coverage = Math.Min(coverage, 1);
        return HealthStatus.Scored;
    }

    private double EffectiveWeight(int leaf, ReadOnlySpan<double> den)
    {
        var group = _policy.LeafParent[leaf];
        var share = den[group] > 0 ? _policy.LeafWeight[leaf] / den[group] : 0;
        return share * GroupShare(group, den);
    }

    /// <summary>A group's share of the score: the product of its weight shares up to the root (1 for the root).</summary>
    private double GroupShare(int group, ReadOnlySpan<double> den)
    {
        var share = 1.0;
        while (group > 0 && share > 0)
        {
            var parent = _policy.GroupParent[group];
            share *= den[parent] > 0 ? _policy.GroupWeight[group] / den[parent] : 0;
            group = parent;
        }

        return share;
    }

    private ReadOnlyCollection<HealthGroupContribution> Groups(HealthStatus status, ReadOnlySpan<double> num, ReadOnlySpan<double> den)
    {
        var groups = new HealthGroupContribution[_policy.GroupCount - 1];
        for (var g = 1; g < _policy.GroupCount; g++)
        {
            var parent = _policy.GroupParent[g];
            double? score = den[g] > 0 ? Math.Clamp(num[g] / den[g], HealthScore.MinValue, HealthScore.MaxValue) : null;
            var effective = status == HealthStatus.Scored && score is not null ? GroupShare(g, den) : 0;
            groups[g - 1] = new HealthGroupContribution(
                _policy.GroupIds[g],
                parent == 0 ? null : _policy.GroupIds[parent],
                score,
                _policy.GroupWeight[g],
                effective,
                effective * (score ?? 0));
        }

        return Array.AsReadOnly(groups);
    }

    private Reason BandReason(HealthScore score, double coverage)
    {
        var band = BandIndex(score.Value);
        var upper = _bandMax[band] >= HealthScore.MaxValue ? "]" : ")";
        return new Reason(
            "health.band",
            $"Score {score} is in band {_bandNames[band]} [{Guard.Format(_bandMin[band])}, {Guard.Format(_bandMax[band])}{upper}, with {Guard.Percent(coverage)} of the weight covered by data.",
            new Dictionary<string, object?> { ["score"] = score.Value, ["band"] = _bandNames[band], ["coverage"] = coverage });
    }

    private Reason FactorReason(int leaf, HealthFactorDataState state, double? raw, Instant? observedAt, Instant asOf)
    {
        var id = _policy.FactorIds[leaf];
        var data = new Dictionary<string, object?> { ["factor"] = id, ["rawValue"] = raw, ["observedAt"] = observedAt?.ToString(), ["asOf"] = asOf.ToString() };
        if (state == HealthFactorDataState.CarriedForward)
        {
            return new Reason("health.factor-carried-forward", $"Factor \"{id}\" uses the value {Guard.Format(raw!.Value)} observed at {observedAt}, within its carry-forward time-to-live.", data);
        }

        var action = state switch
        {
            HealthFactorDataState.TreatedAsZero => "it counted as 0 points at its full weight",
            HealthFactorDataState.Missing => "the factor is required, so the customer was not scored",
            _ => "it was left out and the other weights re-normalised",
        };
        var policy = _policy.Policy[leaf];
        if (raw is not { } value)
        {
            return new Reason("health.factor-missing", $"Factor \"{id}\" has no value; {action}.", data);
        }

        if (!double.IsFinite(value))
        {
            return new Reason("health.factor-invalid", $"Factor \"{id}\" has the value {Guard.Format(value)}, which is not a finite number; {action}.", data);
        }

        data["carryForwardDays"] = policy == HealthMissingDataPolicy.CarryForward ? _policy.CarryForwardTicks[leaf] / NodaConstants.TicksPerDay : null;
        return new Reason("health.factor-stale", $"Factor \"{id}\" has the value {Guard.Format(value)} observed at {observedAt}, older than its carry-forward time-to-live; {action}.", data);
    }

    private HealthOverride? ApplyOverride(HealthOverride? manualOverride, HealthScore? computed, Instant asOf, List<Reason> reasons)
    {
        if (manualOverride is null)
        {
            return null;
        }

        var data = new Dictionary<string, object?>
        {
            ["overrideScore"] = manualOverride.Score.Value,
            ["computedScore"] = computed?.Value,
            ["author"] = manualOverride.Author,
            ["reason"] = manualOverride.Reason,
            ["expiresAt"] = manualOverride.ExpiresAt.ToString(),
            ["locked"] = manualOverride.Locked,
            ["computedScoreWhenSet"] = manualOverride.ComputedScoreWhenSet?.Value,
        };
        if (asOf >= manualOverride.ExpiresAt)
        {
            reasons.Add(new Reason("health.override-expired", $"The override to {manualOverride.Score} by {manualOverride.Author} expired at {manualOverride.ExpiresAt}; the computed score is in force.", data));
            return null;
        }

        if (!manualOverride.Locked && manualOverride.ComputedScoreWhenSet is { } seen && computed is { } c && BandIndex(c.Value) > BandIndex(seen.Value))
        {
            reasons.Add(new Reason(
                "health.override-released",
                $"The override to {manualOverride.Score} by {manualOverride.Author} lapsed because the computed score fell from {seen} ({_bandNames[BandIndex(seen.Value)]}) to {c} ({_bandNames[BandIndex(c.Value)]}) since it was set; lock an override to keep it.",
                data));
            return null;
        }

        var computedText = computed is { } value ? value.ToString() : "none";
        reasons.Add(new Reason(
            "health.override",
            $"Score overridden to {manualOverride.Score} by {manualOverride.Author} until {manualOverride.ExpiresAt}: {manualOverride.Reason} (computed score {computedText}).",
            data));
        return manualOverride;
    }

}
