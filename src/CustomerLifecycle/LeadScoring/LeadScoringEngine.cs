using System.Runtime.InteropServices;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.LeadScoring;

/// <summary>Scores prospects by rules: fit to the ideal customer profile, decayed engagement, negative and disqualifying
/// signals; qualifies them as marketing- or sales-qualified leads, explained rule by rule.</summary>
/// <remarks>
/// Sealed, immutable and thread-safe. The single <see cref="Evaluate(LeadInput, Instant)"/>, the batch
/// <see cref="Evaluate(ReadOnlySpan{LeadInput}, Instant, Span{LeadAssessment})"/> and <see cref="Explain"/> share one
/// scoring kernel, so they agree to the bit. The engine never reads the clock.
/// </remarks>
public sealed partial class LeadScoringEngine
{
    // Above this many interaction kinds the batch's per-kind sums move from the stack to one array per call (never per prospect).
    private const int StackKindLimit = 64;

    // The fit score, the engagement score and the total are each out of 100.
    private const double MaxPoints = 100;

    private readonly LeadRule[] _fitRules;
    private readonly LeadRule[] _negativeRules;
    private readonly string[] _kinds;
    private readonly double[] _kindPoints;
    private readonly double[] _kindCaps;
    private readonly Dictionary<string, int> _kindIndex;
    private readonly HashSet<string> _disqualifying;
    private readonly double _halfLifeTicks;
    private readonly double _fitWeight;
    private readonly double _engagementWeight;
    private readonly double _mqlMinimum;
    private readonly double _sqlMinimum;
    private readonly double _sqlMinimumFit;

    /// <summary>Creates an engine for a lead-scoring policy.</summary>
    /// <param name="options">The policy; it is copied, so later changes to it do not affect the engine.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public LeadScoringEngine(LeadScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<LeadScoringOptions, LeadScoringOptionsValidator>(options);

