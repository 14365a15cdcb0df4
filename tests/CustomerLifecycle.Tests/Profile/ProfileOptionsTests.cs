using CustomerLifecycle.Profile;
using CustomerLifecycle.Serialization;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.Profile;

public sealed class ProfileOptionsTests
{
    [Fact]
    public void TheDefaults_AreStated_AndValid()
    {
        var options = new ProfileOptions();

        Assert.Equal((90, 100, 28, 3, 90, 100, 64), (options.RefundWindowDays, options.MaxRecentOrders, options.LoginWindowDays, options.UsageTrendMonths, options.SupportWindowDays, options.MaxOpenItems, options.DuplicateWindow));
        Assert.Empty(options.Features);
        Assert.True(new ProfileOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void APolicy_RoundTripsThroughJson_NestedPoliciesIncluded()
    {
        var options = new ProfileOptions { Features = ["api", "reports"], RefundWindowDays = 30 };
        options.Health.Bands[0].Min = 85;
        options.Health.Bands[1].Max = 85;

        var json = PolicyJson.Serialize(options);
        var back = PolicyJson.Deserialize<ProfileOptions>(json);

        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Equal((30, 85.0), (back.RefundWindowDays, back.Health.Bands[0].Min));
        Assert.Contains("\"lifecycle\": {", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidator_ReportsEveryProblem_NestedOnesUnderTheirProperty()
    {
        var options = new ProfileOptions
        {
            Features = ["api", " ", "api"],
            MaxOpenItems = 0,
            DuplicateWindow = 20000,
            TierValue = (ProfileTierValue)7,
            PurchaseWindowDays = 0,
            PurchaseTrendDays = 1826,
        };
        options.Health.Factors[0].Weight = -1;
        options.Value.Margin = 2;

        var failures = Assert.Throws<OptionsValidationException>(() => new ProfileEngine(options)).Failures.ToList();

        Assert.Contains(failures, f => f.StartsWith("Health.Factors[0].Weight: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Value.Margin: ", StringComparison.Ordinal));
        Assert.Equal(
            [
                "Features[1]: must name a feature.",
                "Features[2]: 'api' is listed more than once.",
                "TierValue: must be NetSpend or Clv but was 7.",
                "PurchaseWindowDays: must be in range [1-3650] but was 0.",
                "PurchaseTrendDays: must be in range [1-1825] but was 1826.",
                "MaxOpenItems: must be in range [1-10000] but was 0.",
                "DuplicateWindow: must be in range [1-10000] but was 20000.",
            ],
            failures.Where(f => !f.StartsWith("Health.", StringComparison.Ordinal) && !f.StartsWith("Value.", StringComparison.Ordinal)));
    }

    [Fact]
    public void ANullNestedPolicy_IsReported_NotThrown()
    {
        var options = new ProfileOptions { Lifecycle = null!, Features = null! };

        var result = new ProfileOptionsValidator().Validate(null, options);

        Assert.Equal(["Lifecycle: must not be null.", "Features: must not be null."], result.Failures);
    }
}
