using CustomerLifecycle.Health;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>The whole customer at an instant: every engine's decision from one profile.</summary>
/// <param name="Profile">The profile after the evaluation: the input instance when the evaluation changed nothing, otherwise a new one to save (see <see cref="Changed"/>).</param>
/// <param name="AsOf">The instant evaluated at.</param>
/// <param name="Lifecycle">The lifecycle outcome at <paramref name="AsOf"/>: the stage, the transitions time-based rules and a changed health band fired, the actions due and the updated record.</param>
/// <param name="Rfm">The RFM scores and segment against the population's cuts.</param>
/// <param name="Tier">The tier against the population's value cuts (the value ranked is the net spend).</param>
/// <param name="Contact">The contact plan of that tier.</param>
/// <param name="Health">The health result, every factor derived from the facts.</param>
/// <param name="Value">The CLV prediction, or <see langword="null"/> when the population has no fitted model or the customer never bought.</param>
public sealed record CustomerView(
    ProfileRecord Profile,
    Instant AsOf,
    LifecycleOutcome Lifecycle,
    RfmResult Rfm,
    TierResult Tier,
    ContactPlan Contact,
    HealthResult Health,
    ValuePrediction? Value)
{
    /// <summary>Gets a value indicating whether the evaluation changed the profile, which must then be saved: a time-based
    /// lifecycle rule fired, the health band fed to the lifecycle changed, or the tier state advanced.</summary>
    public bool Changed { get; init; }

    /// <summary>Gets the lead score of a customer who has never bought, with its contributions and reasons, when the policy
    /// scores leads (<c>ProfileOptions.LeadScoring</c>); otherwise <see langword="null"/>.</summary>
    public LeadScore? Lead { get; init; }

    /// <summary>Gets the customer's loyalty statement at <see cref="AsOf"/> (balance, lots, tier) when the policy has a loyalty
    /// programme (<c>ProfileOptions.Loyalty</c>), that of an empty ledger for a customer who has none; otherwise <see langword="null"/>.</summary>
    public LoyaltyStatement? Loyalty { get; init; }
}
