using CustomerLifecycle.Health;
using NodaTime;
using static CustomerLifecycle.Tests.Health.HealthTestPolicies;

namespace CustomerLifecycle.Tests.Health;

public sealed class HealthExplanationTests
{
    private static readonly HealthEngine Default = new(new HealthOptions());

    [Fact]
    public void Explain_TheTypicalCustomer_Says63WarningAndEachFactorsPart()
    {
        var explanation = Default.Explain(Default.CreateInput(TypicalValues()), AsOf);

        Assert.Equal(("health score", "63 Warning"), (explanation.Subject, explanation.Decision));
        Assert.Equal(["health.band", "health.factor", "health.factor", "health.factor", "health.factor", "health.factor", "health.factor"], explanation.Reasons.Select(r => r.Code));
        Assert.Equal("Factor \"login-frequency\": 1.5 → 50 points × 25% of the score = 12.5 points.", explanation.Reasons[1].Message);
        Assert.Equal("Factor \"support\": 1 → 80 points × 15% of the score = 12 points.", explanation.Reasons[4].Message);
        var logins = explanation.Reasons[1].Data;
        Assert.Equal(("login-frequency", "Observed", 1.5, 25.0), ((string)logins["factor"]!, (string)logins["state"]!, (double)logins["rawValue"]!, (double)logins["weight"]!));
        Assert.Equal((50.0, 0.25, 12.5), (Math.Round((double)logins["normalizedValue"]!, 9), Math.Round((double)logins["effectiveWeight"]!, 12), Math.Round((double)logins["contribution"]!, 9)));
        Assert.Equal(63, explanation.Reasons.Where(r => r.Code == "health.factor").Sum(r => (double)r.Data["contribution"]!), 9);
    }

    [Fact]
    public void Explain_AMissingFactor_IsNotCountedAndItsReasonFollowsTheFactors()
    {
        var values = TypicalValues();
        values.Remove("nps");

        var explanation = Default.Explain(Default.CreateInput(values), AsOf);

        Assert.Equal("58.24 AtRisk", explanation.Decision);
        Assert.Equal("Factor \"nps\": no value, not counted (Excluded).", explanation.Reasons[5].Message);
        Assert.Null(explanation.Reasons[5].Data["rawValue"]);
        Assert.Equal(0.0, explanation.Reasons[5].Data["contribution"]);
        Assert.Equal(["health.band", "health.factor-missing"], explanation.Reasons.Where(r => r.Code != "health.factor").Select(r => r.Code));
        Assert.Equal("health.factor-missing", explanation.Reasons[^1].Code);
    }

    [Fact]
    public void Explain_AnOverride_SaysTheScoreInForceAndTheComputedOne()
    {
        var manual = new HealthOverride(HealthScore.From(85), "Renewal signed yesterday", "maria", AsOf + Duration.FromDays(30));

        var explanation = Default.Explain(Default.CreateInput(TypicalValues()), AsOf, manual);

        Assert.Equal("85 Healthy (overridden; computed 63 Warning)", explanation.Decision);
        Assert.Equal("Score overridden to 85 by maria until 2026-12-01T00:00:00Z: Renewal signed yesterday (computed score 63).", explanation.Reasons[^1].Message);
        Assert.Same(manual, explanation.Result.Override);
    }

    [Fact]
    public void Explain_AnOverrideWithoutData_SaysThereIsNoComputedScore()
    {
        var manual = new HealthOverride(HealthScore.From(40), "Escalation open", "maria", AsOf + Duration.FromDays(30));

        var explanation = Default.Explain(default, AsOf, manual);

        Assert.Equal("40 AtRisk (overridden; no computed score)", explanation.Decision);
    }

    [Fact]
    public void Explain_ARequiredFactorMissing_SaysNotScoredAndWhy()
    {
        var options = new HealthOptions();
        options.Factors[5].MissingData = HealthMissingDataPolicy.Fail;
        var engine = new HealthEngine(options);
        var values = TypicalValues();
        values.Remove("payment");

        var explanation = engine.Explain(engine.CreateInput(values), AsOf);

        Assert.Equal("not scored (health.missing-required)", explanation.Decision);
        Assert.Equal("Factor \"payment\": no value, not counted (Missing).", explanation.Reasons[6].Message);
        Assert.All(explanation.Reasons.Where(r => r.Code == "health.factor"), r => Assert.Equal(0.0, r.Data["contribution"]));
        Assert.StartsWith(
            "health score: not scored (health.missing-required)\n- A required factor had no usable value, so there is no computed score.\n",
            explanation.ToString(),
            StringComparison.Ordinal);
    }
}
