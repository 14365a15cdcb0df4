using CustomerLifecycle.Value.Kpis;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.Value.Kpis;

public sealed class KpiCalculatorTests
{
    private static readonly KpiCalculator Kpis = new(new KpiOptions());

    [Fact]
    public void RetentionRate_IsRetainedOverStart_AgainstTheMonthlyOrYearlyTarget()
    {
        // 100 at the start, 90 at the end of whom 20 are new: 70 retained.
        var monthly = Kpis.RetentionRate(100, 90, 20, KpiPeriod.Monthly);
        var yearly = Kpis.RetentionRate(100, 90, 20, KpiPeriod.Yearly);

        Assert.Equal(new KpiResult("kpi.retention", 0.70, 0.70, true), monthly);
        Assert.True(monthly.TargetMet);
        Assert.Equal(0.80, yearly.Target);
        Assert.False(yearly.TargetMet);
    }

    [Fact]
    public void ChurnRate_IsLostOverStart_AndLowerIsBetter()
    {
        var monthly = Kpis.ChurnRate(200, 50, KpiPeriod.Monthly);
        var yearly = Kpis.ChurnRate(200, 50, KpiPeriod.Yearly);

        Assert.Equal(0.25, monthly.Value);
        Assert.True(monthly.TargetMet);
        Assert.False(yearly.TargetMet);
    }

    [Fact]
    public void CohortRetention_GivesTheCurveAndPeriodRates()
    {
        var cohort = Kpis.CohortRetention([200, 150, 120, 120], KpiPeriod.Monthly);

        Assert.Equal([1.0, 0.75, 0.6, 0.6], cohort.Curve);
        Assert.Equal([0.75, 0.8, 1.0], cohort.PeriodRetention.Select(r => r.Value));
        Assert.Equal([0.25, 0.2, 0.0], cohort.PeriodChurn.Select(r => Math.Round(r.Value, 12)));
        Assert.All(cohort.PeriodRetention, r => Assert.True(r.TargetMet));
    }

    [Fact]
    public void CohortRetention_AfterAnEmptyPeriod_IsNaNAndMissesTheTarget()
    {
        var cohort = Kpis.CohortRetention([10, 0, 0], KpiPeriod.Monthly);

        Assert.True(double.IsNaN(cohort.PeriodRetention[1].Value));
        Assert.False(cohort.PeriodRetention[1].TargetMet);
    }

    [Fact]
    public void Nps_IsPromotersMinusDetractorsInPercent()
    {
        // 4 promoters (9, 10, 10, 9), 2 passives (7, 8), 4 detractors (0, 3, 6, 5): 100 · (4 − 4) / 10 = 0.
        var nps = Kpis.Nps([9, 10, 10, 9, 7, 8, 0, 3, 6, 5]);

        Assert.Equal(new KpiResult("kpi.nps", 0, 50, true), nps);
        Assert.False(nps.TargetMet);
        Assert.Equal(50.0, Kpis.Nps([10, 9, 8, 7]).Value);
        Assert.True(Kpis.Nps([10, 9, 8, 7]).TargetMet);
    }

    [Fact]
    public void Csat_IsTheShareOfFoursAndFives()
    {
        var csat = Kpis.Csat([5, 4, 3, 5, 1]);

        Assert.Equal(0.6, csat.Value);
        Assert.False(csat.TargetMet);
    }

    [Fact]
    public void Csat_UsesTheConfiguredScale()
    {
        var sevenPoint = new KpiCalculator(new KpiOptions { CsatScaleMax = 7, CsatSatisfiedFrom = 6 });

        Assert.Equal(0.5, sevenPoint.Csat([7, 6, 5, 1]).Value);
    }

    [Fact]
    public void Rates_AreShareOfCustomers_AgainstTheirTargets()
    {
        Assert.Equal(new KpiResult("kpi.repurchase", 0.8, 0.8, true), Kpis.RepurchaseRate(50, 40));
        Assert.Equal(new KpiResult("kpi.referral", 0.25, 0.3, true), Kpis.ReferralRate(40, 10));
        Assert.Equal(new KpiResult("kpi.cross-sell", 0.15, 0.15, true), Kpis.CrossSellRate(100, 15));
        Assert.Equal(new KpiResult("kpi.up-sell", 0.05, 0.1, true), Kpis.UpSellRate(100, 5));
        Assert.Equal(new KpiResult("kpi.complaint-resolution", 0.96, 0.95, true), Kpis.ComplaintResolutionRate(25, 24));
        Assert.False(Kpis.ReferralRate(40, 10).TargetMet);
        Assert.True(Kpis.CrossSellRate(100, 15).TargetMet);
    }

