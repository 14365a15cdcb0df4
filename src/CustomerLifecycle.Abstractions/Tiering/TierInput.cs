using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>What the tier rules look at for one customer: value, behaviour, fit and the stored tier state.</summary>
/// <param name="Value">The value ranked for the revenue-share tiers: revenue over the host's window, CLV, or any host value; never NaN.</param>
/// <param name="LoginsPerWeek">Average logins (or other usage events) per week over the host's activity window; not negative.</param>
/// <param name="CustomerSince">When the partnership started, or <see langword="null"/> when unknown (tenure 0).</param>
/// <param name="MatchesIdealProfile">Whether the host judges the customer to match its ideal customer profile.</param>
/// <param name="HasGrowthPotential">Whether the host sees growth potential (up-sell, expansion).</param>
/// <param name="IsBenchmarkCustomer">Whether the customer is a reference or benchmark customer.</param>
/// <param name="Previous">The state stored from the previous evaluation, or <see langword="null"/> for a first evaluation.</param>
/// <param name="LoyaltyLevel">The customer's loyalty-programme tier as its position in the programme's tiers, 0 the lowest
/// (<c>LoyaltyTierStatus.Level</c>); 0 when the host has no programme. Not negative.</param>
public readonly record struct TierInput(
    double Value,
    double LoginsPerWeek = 0,
    Instant? CustomerSince = null,
    bool MatchesIdealProfile = false,
    bool HasGrowthPotential = false,
    bool IsBenchmarkCustomer = false,
    TierState? Previous = null,
    int LoyaltyLevel = 0);
