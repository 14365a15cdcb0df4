using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Orleans;

/// <summary>
/// One customer in the cluster, keyed by the customer id's value (<see cref="CustomerId.Value"/>): the only place the
/// customer's lifecycle record lives while the grain is active, saved through Orleans grain storage with an ETag before a
/// call returns.
/// </summary>
/// <remarks>
/// <para>Calls to one customer run one at a time, so events for the same customer from many clients are applied in the
/// order the grain receives them, each exactly once: an event whose id the record has seen is reported as
/// <see cref="LifecycleOutcomeStatus.Duplicate"/> (so a caller may retry an apply whose answer it lost).</para>
/// <para>Time rules fire without a call: while the record has a next check (<see cref="LifecycleRecord.NextCheckAt"/>),
/// an Orleans reminder wakes the grain to evaluate it at the host clock's current instant.</para>
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
    /// <exception cref="global::Orleans.Storage.InconsistentStateException">Another activation saved the record first (a cluster failure); nothing is saved and the call may be retried.</exception>
    Task<LifecycleOutcome> ApplyAsync(LifecycleEvent @event);

    /// <summary>Evaluates the customer's record at an instant and saves it when a time rule fired.</summary>
    /// <param name="asOf">The instant to evaluate at.</param>
    /// <returns>The outcome, as <see cref="LifecycleEngine.Evaluate(LifecycleRecord, Instant)"/> gives it; null when the customer has no record.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="LifecycleLimits"/>.</exception>
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
}