        _fitRules = [.. options.FitRules.Select(r => new LeadRule(r))];
        _negativeRules = [.. options.NegativeRules.Select(r => new LeadRule(r))];
        _kinds = [.. options.InteractionKinds.Select(k => k.Kind)];
        _kindPoints = [.. options.InteractionKinds.Select(k => k.Points)];
        _kindCaps = [.. options.InteractionKinds.Select(k => k.Cap ?? double.PositiveInfinity)];
        _kindIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < _kinds.Length; k++)
        {
            _kindIndex.Add(_kinds[k], k);
        }

        _disqualifying = new HashSet<string>(options.DisqualifyingFlags, StringComparer.OrdinalIgnoreCase);
        _halfLifeTicks = (double)options.HalfLifeDays * NodaConstants.TicksPerDay;
        _fitWeight = options.FitWeight;
        _engagementWeight = options.EngagementWeight;
        _mqlMinimum = options.MarketingQualifiedMinimum;
        _sqlMinimum = options.SalesQualifiedMinimum;
        _sqlMinimumFit = options.SalesQualifiedMinimumFit;
    }

    /// <summary>Scores one prospect, with every contribution and the reasons.</summary>
    /// <param name="input">The prospect's attributes and interactions.</param>
    /// <param name="asOf">The instant of the evaluation: interactions decay with their age at it, and interactions after it are ignored.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the input is invalid; the message names every such field and its value.</exception>
    public LeadScore Evaluate(LeadInput input, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!LeadInputValidation.IsValid(input))
        {
            throw new ArgumentException(LeadInputValidation.Problems(input, string.Empty), nameof(input));
        }

        var asOfTicks = asOf.ToUnixTimeTicks();
        var decay = new double[_kinds.Length];
        var counts = new int[_kinds.Length];
        var assessment = Score(input, asOfTicks, decay, counts, out var tally);
        var score = new LeadScore(input.Prospect, asOf, assessment.Qualification, assessment.Total, tally.Unclamped, assessment.Fit, assessment.Engagement, assessment.Negative)
        {
            Contributions = Contributions(input, asOfTicks, decay, counts, tally).AsReadOnly(),
        };
        return score with { Reasons = Reasons(input, score, asOfTicks).AsReadOnly() };
    }

    /// <summary>Scores many prospects into compact assessments, allocating nothing per prospect.</summary>
    /// <param name="inputs">The prospects' attributes and interactions.</param>
    /// <param name="asOf">The instant of the evaluation: interactions decay with their age at it, and interactions after it are ignored.</param>
    /// <param name="outputs">Receives one assessment per input, at the same index; must be at least as long as <paramref name="inputs"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="inputs"/> (nothing is
    /// written), or an input is null or invalid (the message names it by index and names every bad field; assessments
    /// written before it are reset to <c>default</c>).</exception>
    public void Evaluate(ReadOnlySpan<LeadInput> inputs, Instant asOf, Span<LeadAssessment> outputs)
    {
        Guard.LongEnough(outputs.Length, inputs.Length);

        var asOfTicks = asOf.ToUnixTimeTicks();
        Span<double> decay = _kinds.Length <= StackKindLimit ? stackalloc double[_kinds.Length] : new double[_kinds.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            if (input is null || !LeadInputValidation.IsValid(input))
            {
                outputs[..i].Clear();
                var problems = input is null ? $"inputs[{i}]: must not be null." : LeadInputValidation.Problems(input, $"inputs[{i}].");
                throw new ArgumentException(problems, nameof(inputs));
            }

            outputs[i] = Score(input, asOfTicks, decay, default, out _);
        }
    }

    /// <summary>Explains one prospect's score for a person: the qualification in one line, then every rule's part in it.</summary>
    /// <remarks>
    /// The reasons are the qualification with its thresholds (<c>leads.qualified</c>), one reason per contribution
    /// (<c>leads.fit-rule</c>, <c>leads.fit-cap</c>, <c>leads.engagement</c>, <c>leads.engagement-cap</c>,
    /// <c>leads.negative</c>; their contributions sum to the unclamped total), then the disqualifying signals
    /// (<c>leads.disqualified</c>), the clamp (<c>leads.clamped</c>) and the interactions ignored (<c>leads.ignored</c>).
    /// The subject is the prospect's id.
    /// </remarks>
    /// <param name="input">The prospect's attributes and interactions.</param>
    /// <param name="asOf">The instant of the evaluation.</param>
    /// <returns>The explanation; its <see cref="Explanation{TResult}.Result"/> is what <see cref="Evaluate(LeadInput, Instant)"/> returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">A field of the input is invalid; the message names every such field and its value.</exception>
    public Explanation<LeadScore> Explain(LeadInput input, Instant asOf)
    {
        var score = Evaluate(input, asOf);
        return new Explanation<LeadScore>(score.Prospect.ToString(), LeadScoringExplanation.Decision(score), score, LeadScoringExplanation.Reasons(score, this));
    }

    /// <summary>The points of one interaction of a kind, and the kind's cap (<see langword="null"/> for none).</summary>
    internal (double Points, double? Cap) KindPolicy(string kind)
    {
        var k = _kindIndex[kind];
        return (_kindPoints[k], double.IsPositiveInfinity(_kindCaps[k]) ? null : _kindCaps[k]);
    }

    /// <summary>What each matching rule, each interaction kind and each cap adds, in the order the kernel sums them.</summary>
    private List<LeadContribution> Contributions(LeadInput input, long asOfTicks, double[] decay, int[] counts, LeadTally tally)
    {
        var contributions = new List<LeadContribution>();
        foreach (var rule in _fitRules)
        {
            if (rule.Matches(input, asOfTicks, tally.Latest))
            {
                contributions.Add(new LeadContribution(LeadContributionKind.FitRule, rule.Id, rule.Describe(input, asOfTicks, tally.Latest), rule.Points, _fitWeight, rule.Points * _fitWeight));
            }
        }

        AddCap(contributions, LeadContributionKind.FitCap, "fit", tally.FitPoints, _fitWeight);
        for (var k = 0; k < _kinds.Length; k++)
        {
            if (counts[k] > 0)
            {
                var points = KindPoints(k, decay[k]);
                contributions.Add(new LeadContribution(LeadContributionKind.Engagement, _kinds[k], null, points, _engagementWeight, points * _engagementWeight)
                {
                    Interactions = counts[k],
                    DecayedWeight = decay[k],
                });
            }
        }

        AddCap(contributions, LeadContributionKind.EngagementCap, "engagement", tally.EngagementPoints, _engagementWeight);
        foreach (var rule in _negativeRules)
        {
            if (rule.Matches(input, asOfTicks, tally.Latest))
            {
                contributions.Add(new LeadContribution(LeadContributionKind.Negative, rule.Id, rule.Describe(input, asOfTicks, tally.Latest), -rule.Points, 1, -rule.Points));
            }
        }

        return contributions;
    }

    private static void AddCap(List<LeadContribution> contributions, LeadContributionKind kind, string source, double points, double weight)
    {
        if (points > MaxPoints)
        {
            var excess = MaxPoints - points;
            contributions.Add(new LeadContribution(kind, source, Guard.Format(points), excess, weight, excess * weight));
        }
    }

    private double KindPoints(int kind, double decayedWeight) => Math.Min(_kindPoints[kind] * decayedWeight, _kindCaps[kind]);

    /// <summary>The kernel: one prospect's fit, engagement, negative points, total and qualification.</summary>
    /// <param name="input">The prospect, already validated.</param>
    /// <param name="asOfTicks">The instant of the evaluation, in Unix ticks.</param>
    /// <param name="decay">Scratch for the kinds' decayed weights, one per kind; left holding them.</param>
    /// <param name="counts">Receives the counted interactions per kind, or empty when not wanted.</param>
    /// <param name="tally">Receives the sums the explained path reports.</param>
    private LeadAssessment Score(LeadInput input, long asOfTicks, Span<double> decay, Span<int> counts, out LeadTally tally)
    {
        decay.Clear();
        var latest = LeadRule.NoActivity;
        var interactions = input.Interactions;
        for (var i = 0; i < interactions.Count; i++)
        {
            var interaction = interactions[i];
            var at = interaction.At.ToUnixTimeTicks();
            if (at > asOfTicks || !_kindIndex.TryGetValue(interaction.Kind, out var k))
            {
                continue;
            }

            decay[k] += Math.Pow(0.5, (asOfTicks - at) / _halfLifeTicks);
            latest = Math.Max(latest, at);
            if (!counts.IsEmpty)
            {
                counts[k]++;
            }
        }

        double fitPoints = 0;
        foreach (var rule in _fitRules)
        {
            fitPoints += rule.Matches(input, asOfTicks, latest) ? rule.Points : 0;
        }

        double engagementPoints = 0;
        for (var k = 0; k < decay.Length; k++)
        {
            engagementPoints += KindPoints(k, decay[k]);
        }

        double negative = 0;
        foreach (var rule in _negativeRules)
        {
            negative += rule.Matches(input, asOfTicks, latest) ? rule.Points : 0;
        }

        var fit = Math.Min(fitPoints, MaxPoints);
        var engagement = Math.Min(engagementPoints, MaxPoints);
        var unclamped = (_fitWeight * fit) + (_engagementWeight * engagement) - negative;
        var total = Math.Clamp(unclamped, 0, MaxPoints);
        var qualification = IsDisqualified(input) ? LeadQualification.Disqualified
            : total >= _sqlMinimum && fit >= _sqlMinimumFit ? LeadQualification.SalesQualified
            : total >= _mqlMinimum ? LeadQualification.MarketingQualified
            : LeadQualification.Unqualified;
        tally = new LeadTally(fitPoints, engagementPoints, unclamped, latest);
        return new LeadAssessment(qualification, total, fit, engagement, negative);
    }

    private bool IsDisqualified(LeadInput input) => DisqualifyingFlag(input, 0) >= 0;

    /// <summary>The index of the first disqualifying flag of the input at or after <paramref name="from"/>, or -1.</summary>
    private int DisqualifyingFlag(LeadInput input, int from)
    {
        var flags = input.Flags;
        for (var i = from; i < flags.Count; i++)
        {
            if (_disqualifying.Contains(flags[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The sums behind an assessment that the explained path reports: uncapped points, the unclamped total, the latest counted interaction.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct LeadTally(double FitPoints, double EngagementPoints, double Unclamped, long Latest);
}
