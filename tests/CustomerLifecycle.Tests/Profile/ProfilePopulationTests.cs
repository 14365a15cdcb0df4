using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

public sealed class ProfilePopulationTests
{
    private const string Refused =
        "population: was prepared under another tiering policy, customer-value policy or tier value than this engine's; prepare it with the Prepare of an engine of this policy. (Parameter 'population')";

    private static readonly ProfileRecord[] Customers = Population();
    private static readonly ProfilePopulation Prepared = Engine.Prepare(Customers, AsOf);

    public static TheoryData<string> PopulationParts => ["tiering", "value", "tier value"];

    [Fact]
    public void AnotherEngineOfTheSamePolicy_AcceptsThePopulation_AndEvaluatesAlike()
    {
        var other = new ProfileEngine(Policy());

        var (expected, actual) = (Engine.Evaluate(Customers[0], Prepared, AsOf), other.Evaluate(Customers[0], Prepared, AsOf));

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
            case "tiering":
                policy.Tiering = new TieringOptions { Rfm = new RfmOptions { Method = RfmScoringMethod.Quantiles } };
                break;
            case "value":
                policy.Value = new ValueOptions { HorizonPeriods = 26 };
                break;
            default:
                policy.TierValue = ProfileTierValue.Clv;
                break;
        }

        var other = new ProfileEngine(policy);
        var outputs = new CustomerViewSummary[Customers.Length];

        Assert.Equal(Refused, Assert.Throws<ArgumentException>("population", () => other.Evaluate(Customers[0], Prepared, AsOf)).Message);
        Assert.Equal(Refused, Assert.Throws<ArgumentException>("population", () => other.Explain(Customers[0], Prepared, AsOf)).Message);
        Assert.Equal(Refused, Assert.Throws<ArgumentException>("population", () => other.Evaluate(Customers, Prepared, AsOf, outputs)).Message);
        Assert.All(outputs, output => Assert.Null(output.Profile));
        Assert.Equal(Customers[0].Customer, other.Evaluate(Customers[0], other.Prepare(Customers, AsOf), AsOf).Profile.Customer);
    }
}
