using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using CustomerLifecycle.Tiering;
using NodaTime;

namespace CustomerLifecycle.Tests.Tiering;

/// <summary>The loyalty tier as an input of the tiering rules: <see cref="TierInput.LoyaltyLevel"/> and <see cref="TierField.LoyaltyLevel"/>.</summary>
public sealed class TieringLoyaltyLevelTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 12, 1, 0, 0);

    [Fact]
    public void ARuleOnTheLoyaltyLevel_LiftsAGoldMemberToCore_WhateverTheirValue()
    {
        var engine = new TieringEngine(PolicyWithGoldMembersInCore());
        var cuts = engine.ComputeValueCuts([5000, 3000, 1000, 10]);

        var gold = engine.Evaluate(new TierInput(Value: 10, LoyaltyLevel: 2), cuts, AsOf);
        var silver = engine.Evaluate(new TierInput(Value: 10, LoyaltyLevel: 1), cuts, AsOf);

        Assert.Equal(("Core", 0), (gold.Assignment.TierName, gold.Assignment.RuleIndex));
        Assert.Equal("LoyaltyLevel", gold.Rules[0].Criteria[0].Field.ToString());
        Assert.Equal("General", silver.Assignment.TierName);
    }

    [Fact]
    public void TheLevel_IsTheLoyaltyStatementsTierPosition()
    {
        // 6,000 points in the generators' tiered policy reach Gold (5,000 points), its third tier.
        var loyalty = new LoyaltyEngine(LoyaltyGenerators.PolicyOf(allowNegativeBalance: false, withTiers: true));
        var member = LoyaltyGenerators.Member;
        var record = loyalty.TryApply(null, new LoyaltyPurchase { Key = "o-1", Member = member, At = AsOf - Duration.FromDays(30), OrderId = "1", Amount = 4000m }).Record!;
        var tier = loyalty.Evaluate(record, AsOf).Tier!;

        var result = new TieringEngine(PolicyWithGoldMembersInCore()).Evaluate(new TierInput(Value: 1, LoyaltyLevel: tier.Level), new TieringEngine(PolicyWithGoldMembersInCore()).ComputeValueCuts([1]), AsOf);

        Assert.Equal(("gold", 2), (tier.Tier, tier.Level));
        Assert.Equal("Core", result.Assignment.TierName);
    }

    [Fact]
    public void ANegativeLevel_IsRefusedNamingTheField()
    {
        var engine = new TieringEngine(new TieringOptions());

        Assert.Equal(
            "input.LoyaltyLevel: must be >= 0 but was -1. (Parameter 'input')",
            Assert.Throws<ArgumentException>(() => engine.Evaluate(new TierInput(1, LoyaltyLevel: -1), engine.ComputeValueCuts([1]), AsOf)).Message);
    }

    [Fact]
    public void TheLevel_TakesAtLeastOrAtMost_Only()
    {
        var policy = new TieringOptions();
        policy.Rules[0].Criteria.Add(new TierCriterion { Field = TierField.LoyaltyLevel, Operator = CriterionOperator.IsTrue });

        var failures = new TieringOptionsValidator().Validate(null, policy).Failures;

        Assert.Equal(["Rules[0].Criteria[3].Operator: LoyaltyLevel takes AtLeast or AtMost but was IsTrue."], failures);
    }

    private static TieringOptions PolicyWithGoldMembersInCore()
    {
        var policy = new TieringOptions();
        policy.Rules.Insert(0, new TierRule { Tier = "Core", Match = RuleMatch.All, Criteria = [new TierCriterion { Field = TierField.LoyaltyLevel, Operator = CriterionOperator.AtLeast, Threshold = 2 }] });
        return policy;
    }
}
