using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

public sealed class ProfilePopulationTests
{
    private const string Refused =
        "population: was prepared under other RFM scoring, tier definitions, CLV settings or tier value than this engine's policy; prepare it with the Prepare of an engine of this policy. (Parameter 'population')";

    private static readonly ProfileRecord[] Customers = Population();
    private static readonly ProfilePopulation Prepared = Engine.Prepare(Customers, AsOf);

    public static TheoryData<string> PopulationParts => ["rfm", "tier definitions", "clv", "tier value"];

    [Fact]
    public void AnotherEngineOfTheSamePolicy_AcceptsThePopulation_AndEvaluatesAlike()
    {
        var other = new ProfileEngine(Policy());

        var (expected, actual) = (Engine.Evaluate(Customers[0], Prepared, AsOf), other.Evaluate(Customers[0], Prepared, AsOf));

        Assert.True(other.Accepts(Prepared));
        Assert.Throws<ArgumentNullException>("population", () => other.Accepts(null!));
        Assert.Equal(expected.Profile, actual.Profile);
        Assert.Equal(expected.Rfm.Score, actual.Rfm.Score);
        Assert.Equal(expected.Tier.Assignment, actual.Tier.Assignment);
        Assert.Equal(expected.Value, actual.Value);
    }

    [Fact]
    public void AnEngineWhosePolicyDiffersOnlyOutsideThePopulationStep_AcceptsThePopulation()
    {
        var policy = Policy();
        policy.Features = ["reports"];
        policy.Health.Factors[0].Weight = 3;
        policy.Tiering.Hysteresis.DowngradeAfterEvaluations = 5;
        policy.Tiering.Cadence.KeyMomentLookaheadDays = 45;
        policy.Tiering.Tiers[0].ContactIntervalDays += 7;
        policy.Value.Kpis = new();
        var other = new ProfileEngine(policy);

        var view = other.Evaluate(Customers[0], Prepared, AsOf);

        Assert.Equal(Engine.Evaluate(Customers[0], Prepared, AsOf).Tier.Assignment, view.Tier.Assignment);
    }

    [Fact]
    public void FeatureAdoption_UnderAPolicyOfOtherFeatures_CountsOnlyTheFeaturesOfferedNow()
    {
        // Ada used reports and exports under the kit's four features; the new policy offers reports and sso.
        var policy = Policy();
        policy.Features = ["reports", "sso"];
        var other = new ProfileEngine(policy);

        var health = other.Evaluate(Customers[0], other.Prepare(Customers, AsOf), AsOf).Health;

        Assert.Equal(["exports", "reports"], Customers[0].FeaturesUsed.AsEnumerable());
        Assert.Equal(0.5, health.Factor("feature-adoption")!.RawValue);
    }

    [Theory]
    [MemberData(nameof(PopulationParts))]
    public void AnEngineOfAnotherPopulationPolicy_RefusesThePopulation_InEveryEvaluation_WritingNothing(string part)
    {
        var policy = Policy();
        switch (part)
        {
            case "rfm":
                policy.Tiering.Rfm.Method = RfmScoringMethod.Quantiles;
                break;
            case "tier definitions":
                policy.Tiering.Tiers[0].RevenueSharePercent += 5;
                policy.Tiering.Tiers[1].RevenueSharePercent -= 5;
                break;
            case "clv":
                policy.Value.HorizonPeriods = 26;
                break;
            default:
                policy.TierValue = ProfileTierValue.Clv;
                break;
        }

        var other = new ProfileEngine(policy);
        var outputs = new CustomerViewSummary[Customers.Length];

        Assert.False(other.Accepts(Prepared));
        Assert.Equal(Refused, Assert.Throws<ArgumentException>("population", () => other.Evaluate(Customers[0], Prepared, AsOf)).Message);
        Assert.Equal(Refused, Assert.Throws<ArgumentException>("population", () => other.Explain(Customers[0], Prepared, AsOf)).Message);
        Assert.Equal(Refused, Assert.Throws<ArgumentException>("population", () => other.Evaluate(Customers, Prepared, AsOf, outputs)).Message);
        Assert.All(outputs, output => Assert.Null(output.Profile));
        Assert.Equal(Customers[0].Customer, other.Evaluate(Customers[0], other.Prepare(Customers, AsOf), AsOf).Profile.Customer);
    }
}
