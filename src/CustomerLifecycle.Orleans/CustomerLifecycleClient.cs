using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using NodaTime;
using CustomerLifecycle.Orleans.Grains;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace CustomerLifecycle.Orleans;

/// <summary>
/// What a host calls to reach the customers in an Orleans cluster: each customer's grain by id, arguments checked on the
/// caller's side, and the calls a cluster failure interrupts retried.
/// </summary>
/// <remarks>
/// <para>Applying an event, fact or loyalty command is idempotent (the grain reports one it has seen as Duplicate), so an apply whose answer was
/// lost to a failed silo, or that lost an ETag race to a second activation, is retried up to
/// <see cref="RetryOptions.MaxAttempts"/> times, waiting 100 ms before the first retry and twice as long before each next
/// (at most 5 s): it is applied once, and the retry may report it as Duplicate. Evaluating, explaining and reading
/// (the stage counts too) are retried the same way; a connection to a silo that has just died counts as an interruption.</para>
/// <para>Thread-safe; create one per <see cref="IGrainFactory"/> (an <c>IClusterClient</c>, or a grain's factory in a silo).</para>
/// </remarks>
public sealed class CustomerLifecycleClient
{
    private readonly IGrainFactory _grains;
    private readonly int _maxAttempts;

    /// <summary>Creates the client.</summary>
    /// <param name="grains">The cluster's grain factory.</param>
    /// <param name="retry">How interrupted calls are retried, or null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="retry"/> is invalid.</exception>
    public CustomerLifecycleClient(IGrainFactory grains, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        retry ??= new RetryOptions();
        var validation = new RetryOptionsValidator().Validate(null, retry);
        if (validation.Failed)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(nameof(RetryOptions), typeof(RetryOptions), validation.Failures);
        }

