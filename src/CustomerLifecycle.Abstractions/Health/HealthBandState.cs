namespace CustomerLifecycle.Health;

/// <summary>A customer's settled band between evaluations, for applying hysteresis one score at a time.</summary>
/// <remarks>Store it beside the customer and pass it back with the next score; <see langword="null"/> before the first.</remarks>
/// <param name="Band">The settled band, e.g. <c>"Healthy"</c>.</param>
/// <param name="Streak">How many consecutive scores so far fell in a worse band without leaving this one.</param>
public readonly record struct HealthBandState(string Band, int Streak);
