using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Tests.Tiering;

public sealed class TieringEngineTierTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2024, 1, 1, 0, 0);
    private static readonly Instant TwoYearsAgo = AsOf - Duration.FromDays(730);
    private readonly TieringEngine _engine = new(new TieringOptions());

    [Fact]
    public void AssignValueTiers_SharesOf50_30_15_5_GiveOneTierEach()
    {
        Assert.Equal([0, 1, 2, 3], ValueTiers([50, 30, 15, 5]));
        Assert.Equal([3, 2, 1, 0], ValueTiers([5, 15, 30, 50]));
    }

    [Fact]
    public void AssignValueTiers_CoreIsTheSmallestTopGroupReachingHalf()
    {
        // Total 100: 30 + 25 = 55 reaches 50 (Core); + 20 = 75 is short of 80, + 15 = 90 reaches it (Key);
        // + 6 = 96 reaches 95 (Potential); the 4 is General.
        Assert.Equal([0, 0, 1, 1, 2, 3], ValueTiers([30, 25, 20, 15, 6, 4]));
    }

    [Fact]
    public void AssignValueTiers_TiesAreNeverSplit()
    {
        // 40 + 40 reaches both 50% and 80%, so Key is empty; 20 completes Potential.
        Assert.Equal([0, 0, 2], ValueTiers([40, 40, 20]));
    }

    [Fact]
    public void AssignValueTiers_ZeroAndNegativeValues_AreGeneral()
    {
        Assert.Equal([0, 3, 3], ValueTiers([100, 0, -20]));
    }

    [Fact]
    public void AssignValueTiers_NoPositiveValue_EveryoneIsGeneral()
    {
        Assert.Equal([3, 3, 3], ValueTiers([0, 0, -1]));
    }

    [Fact]
    public void AssignValueTiers_AllEqual_AreAllCore()
    {
        Assert.Equal([0, 0, 0], ValueTiers([7, 7, 7]));
    }

    [Fact]
    public void AssignValueTiers_Empty_WritesNothing()
    {
        Assert.Empty(ValueTiers([]));
    }

    [Fact]
    public void AssignValueTiers_NaN_NamesTheIndex()
    {
        var tiers = new int[2];

        var ex = Assert.Throws<ArgumentException>(() => _engine.AssignValueTiers([1, double.NaN], tiers));

        Assert.Equal("values[1]: must be a finite number but was NaN. (Parameter 'values')", ex.Message);
        Assert.Equal([0, 0], tiers);
    }

    [Fact]
    public void AssignValueTiers_ConfigurableShares()
    {
        var options = new TieringOptions();
        options.Tiers[0].RevenueSharePercent = 80;
        options.Tiers[1].RevenueSharePercent = 10;
        options.Tiers[2].RevenueSharePercent = 5;
        var tiers = new int[4];

        new TieringEngine(options).AssignValueTiers([50, 30, 15, 5], tiers);

        // Cumulative targets 80, 90, 95: 50 + 30 reaches 80 (Core); + 15 = 95 reaches both 90 and 95, so Potential is empty.
        Assert.Equal([0, 0, 1, 3], tiers);
    }

    [Fact]
    public void Evaluate_DefaultRules_FirstMatchWins()
    {
        TierInput[] inputs =
        [
            new(500, LoginsPerWeek: 3, CustomerSince: TwoYearsAgo),                        // Core value, active, tenured → Core
            new(400, LoginsPerWeek: 2, CustomerSince: TwoYearsAgo),                        // Core value, 2 logins → Key (rule 1)
            new(10, LoginsPerWeek: 1, HasGrowthPotential: true),                            // General value, growth → Key (rule 2)
            new(10, MatchesIdealProfile: true),                                             // General value, ideal profile → Potential
            new(10),                                                                        // nothing → General
            new(80, LoginsPerWeek: 0.5),                                                    // Potential value → Potential
        ];

        var outputs = Evaluate(inputs);

        Assert.Equal(["Core", "Key", "Key", "Potential", "General", "Potential"], outputs.Select(o => o.TierName));
        Assert.Equal([0, 1, 2, 3, -1, 3], outputs.Select(o => o.RuleIndex));
        Assert.Equal([0, 0, 3, 3, 3, 2], outputs.Select(o => o.ValueTier));
        Assert.All(outputs, o => Assert.Equal(new TierState(o.Tier, 0), o.State));
    }

    [Fact]
    public void Evaluate_CustomRules_CoverEveryFieldAndOperator()
    {
        var options = new TieringOptions
        {
            Rules =
            [
                new TierRule
                {
                    Tier = "Core",
                    Criteria = [new() { Field = TierField.IsBenchmarkCustomer, Operator = CriterionOperator.IsTrue }, new() { Field = TierField.Value, Operator = CriterionOperator.AtLeast, Threshold = 100 }],
                },
                new TierRule
                {
                    Tier = "General",
                    Match = RuleMatch.Any,
                    Criteria = [new() { Field = TierField.LoginsPerWeek, Operator = CriterionOperator.AtMost, Threshold = 1.0 / 13 }, new() { Field = TierField.TenureDays, Operator = CriterionOperator.AtMost, Threshold = 30 }],
                },
                new TierRule { Tier = "Key", Criteria = [new() { Field = TierField.MatchesIdealProfile, Operator = CriterionOperator.IsFalse }] },
            ],
            FallbackTier = "Potential",
        };
        TierInput[] inputs =
        [
            new(150, 5, TwoYearsAgo, IsBenchmarkCustomer: true),           // Core
            new(50, 5, TwoYearsAgo, IsBenchmarkCustomer: true),            // value below 100: not Core; active, tenured → Key
            new(150, 0.05, TwoYearsAgo),                                    // at most one login a quarter → General
            new(150, 5, AsOf - Duration.FromDays(10)),                      // tenure 10 days → General
            new(150, 5, TwoYearsAgo, MatchesIdealProfile: true),            // no rule → fallback Potential
        ];
        var outputs = new TierAssignment[inputs.Length];

        new TieringEngine(options).Evaluate(inputs, AsOf, outputs);

        Assert.Equal(["Core", "Key", "General", "General", "Potential"], outputs.Select(o => o.TierName));
        Assert.Equal([0, 2, 1, 1, -1], outputs.Select(o => o.RuleIndex));
    }

    [Fact]
    public void Evaluate_Downgrade_WaitsForConsecutiveEvaluations()
    {
        var general = new TierInput(0);

        var first = Evaluate([general with { Previous = new TierState(1, 0) }])[0];
        var third = Evaluate([general with { Previous = new TierState(1, 2) }])[0];

        Assert.Equal((1, true, new TierState(1, 1), 3), (first.Tier, first.DowngradePending, first.State, first.CandidateTier));
        Assert.Equal((2, true, new TierState(2, 0)), (third.Tier, third.DowngradePending, third.State));
    }

    [Fact]
    public void Evaluate_EmptyPopulation_WritesNothing()
    {
        Assert.Empty(Evaluate([]));
    }

    [Fact]
    public void Evaluate_DowngradeToTheCandidate_IsNoLongerPending()
    {
        var output = Evaluate([new TierInput(0, MatchesIdealProfile: true, Previous: new TierState(1, 2))])[0];

        Assert.Equal((2, false, new TierState(2, 0)), (output.Tier, output.DowngradePending, output.State));
    }

    [Fact]
    public void Evaluate_Upgrade_AppliesAtOnce()
    {
        var output = Evaluate([new TierInput(500, 4, TwoYearsAgo, Previous: new TierState(3, 2))])[0];

        Assert.Equal((0, false, new TierState(0, 0)), (output.Tier, output.DowngradePending, output.State));
    }

    [Fact]
    public void Evaluate_DowngradeAfterOne_MovesAtOnceButOneTierAtATime()
    {
        var options = new TieringOptions();
        options.Hysteresis.DowngradeAfterEvaluations = 1;

        var outputs = new TierAssignment[1];
        new TieringEngine(options).Evaluate([new TierInput(0, Previous: new TierState(0, 0))], AsOf, outputs);

        Assert.Equal((1, true), (outputs[0].Tier, outputs[0].DowngradePending));
    }

    [Fact]
    public void Evaluate_ValueMargin_KeepsTheCurrentValueTierNearItsCut()
    {
        var options = new TieringOptions();
        options.Hysteresis.ValueMarginPercent = 10;
        var engine = new TieringEngine(options);

        // Total 1000: 400 + 300 reach 50% (Core cut 300); 280 is Key by value but within 10% of 300.
        TierInput[] population = [new(400), new(300), new(280, 1, Previous: new TierState(0, 0)), new(20, 1, Previous: new TierState(0, 0))];
        var outputs = new TierAssignment[4];
        engine.Evaluate(population, AsOf, outputs);

        Assert.Equal(0, outputs[2].ValueTier);
        Assert.Equal(3, outputs[3].ValueTier);
        var explained = engine.Evaluate(population[2], engine.ComputeValueCuts([.. population.Select(p => p.Value)]), AsOf);
        Assert.Equal("tiering.value-margin", explained.Reasons[1].Code);
        Assert.Equal("Value 280 is below the Core cut 300 but within the margin: value tier stays Core.", explained.Reasons[1].Message);
    }

    [Fact]
    public void Evaluate_BadInputs_NameTheField()
    {
        var outputs = new TierAssignment[2];

        Assert.Equal(
            "inputs[1].Value: must be a finite number but was NaN. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => _engine.Evaluate([new(1), new(double.NaN)], AsOf, outputs)).Message);
        Assert.Equal(
            "inputs[0].LoginsPerWeek: must be a finite number >= 0 but was -1. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => _engine.Evaluate([new(1, -1)], AsOf, outputs)).Message);
        Assert.Equal(
            "inputs[0].Previous.Tier: must be between 0 and 3 but was 4. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => _engine.Evaluate([new(1, Previous: new TierState(4, 0))], AsOf, outputs)).Message);
        Assert.Equal(
            "inputs[0].Previous.EvaluationsBelow: must be >= 0 but was -2. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => _engine.Evaluate([new(1, Previous: new TierState(0, -2))], AsOf, outputs)).Message);
        Assert.Equal(
            "outputs: must hold at least 2 results (one per customer) but holds 1. (Parameter 'outputs')",
            Assert.Throws<ArgumentException>(() => _engine.Evaluate([new(1), new(2)], AsOf, new TierAssignment[1])).Message);
        Assert.All(outputs, o => Assert.Null(o.TierName));
    }

    [Fact]
    public void Evaluate_WarmSecondCall_AllocatesNothing()
    {
        var inputs = Enumerable.Range(0, 2000)
            .Select(i => new TierInput(i % 101 * 3.0, i % 5, TwoYearsAgo, i % 2 == 0, i % 3 == 0, false, i % 4 == 0 ? null : new TierState(i % 4, i % 3)))
            .ToArray();
        var outputs = new TierAssignment[inputs.Length];
        _engine.Evaluate(inputs, AsOf, outputs);

        var allocated = Allocations.Fewest(() => _engine.Evaluate(inputs, AsOf, outputs));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Evaluate_InChunksAgainstTheWholePopulationsCuts_GivesTheWholePopulationsValueTiers()
    {
        TierInput[] population = [new(50), new(30), new(15), new(5)];
        var cuts = _engine.ComputeValueCuts([50, 30, 15, 5]);
        var outputs = new TierAssignment[population.Length];

        _engine.Evaluate(population.AsSpan(0, 2), cuts, AsOf, outputs.AsSpan(0, 2));
        _engine.Evaluate(population.AsSpan(2), cuts, AsOf, outputs.AsSpan(2));

        Assert.Equal([0, 1, 2, 3], outputs.Select(o => o.ValueTier));
    }

    [Fact]
    public void Evaluate_WithoutCuts_TiersTheSpanItIsGiven_SoAChunkGetsItsOwnShares()
    {
        var chunk = new TierAssignment[2];

        _engine.Evaluate([new(15), new(5)], AsOf, chunk);

        // 15 is 75% of this chunk's value, so Core; in the whole population above it is 15% and Potential.
        Assert.Equal([0, 1], chunk.Select(o => o.ValueTier));
    }

    [Fact]
    public void Evaluate_ManyAgainstCuts_RejectsForeignCutsShortOutputsAndBadInput_WritingNothing()
    {
        var cuts = _engine.ComputeValueCuts([1, 2, 3]);
        var options = new TieringOptions();
        options.Tiers.RemoveAt(2);
        options.Rules.RemoveAt(3);
        var threeTiers = new TieringEngine(options);
        var outputs = new TierAssignment[2];

        Assert.Equal("cuts", Assert.Throws<ArgumentNullException>(() => _engine.Evaluate([new(1)], null!, AsOf, outputs)).ParamName);
        Assert.Equal(
            "cuts: were computed for 4 tiers but this policy has 3. (Parameter 'cuts')",
            Assert.Throws<ArgumentException>(() => threeTiers.Evaluate([new(1)], cuts, AsOf, outputs)).Message);
        Assert.Equal(
            "outputs: must hold at least 3 results (one per customer) but holds 2. (Parameter 'outputs')",
            Assert.Throws<ArgumentException>(() => _engine.Evaluate([new(1), new(2), new(3)], cuts, AsOf, outputs)).Message);
        Assert.Equal(
            "inputs[1].Value: must be a finite number but was NaN. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => _engine.Evaluate([new(1), new(double.NaN)], cuts, AsOf, outputs)).Message);
        Assert.All(outputs, o => Assert.Null(o.TierName));
    }

    [Fact]
    public void Evaluate_ManyAgainstCuts_WarmSecondCall_AllocatesNothing()
    {
        var inputs = Enumerable.Range(0, 2000)
            .Select(i => new TierInput(i % 101 * 3.0, i % 5, TwoYearsAgo, i % 2 == 0, i % 3 == 0, false, i % 4 == 0 ? null : new TierState(i % 4, i % 3)))
            .ToArray();
        var cuts = _engine.ComputeValueCuts([.. inputs.Select(i => i.Value)]);
        var outputs = new TierAssignment[inputs.Length];
        _engine.Evaluate(inputs, cuts, AsOf, outputs);

        var allocated = Allocations.Fewest(() => _engine.Evaluate(inputs, cuts, AsOf, outputs));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ComputeValueCuts_GivesTheCutPointsAndTotal()
    {
        var cuts = _engine.ComputeValueCuts([5, 50, 15, 30, -10]);

        Assert.Equal([50, 30, 15], cuts.Cuts.ToArray());
        Assert.Equal(100, cuts.Total);
    }

    [Fact]
    public void Evaluate_SingleCustomer_AgainstStoredCuts()
    {
        var cuts = _engine.ComputeValueCuts([50, 30, 15, 5]);

        var result = _engine.Evaluate(new TierInput(40, 2, TwoYearsAgo, Previous: new TierState(0, 0)), cuts, AsOf);

        Assert.Equal((1, "Key", 1, 1), (result.Assignment.ValueTier, result.ValueTierName, result.Assignment.CandidateTier, result.Assignment.RuleIndex));
        Assert.Equal((0, true), (result.Assignment.Tier, result.Assignment.DowngradePending));
        Assert.Equal(0.4, result.ValueShare, 12);
        Assert.Equal(["tiering.value-tier", "tiering.rule-matched", "tiering.downgrade-pending"], result.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Evaluate_SingleCustomer_RejectsBadInputAndForeignCuts()
    {
        var cuts = _engine.ComputeValueCuts([1, 2, 3]);
        var options = new TieringOptions();
        options.Tiers.RemoveAt(2);
        options.Rules.RemoveAt(3);
        var threeTiers = new TieringEngine(options);

        Assert.Equal(
            "input.Value: must be a finite number but was NaN. (Parameter 'input')",
            Assert.Throws<ArgumentException>(() => _engine.Evaluate(new TierInput(double.NaN), cuts, AsOf)).Message);
        Assert.Equal(
            "cuts: were computed for 4 tiers but this policy has 3. (Parameter 'cuts')",
            Assert.Throws<ArgumentException>(() => threeTiers.Evaluate(new TierInput(1), cuts, AsOf)).Message);
        Assert.Equal("cuts", Assert.Throws<ArgumentNullException>(() => _engine.Evaluate(new TierInput(1), null!, AsOf)).ParamName);
        Assert.Equal(
            "values[1]: must be a finite number but was -Infinity. (Parameter 'values')",
            Assert.Throws<ArgumentException>(() => _engine.ComputeValueCuts([1, double.NegativeInfinity])).Message);
        Assert.Equal(
            "input.LoginsPerWeek: must be a finite number >= 0 but was NaN. (Parameter 'input')",
            Assert.Throws<ArgumentException>(() => _engine.Explain(new TierInput(1, double.NaN), cuts, AsOf)).Message);
        Assert.Equal("cuts", Assert.Throws<ArgumentNullException>(() => _engine.Explain(new TierInput(1), null!, AsOf)).ParamName);
    }

    [Fact]
    public void Evaluate_AgainstCuts_ListsEveryRuleWithEachCriterion()
    {
        var cuts = _engine.ComputeValueCuts([400, 300, 200, 100]);

        var result = _engine.Evaluate(new TierInput(400, 2, TwoYearsAgo), cuts, AsOf);

        Assert.Equal("Core", result.ValueTierName);
        Assert.Equal(0.4, result.ValueShare, 12);
        Assert.Equal("Key", result.Assignment.TierName);
        Assert.Equal([false, true, false, true], result.Rules.Select(r => r.Matched));
        Assert.Equal(
            [new CriterionOutcome("ValueTier", "AtOrAbove", 0, 0, true), new CriterionOutcome("LoginsPerWeek", "AtLeast", 3, 2, false), new CriterionOutcome("TenureDays", "AtLeast", 365, 730, true)],
            result.Rules[0].Criteria);
        Assert.Equal(["tiering.value-tier", "tiering.rule-matched"], result.Reasons.Select(r => r.Code));
        Assert.Equal("Value 400 is 40% of the population's value: value tier Core.", result.Reasons[0].Message);
        Assert.Equal("Rule 1 (All) gives Key: ValueTier AtOrAbove 1 (was 0), LoginsPerWeek AtLeast 1 (was 2).", result.Reasons[1].Message);
    }

    [Fact]
    public void Explain_SaysTheTierInOneLine_AndWhyEachEarlierRuleDidNotMatch()
    {
        var cuts = _engine.ComputeValueCuts([400, 300, 200, 100]);

        var explanation = _engine.Explain(new TierInput(400, 2, TwoYearsAgo), cuts, AsOf);

        Assert.Equal(("tier", "Key"), (explanation.Subject, explanation.Decision));
        Assert.Equal(["tiering.value-tier", "tiering.rule-not-matched", "tiering.rule-matched"], explanation.Reasons.Select(r => r.Code));
        var notMatched = explanation.Reasons[1];
        Assert.Equal("Rule 0 (All) for Core did not match: LoginsPerWeek AtLeast 3 (was 2).", notMatched.Message);
        Assert.Equal((0, "Core", "All"), ((int)notMatched.Data["rule"]!, (string)notMatched.Data["tier"]!, (string)notMatched.Data["match"]!));
        Assert.Equal(
            "tier: Key\n- Value 400 is 40% of the population's value: value tier Core.\n- Rule 0 (All) for Core did not match: LoginsPerWeek AtLeast 3 (was 2).\n- Rule 1 (All) gives Key: ValueTier AtOrAbove 1 (was 0), LoginsPerWeek AtLeast 1 (was 2).",
            explanation.ToString());
    }

    [Fact]
    public void Explain_NoRuleMatched_ListsEveryRule_AndAPendingDowngradeSaysHowLong()
    {
        var cuts = _engine.ComputeValueCuts([0]);

        var explanation = _engine.Explain(new TierInput(0, Previous: new TierState(0, 0)), cuts, AsOf);

        Assert.Equal("Core (downgrade to General pending)", explanation.Decision);
        Assert.Equal(
            ["tiering.value-tier", "tiering.rule-not-matched", "tiering.rule-not-matched", "tiering.rule-not-matched", "tiering.rule-not-matched", "tiering.no-rule-matched", "tiering.downgrade-pending"],
            explanation.Reasons.Select(r => r.Code));
        Assert.Equal("No rule matched: fallback tier General.", explanation.Reasons[5].Message);
        Assert.Equal("The rules give General but the customer stays Core for now (1 of 3 evaluations below).", explanation.Reasons[6].Message);
    }

    [Fact]
    public void Explain_UpgradeAndDowngrade_SayTheTierItWas()
    {
        var cuts = _engine.ComputeValueCuts([10, 0]);

        var up = _engine.Explain(new TierInput(10, MatchesIdealProfile: true, Previous: new TierState(3, 0)), cuts, AsOf);
        var down = _engine.Explain(new TierInput(0, Previous: new TierState(2, 2)), cuts, AsOf);

        Assert.Equal("Potential (was General)", up.Decision);
        Assert.Equal("Upgraded from General to Potential at once.", up.Reasons[^1].Message);
        Assert.Equal("General (was Potential)", down.Decision);
        Assert.Equal("tiering.downgrade", down.Reasons[^1].Code);
        Assert.Equal("Downgraded from Potential to General after 3 evaluations below.", down.Reasons[^1].Message);
    }

    private int[] ValueTiers(double[] values)
    {
        var tiers = new int[values.Length];
        _engine.AssignValueTiers(values, tiers);
        return tiers;
    }

    private TierAssignment[] Evaluate(TierInput[] inputs)
    {
        var outputs = new TierAssignment[inputs.Length];
        _engine.Evaluate(inputs, AsOf, outputs);
        return outputs;
    }
}
