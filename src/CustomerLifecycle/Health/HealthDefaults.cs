namespace CustomerLifecycle.Health;

/// <summary>The default health policy (docs/health.md) in one place.</summary>
internal static class HealthDefaults
{
    public const string LoginFrequency = "login-frequency";
    public const string FeatureAdoption = "feature-adoption";
    public const string UsageTrend = "usage-trend";
    public const string Support = "support";
    public const string Nps = "nps";
    public const string Payment = "payment";

    public const string Healthy = "Healthy";
    public const string Warning = "Warning";
    public const string AtRisk = "AtRisk";

    public const double HealthyMin = 80;
    public const double WarningMin = 60;

    public const int CarryForwardDays = 90;
    public const int TrendWindowDays = 90;
    public const double StablePoints = 5;
    public const double ScoreDropPoints = 20;
    public const double HysteresisMargin = 2;
    public const int HysteresisEvaluations = 3;
    public const double LoginDropPercent = 80;

    public static List<HealthFactorOptions> CreateFactors() =>
    [
        Linear(LoginFrequency, 25, 0, 3, HealthDirection.HigherIsBetter),
        Linear(FeatureAdoption, 20, 0, 1, HealthDirection.HigherIsBetter),
        Linear(UsageTrend, 15, -0.8, 0, HealthDirection.HigherIsBetter),
        Linear(Support, 15, 0, 5, HealthDirection.LowerIsBetter),
        Linear(Nps, 15, 0, 10, HealthDirection.HigherIsBetter),
        Linear(Payment, 10, 0, 60, HealthDirection.LowerIsBetter),
    ];

    public static List<HealthBandOptions> CreateBands() =>
    [
        new() { Name = Healthy, Min = HealthyMin, Max = 100 },
        new() { Name = Warning, Min = WarningMin, Max = HealthyMin },
        new() { Name = AtRisk, Min = 0, Max = WarningMin },
    ];

    public static List<HealthUsageDropOptions> CreateUsageDrops() =>
    [
        new() { FactorId = LoginFrequency, DropPercent = LoginDropPercent },
    ];

    private static HealthFactorOptions Linear(string id, double weight, double min, double max, HealthDirection direction) => new()
    {
        Id = id,
        Weight = weight,
        Direction = direction,
        Normalizer = new HealthNormalizerOptions { Kind = HealthNormalizerKind.Linear, Min = min, Max = max },
    };
}
