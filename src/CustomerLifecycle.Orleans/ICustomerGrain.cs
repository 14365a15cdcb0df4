using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Orleans;

/// <summary>
/// One customer in the cluster, keyed by the customer id's value (<see cref="CustomerId.Value"/>): the only place the
/// customer's records live while the grain is active (the lifecycle record, and the profile and loyalty account when the
/// silo hosts them), saved together through Orleans grain storage with one ETag before a call returns.
/// </summary>
/// <remarks>
/// <para>Calls to one customer run one at a time, so events for the same customer from many clients are applied in the
/// order the grain receives them, each exactly once: an event whose id the record has seen is reported as
/// <see cref="LifecycleOutcomeStatus.Duplicate"/> (so a caller may retry an apply whose answer it lost).</para>
/// <para>Time rules fire without a call: while the record has a next check (<see cref="LifecycleRecord.NextCheckAt"/>),
/// an Orleans reminder wakes the grain to evaluate it at the host clock's current instant.</para>
/// <para>With the profile facet (<see cref="Hosting.CustomerLifecycleSiloBuilderExtensions.AddCustomerProfile"/>) the
/// lifecycle record lives in the profile (<see cref="ProfileRecord.Lifecycle"/>), under the profile policy's lifecycle
/// policy: facts move it, <see cref="ApplyAsync"/> refuses events, and the lifecycle calls, the reminder and the stage counts
/// read and write the profile's record.</para>
/// <para>Prefer <see cref="CustomerLifecycleClient"/>, which finds the grain, checks arguments on the caller's side and
/// retries the failures a cluster can have.</para>
/// </remarks>
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Applies an event to the customer's record and saves the result before returning.</summary>
    /// <param name="event">The event; its customer must be this grain's.</param>
    /// <returns>The outcome, as <see cref="LifecycleEngine.TryApply"/> gives it; Duplicate, Late and Rejected outcomes save nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="ArgumentException">The event is for another customer; nothing is saved.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts profiles, so facts move the lifecycle record; nothing is saved.</exception>
    /// <exception cref="global::Orleans.Storage.InconsistentStateException">Another activation saved the record first (a cluster failure); nothing is saved and the call may be retried.</exception>
    Task<LifecycleOutcome> ApplyAsync(LifecycleEvent @event);

    /// <summary>Evaluates the customer's record at an instant and saves it when a time rule fired.</summary>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <returns>The outcome, as <see cref="LifecycleEngine.Evaluate(LifecycleRecord, Instant)"/> gives it; null when the customer has no record.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="LifecycleLimits"/>, or before the profile's latest fact (with profiles).</exception>
    /// <exception cref="global::Orleans.Storage.InconsistentStateException">Another activation saved the record first; nothing is saved.</exception>
    Task<LifecycleOutcome?> EvaluateAsync(Instant asOf);

    /// <summary>Explains the customer's record at an instant: the stage it would be in, why, the rules that did not fire and the actions due. Saves nothing.</summary>
    /// <param name="asOf">The instant to explain at.</param>
    /// <returns>The explanation, as <see cref="LifecycleEngine.Explain(LifecycleRecord, Instant)"/> gives it; null when the customer has no record.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="LifecycleLimits"/>.</exception>
    Task<Explanation<LifecycleOutcome>?> ExplainAsync(Instant asOf);

    /// <summary>Gets the customer's record as saved.</summary>
    /// <returns>The record; null when the customer has none yet.</returns>
    Task<LifecycleRecord?> GetLifecycleAsync();

    /// <summary>Applies a fact to the customer's profile (as <see cref="ProfileEngine.TryApply"/> does) and saves it before returning.</summary>
    /// <param name="fact">The fact; its customer must be this grain's.</param>
    /// <returns>The outcome; Duplicate, Late and Rejected outcomes save nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    /// <exception cref="ArgumentException">The fact is for another customer; nothing is saved.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no profiles, or the customer has a lifecycle record saved
    /// before it did (a profile beside it would be a second lifecycle); nothing is saved.</exception>
    /// <exception cref="global::Orleans.Storage.InconsistentStateException">Another activation saved the customer first; nothing is saved.</exception>
    Task<ProfileOutcome> ApplyFactAsync(CustomerFact fact);

    /// <summary>Evaluates the customer's profile at an instant against the population published for the customer's tenant
    /// (<see cref="ProfilePopulations"/>), and saves it when a time-based lifecycle rule fired.</summary>
    /// <param name="asOf">The instant to evaluate at; not before the profile's latest fact.</param>
    /// <returns>The view as <see cref="ProfileEngine.Evaluate(System.ReadOnlySpan{ProfileRecord}, ProfilePopulation, Instant, System.Span{CustomerViewSummary})"/>
    /// writes it: the profile, the lifecycle transitions, RFM score, tier, next contact, health, CLV and lead; null when the customer has no profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the profile's latest fact.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no profiles, or no population was published for the customer's
    /// tenant, or the one published was prepared under a profile policy reloaded since.</exception>
    /// <exception cref="global::Orleans.Storage.InconsistentStateException">Another activation saved the customer first; nothing is saved.</exception>
    Task<CustomerViewSummary?> EvaluateProfileAsync(Instant asOf);

    /// <summary>Explains the customer's profile at an instant: the decision and every engine's reasons as
    /// <see cref="ProfileEngine.Explain(ProfileRecord, Loyalty.LoyaltyRecord?, ProfilePopulation, Instant)"/> gives them, with the view of <see cref="EvaluateProfileAsync"/> as the result. Saves nothing.</summary>
    /// <param name="asOf">The instant to explain at; not before the profile's latest fact.</param>
    /// <returns>The explanation; null when the customer has no profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the profile's latest fact.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no profiles, or no population was published for the customer's
    /// tenant, or the one published was prepared under a profile policy reloaded since.</exception>
    Task<Explanation<CustomerViewSummary>?> ExplainProfileAsync(Instant asOf);

    /// <summary>Gets the customer's profile as saved.</summary>
    /// <returns>The profile; null when the customer has none yet.</returns>
    Task<ProfileRecord?> GetProfileAsync();

    /// <summary>Applies a command to the member's loyalty ledger (as <see cref="LoyaltyEngine.TryApply"/> does) and saves it before returning.</summary>
    /// <param name="command">The command; its member must be this grain's customer.</param>
    /// <returns>The outcome; only an Applied outcome saves.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="ArgumentException">The command is for another member; nothing is saved.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no loyalty accounts; nothing is saved.</exception>
    /// <exception cref="global::Orleans.Storage.InconsistentStateException">Another activation saved the customer first; nothing is saved.</exception>
    Task<LoyaltyOutcome> ApplyLoyaltyAsync(LoyaltyCommand command);

    /// <summary>The member's points at an instant, as <see cref="LoyaltyEngine.Evaluate(LoyaltyRecord, Instant)"/> gives them. Saves nothing.</summary>
    /// <param name="asOf">The instant lots are judged at.</param>
    /// <returns>The statement: balance, lots holding points and tier; null when the member has no ledger.</returns>
    /// <exception cref="InvalidOperationException">The silo hosts no loyalty accounts.</exception>
    Task<LoyaltyStatement?> EvaluateLoyaltyAsync(Instant asOf);

    /// <summary>Gets the member's loyalty ledger as saved.</summary>
    /// <returns>The ledger; null when the member has none yet.</returns>
    Task<LoyaltyRecord?> GetLoyaltyAsync();
}
