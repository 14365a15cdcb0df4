using CustomerLifecycle.Health;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;

namespace CustomerLifecycle.Profile;

/// <summary>One customer's view as the batch evaluation writes it: compact, with no explanation (ask <c>Explain</c> for that).</summary>
/// <param name="Profile">The profile after the evaluation: the input instance itself when the evaluation changed nothing (see <see cref="Changed"/>).</param>
/// <param name="Transitions">How many stage changes the time-based rules and a changed health band made.</param>
/// <param name="Rfm">The RFM scores and segment.</param>
/// <param name="Tier">The tier assignment.</param>
/// <param name="Contact">The next cadence contact.</param>
/// <param name="Health">The health score, band index (a band of the profile engine's <c>Health.BandName(index)</c>) and coverage.</param>
/// <param name="Value">The CLV prediction, or <see langword="null"/> when there is none.</param>
public readonly record struct CustomerViewSummary(
    ProfileRecord Profile,
    int Transitions,
    RfmScore Rfm,
    TierAssignment Tier,
    ContactDue Contact,
    HealthScoreSummary Health,
    ValuePrediction? Value)
{
    /// <summary>Gets a value indicating whether the evaluation changed the profile, which must then be saved: a time-based
    /// lifecycle rule fired, the health band fed to the lifecycle changed, or the tier state advanced.</summary>
    public bool Changed { get; init; }

    /// <summary>Gets the lead assessment of a customer who has never bought when the policy scores leads; otherwise <see langword="null"/>.</summary>
    public LeadAssessment? Lead { get; init; }

    /// <summary>Gets the customer's loyalty balance (its <see cref="LoyaltyBalance.TierLevel"/> the tier the rules read) when the
    /// policy has a loyalty programme, that of an empty ledger for a customer who has none; otherwise <see langword="null"/>.</summary>
    public LoyaltyBalance? Loyalty { get; init; }
}
