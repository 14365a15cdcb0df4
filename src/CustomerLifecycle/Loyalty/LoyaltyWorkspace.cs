namespace CustomerLifecycle.Loyalty;

/// <summary>
/// The buffers a sweep replays members into (the ledger's lots and the tier walk's events), kept one per thread between calls,
/// so that a batch allocates nothing at all once they have grown to the largest member.
/// </summary>
/// <remarks>Rented and returned, never shared: a nested rent on the same thread gets a fresh workspace.</remarks>
internal sealed class LoyaltyWorkspace
{
    [ThreadStatic]
    private static LoyaltyWorkspace? t_spare;

    public LoyaltyLedger Ledger { get; } = new();

    public LoyaltyTierWalk TierWalk { get; } = new();

    public static LoyaltyWorkspace Rent()
    {
        var workspace = t_spare ?? new LoyaltyWorkspace();
        t_spare = null;
        return workspace;
    }

    /// <summary>Keeps the workspace for the thread's next sweep, first letting go of the last member's entries.</summary>
    public void Return()
    {
        Ledger.Load([]);
        TierWalk.Load([], explain: false);
        t_spare = this;
    }
}