        _grains = grains;
        _maxAttempts = retry.MaxAttempts;
    }

    /// <summary>Gets a customer's grain.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The grain (activated on its first call).</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    public ICustomerGrain Customer(CustomerId customer)
    {
        CustomerId.ThrowIfDefault(customer);
        return _grains.GetGrain<ICustomerGrain>(customer.Value!);
    }

    /// <summary>Applies an event to its customer's record, saved before this returns.</summary>
    /// <param name="event">The event.</param>
    /// <returns>The outcome (see <see cref="ICustomerGrain.ApplyAsync"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster; the last failure is thrown.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<LifecycleOutcome> ApplyAsync(LifecycleEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var grain = Customer(@event.Customer);
        return RetryAsync(() => grain.ApplyAsync(@event));
    }

    /// <summary>Evaluates a customer's record at an instant, saving it when a time rule fired.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The instant.</param>
    /// <returns>The outcome; null when the customer has no record.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<LifecycleOutcome?> EvaluateAsync(CustomerId customer, Instant asOf)
    {
        var grain = Customer(customer);
        return RetryAsync(() => grain.EvaluateAsync(asOf));
    }

    /// <summary>Explains a customer's record at an instant, saving nothing.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The instant.</param>
    /// <returns>The explanation; null when the customer has no record.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<Explanation<LifecycleOutcome>?> ExplainAsync(CustomerId customer, Instant asOf)
    {
        var grain = Customer(customer);
        return RetryAsync(() => grain.ExplainAsync(asOf));
    }

    /// <summary>Gets a customer's record as saved.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The record; null when the customer has none.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<LifecycleRecord?> GetLifecycleAsync(CustomerId customer)
    {
        var grain = Customer(customer);
        return RetryAsync(grain.GetLifecycleAsync);
    }

    /// <summary>Applies a fact to its customer's profile, saved before this returns (the silo hosts profiles).</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The outcome (see <see cref="ICustomerGrain.ApplyFactAsync"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no profiles; nothing is saved.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster; the last failure is thrown.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<ProfileOutcome> ApplyAsync(CustomerFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var grain = Customer(fact.Customer);
        return RetryAsync(() => grain.ApplyFactAsync(fact));
    }

    /// <summary>Evaluates a customer's profile at an instant against the population published for its tenant, saving it
    /// when a time-based lifecycle rule fired.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The instant; not before the profile's latest fact.</param>
    /// <returns>The view (see <see cref="ICustomerGrain.EvaluateProfileAsync"/>); null when the customer has no profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no profiles, or no population was published, or the one published
    /// was prepared under a profile policy reloaded since.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<CustomerViewSummary?> EvaluateProfileAsync(CustomerId customer, Instant asOf)
    {
        var grain = Customer(customer);
        return RetryAsync(() => grain.EvaluateProfileAsync(asOf));
    }

    /// <summary>Explains a customer's profile at an instant, saving nothing.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The instant; not before the profile's latest fact.</param>
    /// <returns>The explanation (see <see cref="ICustomerGrain.ExplainProfileAsync"/>); null when the customer has no profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no profiles, or no population was published, or the one published
    /// was prepared under a profile policy reloaded since.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<Explanation<CustomerViewSummary>?> ExplainProfileAsync(CustomerId customer, Instant asOf)
    {
        var grain = Customer(customer);
        return RetryAsync(() => grain.ExplainProfileAsync(asOf));
    }

    /// <summary>Gets a customer's profile as saved.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The profile; null when the customer has none.</returns>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<ProfileRecord?> GetProfileAsync(CustomerId customer)
    {
        var grain = Customer(customer);
        return RetryAsync(grain.GetProfileAsync);
    }

    /// <summary>Applies a command to its member's loyalty ledger, saved before this returns (the silo hosts loyalty accounts).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The outcome (see <see cref="ICustomerGrain.ApplyLoyaltyAsync"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="ArgumentException">The command's member is default.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no loyalty accounts; nothing is saved.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster; the last failure is thrown.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<LoyaltyOutcome> ApplyAsync(LoyaltyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var grain = Customer(command.Member);
        return RetryAsync(() => grain.ApplyLoyaltyAsync(command));
    }

    /// <summary>Gets a member's points at an instant: balance, lots holding points and tier. Saves nothing.</summary>
    /// <param name="member">The member.</param>
    /// <param name="asOf">The instant lots are judged at.</param>
    /// <returns>The statement; null when the member has no ledger.</returns>
    /// <exception cref="ArgumentException"><paramref name="member"/> is default.</exception>
    /// <exception cref="InvalidOperationException">The silo hosts no loyalty accounts.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<LoyaltyStatement?> EvaluateLoyaltyAsync(CustomerId member, Instant asOf)
    {
        var grain = Customer(member);
        return RetryAsync(() => grain.EvaluateLoyaltyAsync(asOf));
    }

    /// <summary>Gets a member's loyalty ledger as saved.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The ledger; null when the member has none.</returns>
    /// <exception cref="ArgumentException"><paramref name="member"/> is default.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<LoyaltyRecord?> GetLoyaltyAsync(CustomerId member)
    {
        var grain = Customer(member);
        return RetryAsync(grain.GetLoyaltyAsync);
    }

    /// <summary>Gets how many customers are in each stage, from the stage counts (no scan of the customers).</summary>
    /// <param name="tenant">The tenant whose customers to count (see <see cref="CustomerGrainOptions.TenantSeparator"/>), or null for the customers without one.</param>
    /// <returns>The counts by stage name.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or blank.</exception>
    /// <exception cref="OrleansException">Every attempt was interrupted by the cluster.</exception>
    /// <exception cref="TimeoutException">Every attempt timed out.</exception>
    public Task<IReadOnlyDictionary<string, long>> GetStageCountsAsync(string? tenant = null)
    {
        if (tenant is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        }

        var grain = _grains.GetGrain<IStageCountsGrain>(Tenant.StageCountsKey(tenant));
        return RetryAsync(grain.GetCountsAsync);
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < _maxAttempts && IsInterruption(e))
            {
                // The grain's next activation (on a surviving silo, or reloaded from storage) answers the retry, once the
                // cluster has noticed the failure: wait longer each time for it to.
                await Task.Delay(RetryDelay(attempt)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: 100 ms, doubling up to 5 s (with the default 10
    /// attempts, some 20 seconds for a cluster to declare a silo dead and move its customers).</summary>
    internal static TimeSpan RetryDelay(int attempt) => TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, attempt - 1), 5000));

    private static bool IsInterruption(Exception e)
        => e is InconsistentStateException or SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException;
}
