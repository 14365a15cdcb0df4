namespace CustomerLifecycle.Tiering;

/// <summary>The tier state a host stores between evaluations, so that downgrades can wait (hysteresis).</summary>
/// <param name="Tier">The index of the customer's current tier in the policy's tier list (0 is the top tier).</param>
/// <param name="EvaluationsBelow">How many consecutive evaluations the rules placed the customer below <paramref name="Tier"/>.</param>
public readonly record struct TierState(int Tier, int EvaluationsBelow);
