using CustomerLifecycle.Health;
using NodaTime;

namespace CustomerLifecycle.Tests.Health;

/// <summary>Small policies and inputs the example tests share.</summary>
internal static class HealthTestPolicies
{
    public static readonly Instant AsOf = Instant.FromUtc(2026, 11, 1, 0, 0);

    /// <summary>The default-policy customer worked by hand in the tests: 50, 50, 50, 80, 90, 75 points → 63.</summary>
    public static Dictionary<string, double> TypicalValues() => new()
    {
        ["login-frequency"] = 1.5,
        ["feature-adoption"] = 0.5,
        ["usage-trend"] = -0.4,
        ["support"] = 1,
        ["nps"] = 9,
        ["payment"] = 15,
    };

    /// <summary>A policy with one factor and no usage-drop rules.</summary>
    public static HealthOptions Single(HealthFactorOptions factor) => new()
    {
        Factors = [factor],
        Trend = new HealthTrendOptions { UsageDrops = [] },
    };

    /// <summary>"score" (linear 0–100, so the score equals the value) and "logins" (weight 0, watched for usage drops).</summary>
    public static HealthOptions ScoreAndLogins() => new()
    {
        Factors =
        [
            new() { Id = "score", Weight = 1, Normalizer = new() { Min = 0, Max = 100 } },
            new() { Id = "logins", Weight = 0, Normalizer = new() { Min = 0, Max = 10 } },
        ],
        Trend = new HealthTrendOptions { UsageDrops = [new() { FactorId = "logins", DropPercent = 80 }] },
    };

    public static HealthResult Scored(HealthEngine engine, int day, double score, double logins = 5)
    {
        var input = default(HealthInput);
        input.Set(engine.SlotOf("score"), score);
        input.Set(engine.SlotOf("logins"), logins);
        return engine.Evaluate(input, AsOf + Duration.FromDays(day));
    }
}
