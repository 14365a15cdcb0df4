using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using CustomerLifecycle.Internal;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>Decides how much attention each customer gets: RFM scores and segments, revenue-share tiers combined with
/// behaviour and fit rules, hysteresis, and contact cadence. Sealed, immutable and thread-safe.</summary>
public sealed class TieringEngine
{
    private readonly RfmScorer _rfm;
    private readonly ContactPlanner _contacts;
    private readonly ImmutableArray<double> _cumulativeTargets;
    private readonly ImmutableArray<CompiledRule> _rules;
    private readonly int _fallbackTier;
    private readonly Hysteresis _hysteresis;
    private readonly double _keepFactor;

    /// <summary>Creates the engine from a policy, which it validates and copies.</summary>
    /// <param name="options">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The policy is invalid; the exception lists every failure.</exception>
    public TieringEngine(TieringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = TieringOptionsValidator.Failures(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TieringOptions), failures);
        }

        // Options are mutable: everything the engine needs is copied here, so later changes to them change nothing.
        _rfm = new RfmScorer(options.Rfm);
        _contacts = new ContactPlanner(options);
        TierNames = [.. options.Tiers.Select(t => t.Name)];
        var cumulative = 0.0;
        var targets = ImmutableArray.CreateBuilder<double>(TierNames.Length - 1);
        for (var t = 0; t < TierNames.Length - 1; t++)
        {
            cumulative += options.Tiers[t].RevenueSharePercent;
            targets.Add(Math.Min(cumulative, 100) / 100);
        }

        _cumulativeTargets = targets.MoveToImmutable();
        _rules = [.. options.Rules.Select(Compile)];
        _fallbackTier = TierNames.IndexOf(options.FallbackTier);
        _hysteresis = new Hysteresis(options.Hysteresis.DowngradeAfterEvaluations, options.Hysteresis.MaxTiersPerDowngrade);
        _keepFactor = 1 - (options.Hysteresis.ValueMarginPercent / 100);
    }

    /// <summary>Gets the tier names, best first; tier indices in inputs and results refer to this list.</summary>
    public ImmutableArray<string> TierNames { get; }

    /// <summary>Gets the RFM segment names in rule order; <see cref="RfmScore.SegmentIndex"/> refers to this list.</summary>
    public ImmutableArray<string> SegmentNames => _rfm.SegmentNames;

    /// <summary>Aggregates one customer's transactions as of an instant: later transactions and those outside the policy's
    /// window are left out; refunds (negative amounts) reduce the monetary value but are not purchases.</summary>
    /// <param name="transactions">The customer's transactions, in any order.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <returns>The raw recency, frequency and monetary values; no purchases gives <c>default(RfmSummary)</c> plus any refunds.</returns>
    /// <exception cref="ArgumentException">An amount is NaN or infinite; the message names its index.</exception>
    public RfmSummary Summarize(ReadOnlySpan<RfmTransaction> transactions, Instant asOf) => _rfm.Summarize(transactions, asOf);

    /// <summary>Scores a population's recency, frequency and monetary values and names each customer's segment.</summary>
    /// <param name="population">One summary per customer; quantile scores are relative to this population.</param>
    /// <param name="asOf">The evaluation instant recency is measured to.</param>
    /// <param name="scores">Receives one result per customer, at the same index.</param>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is shorter than <paramref name="population"/>, or a
    /// summary has a NaN or infinite monetary value, a negative frequency or a last purchase after
    /// <paramref name="asOf"/>; the message names the index and field. Nothing is written then.</exception>
    public void ScoreRfm(ReadOnlySpan<RfmSummary> population, Instant asOf, Span<RfmScore> scores) => _rfm.Score(population, asOf, scores);

    /// <summary>Explains one customer's RFM scores and segment within a population.</summary>
    /// <param name="population">The population the customer is scored in.</param>
    /// <param name="index">The customer's index in <paramref name="population"/>.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <returns>The raw values, scores, cut points and every segment rule tried.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the population.</exception>
    /// <exception cref="ArgumentException">A summary is invalid, as for <see cref="ScoreRfm"/>.</exception>
    public RfmExplanation ExplainRfm(ReadOnlySpan<RfmSummary> population, int index, Instant asOf) => _rfm.Explain(population, index, asOf);

    /// <summary>Assigns revenue-share (Pareto) tiers from values alone: each tier is the smallest next group of
    /// highest-value customers reaching its cumulative share; values of 0 or less go to the last tier.</summary>
    /// <param name="values">One value per customer (revenue, CLV or any host value).</param>
    /// <param name="tiers">Receives each customer's tier index.</param>
    /// <exception cref="ArgumentException"><paramref name="tiers"/> is shorter than <paramref name="values"/>, or a value
    /// is NaN or infinite (the message names its index). Nothing is written then.</exception>
    public void AssignValueTiers(ReadOnlySpan<double> values, Span<int> tiers)
    {
        if (tiers.Length < values.Length)
        {
            throw new ArgumentException($"tiers: must hold at least {values.Length} results (one per customer) but holds {tiers.Length}.", nameof(tiers));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"values[{i}]: must be a finite number but was {Guard.Format(values[i])}.", nameof(values));
            }
        }

        Span<double> cuts = stackalloc double[_cumulativeTargets.Length];
        var rented = ArrayPool<double>.Shared.Rent(Math.Max(values.Length, 1));
        try
        {
            var scratch = rented.AsSpan(0, values.Length);
            values.CopyTo(scratch);
            ParetoCuts.FromScratch(scratch, _cumulativeTargets.AsSpan(), cuts);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        for (var i = 0; i < values.Length; i++)
        {
            tiers[i] = ParetoCuts.Tier(values[i], cuts);
        }
    }

    /// <summary>Assigns each customer's tier: the value tier from the population, then the first matching rule (or the
    /// fallback tier), then hysteresis against the stored state.</summary>
    /// <param name="inputs">One input per customer; value tiers are relative to this population.</param>
    /// <param name="asOf">The evaluation instant (for tenure).</param>
    /// <param name="outputs">Receives one assignment per customer, at the same index.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="inputs"/>, or an
    /// input is invalid (NaN value, negative or NaN logins, a stored tier out of range, negative evaluations below); the
    /// message names the index and field. Nothing is written then.</exception>
    public void Evaluate(ReadOnlySpan<TierInput> inputs, Instant asOf, Span<TierAssignment> outputs)
    {
        if (outputs.Length < inputs.Length)
        {
            throw new ArgumentException($"outputs: must hold at least {inputs.Length} results (one per customer) but holds {outputs.Length}.", nameof(outputs));
        }

        Span<double> cuts = stackalloc double[_cumulativeTargets.Length];
        ValueCuts(inputs, cuts);
        for (var i = 0; i < inputs.Length; i++)
        {
            outputs[i] = Assign(inputs[i], ValueTier(inputs[i], cuts), asOf);
        }
    }

    /// <summary>Explains one customer's tier within a population: the value tier, every rule with each criterion's
    /// outcome, and hysteresis.</summary>
    /// <param name="population">The population the customer is tiered in.</param>
    /// <param name="index">The customer's index in <paramref name="population"/>.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <returns>The assignment with its rules and reasons.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the population.</exception>
    /// <exception cref="ArgumentException">An input is invalid, as for <see cref="Evaluate"/>.</exception>
    public TierResult Explain(ReadOnlySpan<TierInput> population, int index, Instant asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, population.Length);
        Span<double> cuts = stackalloc double[_cumulativeTargets.Length];
        var total = ValueCuts(population, cuts);
        var input = population[index];
        var rawValueTier = ParetoCuts.Tier(input.Value, cuts);
        var valueTier = ValueTier(input, cuts);
        var assignment = Assign(input, valueTier, asOf);
        var share = total > 0 && input.Value > 0 ? input.Value / total : 0;

        var outcomes = new List<RuleOutcome>(_rules.Length);
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            var criteria = new List<CriterionOutcome>(rule.Criteria.Length);
            foreach (var c in rule.Criteria)
            {
                var actual = c.Actual(input, valueTier, asOf);
                criteria.Add(new CriterionOutcome(c.Field.ToString(), c.Operator.ToString(), c.Threshold, actual, c.Passes(actual)));
            }

            outcomes.Add(new RuleOutcome(r, TierNames[rule.Tier], rule.Any ? "Any" : "All", rule.Matches(input, valueTier, asOf), criteria));
        }

        var reasons = new List<Reason>
        {
            new(
                "tiering.value-tier",
                $"Value {Guard.Format(input.Value)} is {(share * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of the population's value: value tier {TierNames[valueTier]}.",
                new Dictionary<string, object?> { ["value"] = input.Value, ["share"] = share, ["valueTier"] = TierNames[valueTier] }),
        };
        if (valueTier != rawValueTier)
        {
            reasons.Add(new Reason(
                "tiering.value-margin",
                $"Value {Guard.Format(input.Value)} is below the {TierNames[valueTier]} cut {Guard.Format(cuts[valueTier])} but within the margin: value tier stays {TierNames[valueTier]}.",
                new Dictionary<string, object?> { ["value"] = input.Value, ["cut"] = cuts[valueTier], ["valueTier"] = TierNames[valueTier], ["withoutMargin"] = TierNames[rawValueTier] }));
        }

        var candidate = TierNames[assignment.CandidateTier];
        if (assignment.RuleIndex >= 0)
        {
            var passed = outcomes[assignment.RuleIndex].Criteria.Where(c => c.Passed).Select(c => $"{c.Field} {c.Operator} {Guard.Format(c.Threshold)} (was {Guard.Format(c.Actual)})");
            reasons.Add(new Reason(
                "tiering.rule-matched",
                $"Rule {assignment.RuleIndex} ({outcomes[assignment.RuleIndex].Match}) gives {candidate}: {string.Join(", ", passed)}.",
                new Dictionary<string, object?> { ["rule"] = assignment.RuleIndex, ["tier"] = candidate }));
        }
        else
        {
            reasons.Add(new Reason("tiering.no-rule-matched", $"No rule matched: fallback tier {candidate}.", new Dictionary<string, object?> { ["tier"] = candidate }));
        }

        if (input.Previous is { } previous)
        {
            var data = new Dictionary<string, object?>
            {
                ["previousTier"] = TierNames[previous.Tier],
                ["candidateTier"] = candidate,
                ["tier"] = assignment.TierName,
                ["evaluationsBelow"] = assignment.State.EvaluationsBelow,
                ["downgradeAfterEvaluations"] = _hysteresis.DowngradeAfter,
            };
            if (assignment.Tier < previous.Tier)
            {
                reasons.Add(new Reason("tiering.upgrade", $"Upgraded from {TierNames[previous.Tier]} to {assignment.TierName} at once.", data));
            }
            else if (assignment.Tier > previous.Tier)
            {
                reasons.Add(new Reason("tiering.downgrade", $"Downgraded from {TierNames[previous.Tier]} to {assignment.TierName} after {_hysteresis.DowngradeAfter} evaluations below.", data));
            }

            if (assignment.DowngradePending)
            {
                reasons.Add(new Reason(
                    "tiering.downgrade-pending",
                    $"The rules give {candidate} but the customer stays {assignment.TierName} for now ({assignment.State.EvaluationsBelow} of {_hysteresis.DowngradeAfter} evaluations below).",
                    data));
            }
        }

        return new TierResult(assignment, TierNames[valueTier], share, outcomes, reasons);
    }

    /// <summary>Plans the next cadence contact of many customers.</summary>
    /// <param name="inputs">One input per customer.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <param name="outputs">Receives one result per customer, at the same index.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="inputs"/>, or an
    /// input names a tier out of range or an unknown time zone; the message names the index and field. Nothing is written then.</exception>
    public void PlanContacts(ReadOnlySpan<ContactInput> inputs, Instant asOf, Span<ContactDue> outputs) => _contacts.Plan(inputs, asOf, outputs);

    /// <summary>Plans one customer's contacts: the cadence, the key moments within the look-ahead and the tier's content theme.</summary>
    /// <param name="input">The customer.</param>
    /// <param name="asOf">The evaluation instant.</param>
    /// <returns>The plan with its reasons.</returns>
    /// <exception cref="ArgumentException">The input names a tier out of range or an unknown time zone.</exception>
    public ContactPlan PlanContact(ContactInput input, Instant asOf) => _contacts.Plan(input, asOf);

    private double ValueCuts(ReadOnlySpan<TierInput> inputs, Span<double> cuts)
    {
        // Check everything first, so that bad data never leaves the outputs half written.
        for (var i = 0; i < inputs.Length; i++)
        {
            Validate(inputs[i], i);
        }

        var rented = ArrayPool<double>.Shared.Rent(Math.Max(inputs.Length, 1));
        try
        {
            var scratch = rented.AsSpan(0, inputs.Length);
            for (var i = 0; i < inputs.Length; i++)
            {
                scratch[i] = inputs[i].Value;
            }

            return ParetoCuts.FromScratch(scratch, _cumulativeTargets.AsSpan(), cuts);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The value tier, kept at the customer's current tier while the value stays within the margin below its cut.</summary>
    private int ValueTier(in TierInput input, ReadOnlySpan<double> cuts)
    {
        var tier = ParetoCuts.Tier(input.Value, cuts);
        if (input.Previous is { } previous && previous.Tier < tier && previous.Tier < cuts.Length
            && input.Value > 0 && input.Value >= cuts[previous.Tier] * _keepFactor)
        {
            return previous.Tier;
        }

        return tier;
    }

    private TierAssignment Assign(in TierInput input, int valueTier, Instant asOf)
    {
        var ruleIndex = -1;
        var candidate = _fallbackTier;
        for (var r = 0; r < _rules.Length; r++)
        {
            if (_rules[r].Matches(input, valueTier, asOf))
            {
                ruleIndex = r;
                candidate = _rules[r].Tier;
                break;
            }
        }

        var (tier, pending, state) = _hysteresis.Apply(candidate, input.Previous);
        return new TierAssignment(tier, TierNames[tier], valueTier, ruleIndex, candidate, pending, state);
    }

    private void Validate(in TierInput input, int i)
    {
        if (!double.IsFinite(input.Value))
        {
            throw new ArgumentException($"inputs[{i}].Value: must be a finite number but was {Guard.Format(input.Value)}.", "inputs");
        }

        if (!(input.LoginsPerWeek >= 0) || double.IsPositiveInfinity(input.LoginsPerWeek))
        {
            throw new ArgumentException($"inputs[{i}].LoginsPerWeek: must be a finite number >= 0 but was {Guard.Format(input.LoginsPerWeek)}.", "inputs");
        }

        if (input.Previous is { } previous)
        {
            if (previous.Tier < 0 || previous.Tier >= TierNames.Length)
            {
                throw new ArgumentException($"inputs[{i}].Previous.Tier: must be between 0 and {TierNames.Length - 1} but was {previous.Tier}.", "inputs");
            }

            if (previous.EvaluationsBelow < 0)
            {
                throw new ArgumentException($"inputs[{i}].Previous.EvaluationsBelow: must be >= 0 but was {previous.EvaluationsBelow}.", "inputs");
            }
        }
    }

    private CompiledRule Compile(TierRule rule)
        => new(
            TierNames.IndexOf(rule.Tier),
            rule.Match == RuleMatch.Any,
            [.. rule.Criteria.Select(c => new CompiledCriterion(c.Field, c.Operator, c.Operator == CriterionOperator.AtOrAbove ? TierNames.IndexOf(c.Tier!) : c.Threshold))]);
}
