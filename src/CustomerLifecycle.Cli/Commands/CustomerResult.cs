using NodaTime;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>Everything <c>analyze</c> says about one customer: one row of the json / csv output.</summary>
internal sealed record CustomerResult(
    string Customer,
    int Transactions,
    double Revenue,
    LocalDate FirstPurchase,
    LocalDate LastPurchase,
    string Stage,
    string RfmSegment,
    int Recency,
    int Frequency,
    int Monetary,
    string Tier,
    double HealthScore,
    string HealthBand,
    double ProbabilityAlive,
    double ExpectedPurchases,
    double ExpectedSpend,
    double Clv,
    string? NextAction);
