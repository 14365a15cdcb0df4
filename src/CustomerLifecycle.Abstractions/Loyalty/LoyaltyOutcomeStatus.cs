namespace CustomerLifecycle.Loyalty;

/// <summary>How a loyalty command ended.</summary>
public enum LoyaltyOutcomeStatus
{
    /// <summary>Applied: the entries were appended to the ledger.</summary>
    Applied,

    /// <summary>The ledger already holds the command's key; nothing was written.</summary>
    Duplicate,

    /// <summary>Refused (bad input, unknown order or reward, too few points, back-dated); nothing was written.</summary>
    Rejected,
}
