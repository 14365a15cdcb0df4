using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>An immutable copy of a <see cref="TierCriterion"/>; for <see cref="CriterionOperator.AtOrAbove"/> the threshold is the tier's index.</summary>
internal readonly record struct CompiledCriterion(TierField Field, CriterionOperator Operator, double Threshold)
{
    public double Actual(in TierInput input, int valueTier, Instant asOf) => Field switch
    {
        TierField.ValueTier => valueTier,
        TierField.Value => input.Value,
        TierField.LoginsPerWeek => input.LoginsPerWeek,
        TierField.TenureDays => input.CustomerSince is { } since ? Math.Max(0, Math.Floor((asOf - since).TotalDays)) : 0,
        TierField.MatchesIdealProfile => input.MatchesIdealProfile ? 1 : 0,
        TierField.HasGrowthPotential => input.HasGrowthPotential ? 1 : 0,
        TierField.LoyaltyLevel => input.LoyaltyLevel,
        _ => input.IsBenchmarkCustomer ? 1 : 0,
    };

    public bool Passes(double actual) => Operator switch
    {
        CriterionOperator.AtLeast => actual >= Threshold,
        CriterionOperator.AtMost => actual <= Threshold,
        CriterionOperator.IsTrue => actual != 0,
        CriterionOperator.IsFalse => actual == 0,
        _ => actual <= Threshold, // AtOrAbove: a lower tier index is a better tier
    };
}
