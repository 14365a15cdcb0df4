using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>Value tiers, tier rules and hysteresis, compiled from validated options. Immutable and thread-safe.</summary>
internal sealed class TierAssigner
{
    private readonly ImmutableArray<double> _cumulativeTargets;
    private readonly ImmutableArray<CompiledRule> _rules;
    private readonly int _fallbackTier;
    private readonly Hysteresis _hysteresis;
    private readonly double _keepFactor;

    public TierAssigner(TieringOptions options)
    {
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

    public ImmutableArray<string> TierNames { get; }

    public void AssignValueTiers(ReadOnlySpan<double> values, Span<int> tiers)
    {
        if (tiers.Length < values.Length)
        {
            throw new ArgumentException($"tiers: must hold at least {values.Length} results (one per customer) but holds {tiers.Length}.", nameof(tiers));
        }

        Span<double> cuts = stackalloc double[_cumulativeTargets.Length];
        ValueCuts(values, cuts);
        for (var i = 0; i < values.Length; i++)
        {
            tiers[i] = ParetoCuts.Tier(values[i], cuts);
        }
    }

    public ValueTierCuts ComputeValueCuts(ReadOnlySpan<double> values)
    {
        Span<double> cuts = stackalloc double[_cumulativeTargets.Length];
        var total = ValueCuts(values, cuts);
        return new ValueTierCuts([.. cuts], total);
    }

    public TierResult Evaluate(TierInput input, ValueTierCuts cuts, Instant asOf)
    {
        CheckCuts(cuts);
        Validate(input, nameof(input), -1);
        return Result(input, cuts.Cuts.AsSpan(), cuts.Total, asOf);
    }

    public void Evaluate(ReadOnlySpan<TierInput> inputs, Instant asOf, Span<TierAssignment> outputs)
    {
        CheckOutputs(inputs, outputs);
        ValidateAll(inputs);
        Span<double> cuts = stackalloc double[_cumulativeTargets.Length];
        ValueCuts(inputs, cuts);
        AssignAll(inputs, cuts, asOf, outputs);
    }

    public void Evaluate(ReadOnlySpan<TierInput> inputs, ValueTierCuts cuts, Instant asOf, Span<TierAssignment> outputs)
    {
        CheckCuts(cuts);
        CheckOutputs(inputs, outputs);
        ValidateAll(inputs);
        AssignAll(inputs, cuts.Cuts.AsSpan(), asOf, outputs);
    }

    private void AssignAll(ReadOnlySpan<TierInput> inputs, ReadOnlySpan<double> cuts, Instant asOf, Span<TierAssignment> outputs)
    {
        for (var i = 0; i < inputs.Length; i++)
        {
            outputs[i] = Assign(inputs[i], ValueTier(inputs[i], cuts), asOf);
        }
    }

    private void CheckCuts(ValueTierCuts cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        if (cuts.Cuts.Length != _cumulativeTargets.Length)
        {
            throw new ArgumentException($"cuts: were computed for {cuts.Cuts.Length + 1} tiers but this policy has {TierNames.Length}.", nameof(cuts));
        }
    }

    private static void CheckOutputs(ReadOnlySpan<TierInput> inputs, Span<TierAssignment> outputs)
    {
        if (outputs.Length < inputs.Length)
        {
            throw new ArgumentException($"outputs: must hold at least {inputs.Length} results (one per customer) but holds {outputs.Length}.", nameof(outputs));
        }
    }

    /// <summary>Checks every input before any output is written, so that bad data never leaves the outputs half written.</summary>
    private void ValidateAll(ReadOnlySpan<TierInput> inputs)
    {
        for (var i = 0; i < inputs.Length; i++)
        {
            Validate(inputs[i], nameof(inputs), i);
        }
    }

    private TierResult Result(in TierInput input, ReadOnlySpan<double> cuts, double total, Instant asOf)
    {
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

    private double ValueCuts(ReadOnlySpan<double> values, Span<double> cuts)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"values[{i}]: must be a finite number but was {Guard.Format(values[i])}.", nameof(values));
            }
        }

        var rented = ArrayPool<double>.Shared.Rent(Math.Max(values.Length, 1));
        try
        {
            var scratch = rented.AsSpan(0, values.Length);
            values.CopyTo(scratch);
            return ParetoCuts.FromScratch(scratch, _cumulativeTargets.AsSpan(), cuts);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private double ValueCuts(ReadOnlySpan<TierInput> inputs, Span<double> cuts)
    {
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

    private void Validate(in TierInput input, string paramName, int index)
    {
        if (!double.IsFinite(input.Value))
        {
            throw Invalid(paramName, index, $"Value: must be a finite number but was {Guard.Format(input.Value)}.");
        }

        if (!(input.LoginsPerWeek >= 0) || double.IsPositiveInfinity(input.LoginsPerWeek))
        {
            throw Invalid(paramName, index, $"LoginsPerWeek: must be a finite number >= 0 but was {Guard.Format(input.LoginsPerWeek)}.");
        }

        if (input.LoyaltyLevel < 0)
        {
            throw Invalid(paramName, index, $"LoyaltyLevel: must be >= 0 but was {input.LoyaltyLevel}.");
        }

        if (input.Previous is { } previous)
        {
            if (previous.Tier < 0 || previous.Tier >= TierNames.Length)
            {
                throw Invalid(paramName, index, $"Previous.Tier: must be between 0 and {TierNames.Length - 1} but was {previous.Tier}.");
            }

            if (previous.EvaluationsBelow < 0)
            {
                throw Invalid(paramName, index, $"Previous.EvaluationsBelow: must be >= 0 but was {previous.EvaluationsBelow}.");
            }
        }
    }

    private static ArgumentException Invalid(string paramName, int index, string message)
        => new(index < 0 ? $"{paramName}.{message}" : $"{paramName}[{index}].{message}", paramName);

    private CompiledRule Compile(TierRule rule)
        => new(
            TierNames.IndexOf(rule.Tier),
            rule.Match == RuleMatch.Any,
            [.. rule.Criteria.Select(c => new CompiledCriterion(c.Field, c.Operator, c.Operator == CriterionOperator.AtOrAbove ? TierNames.IndexOf(c.Tier!) : c.Threshold))]);
}
