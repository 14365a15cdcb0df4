namespace CustomerLifecycle.Tiering;

/// <summary>A customer's tier as written by the batch evaluation: compact, with the state to store for the next run.</summary>
/// <param name="Tier">The index of the assigned tier (0 is the top tier).</param>
/// <param name="TierName">The assigned tier's name.</param>
/// <param name="ValueTier">The index of the revenue-share tier the customer's value earns (kept at the current tier within the policy's value margin).</param>
/// <param name="RuleIndex">The index of the first tier rule that matched, or -1 when none did and the fallback tier applied.</param>
/// <param name="CandidateTier">The tier the rules gave before hysteresis.</param>
/// <param name="DowngradePending">Whether the rules place the customer lower but the downgrade is still waiting.</param>
/// <param name="State">The state to store and pass back as <see cref="TierInput.Previous"/> next time.</param>
public readonly record struct TierAssignment(
    int Tier,
    string TierName,
    int ValueTier,
    int RuleIndex,
    int CandidateTier,
    bool DowngradePending,
    TierState State);
