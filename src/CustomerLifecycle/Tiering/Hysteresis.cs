namespace CustomerLifecycle.Tiering;

/// <summary>Damps tier changes: an upgrade applies at once; a downgrade waits for consecutive evaluations below and then
/// moves at most a few tiers. On constant inputs the tier therefore moves in one direction only and settles.</summary>
internal readonly record struct Hysteresis(int DowngradeAfter, int MaxStep)
{
    public (int Tier, bool Pending, TierState State) Apply(int candidate, TierState? previous)
    {
        if (previous is not { } state || candidate <= state.Tier)
        {
            return (candidate, false, new TierState(candidate, 0));
        }

        var below = state.EvaluationsBelow + 1;
        if (below < DowngradeAfter)
        {
            return (state.Tier, true, new TierState(state.Tier, below));
        }

        var tier = Math.Min(candidate, state.Tier + MaxStep);
        return (tier, tier < candidate, new TierState(tier, 0));
    }
}
