using CustomerLifecycle.Serialization;
using CustomerLifecycle.Value;
using CustomerLifecycle.Value.Kpis;

namespace CustomerLifecycle.Tests.Value;

public sealed class ValueOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var o = new ValueOptions();

        Assert.Equal(ValueTimeUnit.Weeks, o.TimeUnit);
        Assert.Equal("UTC", o.TimeZoneId);
        Assert.Equal(PurchaseModelKind.BgNbd, o.PurchaseModel);
        Assert.Equal(52, o.HorizonPeriods);
        Assert.Equal(0.0018, o.DiscountRate);
        Assert.Equal(0.3, o.Margin);
        Assert.Equal((200, 1e-7, 0.0), (o.Fitting.MaxIterations, o.Fitting.GradientTolerance, o.Fitting.L2Penalty));
        var k = o.Kpis;
        Assert.Equal((0.70, 0.80, 0.30, 0.20), (k.MonthlyRetentionTarget, k.YearlyRetentionTarget, k.MonthlyChurnTarget, k.YearlyChurnTarget));
        Assert.Equal((50.0, 0.80, 5, 4), (k.NpsTarget, k.CsatTarget, k.CsatScaleMax, k.CsatSatisfiedFrom));
        Assert.Equal((0.80, 0.30, 0.15, 0.10), (k.RepurchaseTarget, k.ReferralTarget, k.CrossSellTarget, k.UpSellTarget));
        Assert.Equal((0.95, 24.0, 10.0), (k.ComplaintResolutionTarget, k.ComplaintResolutionHoursTarget, k.ClvToAcquisitionCostTarget));
        Assert.True(new ValueOptionsValidator().Validate(null, o).Succeeded);
    }

    [Fact]
    public void Validator_ReturnsEveryFailure_WithExactMessages()
    {
        var o = new ValueOptions
        {
            TimeUnit = (ValueTimeUnit)7,
            TimeZoneId = "Mars/Olympus",
            PurchaseModel = (PurchaseModelKind)9,
            HorizonPeriods = 0,
            DiscountRate = double.NaN,
            Margin = -0.1,
            Fitting = new FittingOptions { MaxIterations = 0, GradientTolerance = 0, L2Penalty = -1 },
            Kpis = new KpiOptions
            {
                MonthlyRetentionTarget = 1.5,
                YearlyRetentionTarget = -1,
                MonthlyChurnTarget = 2,
                YearlyChurnTarget = double.NaN,
                NpsTarget = 101,
                CsatTarget = 1.1,
                CsatScaleMax = 5,
                CsatSatisfiedFrom = 6,
                RepurchaseTarget = -0.5,
                ReferralTarget = 3,
                CrossSellTarget = 4,
                UpSellTarget = 5,
                ComplaintResolutionTarget = 6,
                ComplaintResolutionHoursTarget = -1,
                ClvToAcquisitionCostTarget = -2,
            },
        };

        var result = new ValueOptionsValidator().Validate(null, o);

        Assert.Equal(
            [
                "TimeUnit: must be Days or Weeks but was 7.",
                "TimeZoneId: must be an IANA time zone id such as \"UTC\" or \"Europe/Berlin\" but was \"Mars/Olympus\".",
                "PurchaseModel: must be BgNbd, ModifiedBgNbd or ParetoNbd but was 9.",
                "HorizonPeriods: must be in [1, 100000] but was 0.",
                "DiscountRate: must be in [0, 10] but was NaN.",
                "Margin: must be in [0, 1] but was -0.1.",
                "Fitting.MaxIterations: must be in [1, 100000] but was 0.",
                "Fitting.GradientTolerance: must be in [1E-15, 1] but was 0.",
                "Fitting.L2Penalty: must be in [0, 1000000] but was -1.",
                "Kpis.MonthlyRetentionTarget: must be in [0, 1] but was 1.5.",
                "Kpis.YearlyRetentionTarget: must be in [0, 1] but was -1.",
                "Kpis.MonthlyChurnTarget: must be in [0, 1] but was 2.",
                "Kpis.YearlyChurnTarget: must be in [0, 1] but was NaN.",
                "Kpis.NpsTarget: must be in [-100, 100] but was 101.",
                "Kpis.CsatTarget: must be in [0, 1] but was 1.1.",
                "Kpis.CsatSatisfiedFrom: must be in [1, 5] (the CSAT scale) but was 6.",
                "Kpis.RepurchaseTarget: must be in [0, 1] but was -0.5.",
                "Kpis.ReferralTarget: must be in [0, 1] but was 3.",
                "Kpis.CrossSellTarget: must be in [0, 1] but was 4.",
                "Kpis.UpSellTarget: must be in [0, 1] but was 5.",
                "Kpis.ComplaintResolutionTarget: must be in [0, 1] but was 6.",
                "Kpis.ComplaintResolutionHoursTarget: must be in [0, 1000000] but was -1.",
                "Kpis.ClvToAcquisitionCostTarget: must be in [0, 1000000] but was -2.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validator_NamesMissingNestedOptionsAndZone()
    {
        var result = new ValueOptionsValidator().Validate(null, new ValueOptions { TimeZoneId = null!, Fitting = null!, Kpis = null! });

        Assert.Equal(
            [
                "TimeZoneId: must be an IANA time zone id such as \"UTC\" or \"Europe/Berlin\" but was null.",
                "Fitting: must not be null.",
                "Kpis: must not be null.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validator_RejectsACsatScaleOutOfRange()
        => Assert.Equal(["Kpis.CsatScaleMax: must be in [2, 100] but was 1."], new ValueOptionsValidator().Validate(null, new ValueOptions { Kpis = new KpiOptions { CsatScaleMax = 1 } }).Failures);

    [Fact]
    public void FittingValidator_OnItsOwn_NamesThePropertiesWithoutAPrefix()
        => Assert.Equal(
            ["MaxIterations: must be in [1, 100000] but was 100001.", "L2Penalty: must be in [0, 1000000] but was NaN."],
            new FittingOptionsValidator().Validate(null, new FittingOptions { MaxIterations = 100_001, L2Penalty = double.NaN }).Failures);

    [Fact]
    public void KpiValidator_OnItsOwn_NamesThePropertiesWithoutAPrefix()
        => Assert.Equal(
            ["CsatTarget: must be in [0, 1] but was 2.", "CsatSatisfiedFrom: must be in [1, 7] (the CSAT scale) but was 0."],
            new KpiOptionsValidator().Validate(null, new KpiOptions { CsatTarget = 2, CsatScaleMax = 7, CsatSatisfiedFrom = 0 }).Failures);

    [Fact]
    public void NestedValidators_AcceptTheirDefaults()
    {
        Assert.True(new FittingOptionsValidator().Validate(null, new FittingOptions()).Succeeded);
        Assert.True(new KpiOptionsValidator().Validate(null, new KpiOptions()).Succeeded);
    }

    [Fact]
    public void Json_RoundTripsEveryValue()
    {
        var o = new ValueOptions
        {
            TimeUnit = ValueTimeUnit.Days,
            TimeZoneId = "Europe/Berlin",
            PurchaseModel = PurchaseModelKind.ParetoNbd,
            HorizonPeriods = 365,
            DiscountRate = 0.0003,
            Margin = 0.4,
            Fitting = new FittingOptions { MaxIterations = 50, GradientTolerance = 1e-6, L2Penalty = 0.01 },
            Kpis = new KpiOptions { NpsTarget = 30, CsatScaleMax = 7, CsatSatisfiedFrom = 6 },
        };

        var json = PolicyJson.Serialize(o);
        var back = PolicyJson.Deserialize<ValueOptions>(json);

        Assert.Contains("\"purchaseModel\": \"ParetoNbd\"", json, StringComparison.Ordinal);
        Assert.Equal(json, PolicyJson.Serialize(back));
        Assert.Equal((ValueTimeUnit.Days, "Europe/Berlin", 365, 0.0003, 0.4), (back.TimeUnit, back.TimeZoneId, back.HorizonPeriods, back.DiscountRate, back.Margin));
        Assert.Equal((50, 1e-6, 0.01), (back.Fitting.MaxIterations, back.Fitting.GradientTolerance, back.Fitting.L2Penalty));
        Assert.Equal((30.0, 7, 6), (back.Kpis.NpsTarget, back.Kpis.CsatScaleMax, back.Kpis.CsatSatisfiedFrom));
    }

    [Fact]
    public void Json_TheExampleInTheDocs_IsAValidPolicy()
    {
        var markdown = File.ReadAllText(Path.Combine(Docs.DocSnippets.RepositoryRoot, "docs", "value.md"));
        var start = markdown.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];

        var options = PolicyJson.Deserialize<ValueOptions>(json);

        Assert.True(new ValueOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(52, options.HorizonPeriods);
    }
}
