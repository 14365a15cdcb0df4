namespace CustomerLifecycle.Health;

/// <summary>The trend options copied into immutable form.</summary>
internal sealed class HealthTrendRules
{
    public HealthTrendRules(HealthTrendOptions options)
    {
        WindowDays = options.WindowDays;
        StablePoints = options.StablePoints;
        ScoreDropPoints = options.ScoreDropPoints;
        HysteresisMargin = options.HysteresisMargin;
        HysteresisEvaluations = options.HysteresisEvaluations;
        UsageDrops = options.UsageDrops.Select(r => (r.FactorId, r.DropPercent)).ToArray();
    }

    public int WindowDays { get; }

    public double StablePoints { get; }

    public double ScoreDropPoints { get; }

    public double HysteresisMargin { get; }

    public int HysteresisEvaluations { get; }

    public (string FactorId, double DropPercent)[] UsageDrops { get; }
}