    [Fact]
    public void ResolutionHours_MeanAndMedian_AgainstTheSlaOf24Hours()
    {
        double[] hours = [2, 4, 30, 60];

        var mean = Kpis.MeanResolutionHours(hours);
        var median = Kpis.MedianResolutionHours(hours);

        Assert.Equal(new KpiResult("kpi.complaint-resolution-mean-hours", 24, 24, false), mean);
        Assert.True(mean.TargetMet);
        Assert.Equal(17, median.Value);
        Assert.Equal(4, Kpis.MedianResolutionHours([4, 60, 2]).Value);
    }

    [Fact]
    public void ClvToAcquisitionCost_IsTheRatio()
    {
        var ratio = Kpis.ClvToAcquisitionCost(900, 100);

        Assert.Equal(new KpiResult("kpi.clv-to-acquisition-cost", 9, 10, true), ratio);
        Assert.False(ratio.TargetMet);
    }

    [Fact]
    public void BadInputs_GiveExactErrors()
    {
        Assert.Equal("answers[2]: must be in [0, 10] but was 11. (Parameter 'answers')", Assert.Throws<ArgumentException>(() => Kpis.Nps([1, 2, 11])).Message);
        Assert.Equal("answers: NPS needs at least one answer. (Parameter 'answers')", Assert.Throws<ArgumentException>(() => Kpis.Nps([])).Message);
        Assert.Equal("answers[0]: must be in [1, 5] but was 0. (Parameter 'answers')", Assert.Throws<ArgumentException>(() => Kpis.Csat([0])).Message);
        Assert.Equal("answers: CSAT needs at least one answer. (Parameter 'answers')", Assert.Throws<ArgumentException>(() => Kpis.Csat([])).Message);
        Assert.Equal($"repeatCustomers (11) cannot exceed customers (10). (Parameter 'repeatCustomers'){Environment.NewLine}Actual value was 11.", Assert.Throws<ArgumentOutOfRangeException>(() => Kpis.RepurchaseRate(10, 11)).Message);
        Assert.Equal("customers", Assert.Throws<ArgumentOutOfRangeException>(() => Kpis.ReferralRate(0, 0)).ParamName);
        Assert.Equal("hours[1]: must be a finite number >= 0 but was -1. (Parameter 'hours')", Assert.Throws<ArgumentException>(() => Kpis.MeanResolutionHours([1, -1])).Message);
        Assert.Equal("hours: at least one resolution time is needed. (Parameter 'hours')", Assert.Throws<ArgumentException>(() => Kpis.MedianResolutionHours([])).Message);
        Assert.Equal($"The acquisition cost must be a finite number > 0 but was 0. (Parameter 'acquisitionCost'){Environment.NewLine}Actual value was 0.", Assert.Throws<ArgumentOutOfRangeException>(() => Kpis.ClvToAcquisitionCost(10, 0)).Message);
        Assert.Equal($"New customers (5) cannot exceed the customers at the end (4). (Parameter 'newCustomers'){Environment.NewLine}Actual value was 5.", Assert.Throws<ArgumentOutOfRangeException>(() => Kpis.RetentionRate(10, 4, 5, KpiPeriod.Monthly)).Message);
        Assert.Equal($"Retained customers (12) cannot exceed the customers at the start (10). (Parameter 'customersAtEnd'){Environment.NewLine}Actual value was 12.", Assert.Throws<ArgumentOutOfRangeException>(() => Kpis.RetentionRate(10, 12, 0, KpiPeriod.Monthly)).Message);
        Assert.Equal("activeByPeriod[0]: the cohort size must be > 0. (Parameter 'activeByPeriod')", Assert.Throws<ArgumentException>(() => Kpis.CohortRetention([], KpiPeriod.Monthly)).Message);
        Assert.Equal("activeByPeriod[2]: must be in [0, 10] (the cohort size) but was 11. (Parameter 'activeByPeriod')", Assert.Throws<ArgumentException>(() => Kpis.CohortRetention([10, 5, 11], KpiPeriod.Monthly)).Message);
    }

    [Fact]
    public void Constructor_RejectsInvalidTargets()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new KpiCalculator(new KpiOptions { NpsTarget = 200 }));

        Assert.Equal(["NpsTarget: must be in [-100, 100] but was 200."], ex.Failures);
    }
}
