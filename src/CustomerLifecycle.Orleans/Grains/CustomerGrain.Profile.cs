using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Orleans.Grains;

internal sealed partial class CustomerGrain
{
    /// <summary>The engine of the customer's profile policy.</summary>
    /// <exception cref="InvalidOperationException">The silo hosts no profiles.</exception>
    private ProfileEngine ProfileEngine => (_profilePolicy ?? throw new InvalidOperationException(
        "This silo hosts no customer profiles: the silo builder calls AddCustomerProfile to keep them.")).Engine(_tenant);

    public async Task<ProfileOutcome> ApplyFactAsync(CustomerFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        CheckCustomer("fact", fact.Id, fact.Customer, nameof(fact));
        var engine = ProfileEngine;
        if (_record is not null)
        {
            throw new InvalidOperationException(
                $"Customer '{Customer}' has a lifecycle record of its own, saved before this cluster kept profiles; a profile beside it would be a second lifecycle. Replay the customer's facts into a new customer id, or keep this one on events.");
        }

        // With a programme in the profile's policy the fact's loyalty command goes to the ledger in the same write: both
        // saved or neither. A fact the profile holds already is still offered to the ledger, which knows its key.
        var outcome = engine.TryApply(_profile, fact);
        var earned = outcome.Status is ProfileOutcomeStatus.Applied or ProfileOutcomeStatus.Duplicate && engine.LoyaltyCommandOf(fact) is { } command
            ? engine.Loyalty!.TryApply(_loyalty, command)
            : null;
        if (outcome.Changed || earned is { Changed: true })
        {
            await SaveAsync(profile: outcome.Changed ? outcome.Profile : null, loyalty: earned is { Changed: true } ? earned.Record : null);
        }

        return earned is null ? outcome : outcome with { Loyalty = earned };
    }

    public async Task<CustomerViewSummary?> EvaluateProfileAsync(Instant asOf)
    {
        _ = ProfileEngine;
        if (_profile is null)
        {
            return null;
        }

        var view = Summarize(_profile, asOf);
        if (view.Changed)
        {
            await SaveAsync(profile: view.Profile);
        }

        return view;
    }

    public Task<Explanation<CustomerViewSummary>?> ExplainProfileAsync(Instant asOf)
    {
        var engine = ProfileEngine;
        if (_profile is null)
        {
            return Task.FromResult<Explanation<CustomerViewSummary>?>(null);
        }

        var why = engine.Explain(_profile, Ledger(engine), _populations!.For(_tenant, engine), asOf);
        return Task.FromResult<Explanation<CustomerViewSummary>?>(new(why.Subject, why.Decision, Summarize(_profile, asOf), why.Reasons));
    }

    public Task<ProfileRecord?> GetProfileAsync() => Task.FromResult(_profile);

    /// <summary>The profile evaluated at <paramref name="asOf"/> against the tenant's published population, through the
    /// engine's batch path: the compact view a grain answers with.</summary>
    private CustomerViewSummary Summarize(ProfileRecord profile, Instant asOf)
    {
        var engine = ProfileEngine;
        var view = default(CustomerViewSummary);
        var ledger = Ledger(engine);
        engine.Evaluate(new ReadOnlySpan<ProfileRecord>(in profile), new ReadOnlySpan<LoyaltyRecord?>(in ledger), _populations!.For(_tenant, engine), asOf, new Span<CustomerViewSummary>(ref view));
        return view;
    }

    /// <summary>The member's ledger, read beside the profile when the profile's policy has a programme; otherwise none.</summary>
    private LoyaltyRecord? Ledger(ProfileEngine engine) => engine.Loyalty is null ? null : _loyalty;
}
