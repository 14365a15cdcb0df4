using CustomerLifecycle.Health;
using CustomerLifecycle.Internal;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Profile;

/// <summary>
/// One stream of customer facts in, the whole customer out: folds facts into a bounded <see cref="ProfileRecord"/>
/// (applying the lifecycle events they derive through a <see cref="LifecycleEngine"/> and, when the policy scores leads,
/// the event a prospect's changed qualification implies), and evaluates a profile at an instant with every engine:
/// lifecycle, RFM, tier and contact, health, CLV, the lead score of a customer who never bought and, with a loyalty
/// programme, the customer's loyalty ledger kept beside the profile. Pure: no I/O, no clock.
/// </summary>
/// <remarks>Sealed, immutable and thread-safe: build one per policy and share it.</remarks>
public sealed partial class ProfileEngine
{
    private readonly LifecycleEngine _lifecycle;
    private readonly TieringEngine _tiering;
    private readonly HealthEngine _health;
    private readonly ValueEngine _value;
    private readonly ProfileLead? _lead;
    private readonly LoyaltyEngine? _loyalty;
    private readonly bool _loyaltyCountsLogins;
    private readonly ProfileFold _fold;
    private readonly ProfileSignals _signals;
    private readonly double _margin;
    private readonly double _discountRate;
    private readonly bool _tierByClv;
    private readonly long _populationFingerprint;

    /// <summary>Creates an engine for a policy, validating it.</summary>
    /// <param name="options">The policy; what the engine needs is copied, so later changes to it do not affect the engine.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The policy is invalid; the exception lists every problem.</exception>
    public ProfileEngine(ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<ProfileOptions, ProfileOptionsValidator>(options);
        _lifecycle = new LifecycleEngine(options.Lifecycle);
        _tiering = new TieringEngine(options.Tiering);
        _health = new HealthEngine(options.Health);
        _value = new ValueEngine(options.Value);
        _lead = options.LeadScoring is null ? null : new ProfileLead(new LeadScoringEngine(options.LeadScoring), _lifecycle);
        _loyalty = options.Loyalty is null ? null : new LoyaltyEngine(options.Loyalty);
        _loyaltyCountsLogins = options.Loyalty?.LoginStreakDays > 0;
        _fold = new ProfileFold(options);
        _signals = new ProfileSignals(options, _health, _fold);
        _margin = options.Value.Margin;
        _discountRate = options.Value.DiscountRate;
        _tierByClv = options.TierValue == ProfileTierValue.Clv;
        _populationFingerprint = ProfilePopulationFingerprint.Of(options);
    }

    /// <summary>Gets the lifecycle engine the profile's lifecycle record follows.</summary>
    public LifecycleEngine Lifecycle => _lifecycle;

    /// <summary>Gets the tiering engine (RFM, tiers, contacts) the profile is evaluated with.</summary>
    public TieringEngine Tiering => _tiering;

    /// <summary>Gets the health engine the profile is evaluated with.</summary>
    public HealthEngine Health => _health;

    /// <summary>Gets the customer-value engine the profile is evaluated with.</summary>
    public ValueEngine Value => _value;

    /// <summary>Gets the lead-scoring engine customers who have never bought are scored with, or null when the policy scores no leads.</summary>
    public LeadScoringEngine? LeadScoring => _lead?.Engine;

    /// <summary>Gets the loyalty engine of the policy's programme, which the customers' ledgers follow, or null when the policy has none.</summary>
    public LoyaltyEngine? Loyalty => _loyalty;

    /// <summary>Applies a fact to a customer's profile; never throws for a well-formed fact, reporting problems in the outcome instead.</summary>
    /// <param name="profile">The customer's profile, or null to start one at the fact's instant.</param>
    /// <param name="fact">The fact.</param>
    /// <returns>
    /// <see cref="ProfileOutcomeStatus.Applied"/> with the new profile and the lifecycle outcome of the event the fact derived;
    /// or <see cref="ProfileOutcomeStatus.Duplicate"/> (the id was seen), <see cref="ProfileOutcomeStatus.Late"/> (older than
    /// the latest fact) or <see cref="ProfileOutcomeStatus.Rejected"/> (another customer's fact, a refund of an unknown
    /// order, a cancellation the lifecycle refuses, …) with the input profile unchanged and the reason naming the field and value.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    public ProfileOutcome TryApply(ProfileRecord? profile, CustomerFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (profile is not null)
        {
            if (fact.Customer != profile.Customer)
            {
                return Outcome(ProfileOutcomeStatus.Rejected, profile, null, new Reason(
                    "profile.other-customer",
                    $"Customer: fact '{fact.Id}' is for customer '{fact.Customer}', not '{profile.Customer}'.",
                    new Dictionary<string, object?> { ["fact"] = fact.Id, ["customer"] = fact.Customer.ToString() }));
            }

            if (profile.LastFactAt > fact.OccurredAt && !profile.RecentFactIds.Contains(fact.Id))
            {
                return Outcome(ProfileOutcomeStatus.Late, profile, null, new Reason(
                    "profile.late",
                    $"OccurredAt: fact '{fact.Id}' occurred at {fact.OccurredAt}, before the profile's latest fact at {profile.LastFactAt}; replay the customer's history to include it.",
                    new Dictionary<string, object?> { ["fact"] = fact.Id, ["occurredAt"] = fact.OccurredAt, ["lastFactAt"] = profile.LastFactAt }));
            }
        }

        var draft = profile is null ? ProfileDraft.New(fact.Customer, _lifecycle.Create(fact.Customer, fact.OccurredAt), fact.OccurredAt) : ProfileDraft.From(profile);
        var (status, lifecycle, reason) = Fold(draft, fact, explained: true);
        return status == ProfileOutcomeStatus.Applied
            ? new ProfileOutcome(status, draft.ToProfile(), lifecycle, [])
            : Outcome(status, profile, lifecycle, reason!);
    }

    /// <summary>
    /// Folds a customer's whole history in occurrence order (ties by fact id), so the profile does not depend on the order
    /// the facts arrived in; duplicates are skipped and refused facts are reported, not applied.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="facts">Every fact of the customer, in any order, duplicates allowed.</param>
    /// <returns>Applied with the profile (null when there were no facts) and a reason per fact skipped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is default, or a fact is null or for another customer.</exception>
    public ProfileOutcome Replay(CustomerId customer, IEnumerable<CustomerFact> facts)
    {
        CustomerId.ThrowIfDefault(customer);
        ArgumentNullException.ThrowIfNull(facts);
        var ordered = facts.ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] is null)
            {
                throw new ArgumentException($"facts[{i}] is null.", nameof(facts));
            }

            if (ordered[i].Customer != customer)
            {
                throw new ArgumentException($"facts[{i}] ('{ordered[i].Id}') is for customer '{ordered[i].Customer}', not '{customer}'.", nameof(facts));
            }
        }

        Array.Sort(ordered, static (a, b) => a.OccurredAt != b.OccurredAt ? a.OccurredAt.CompareTo(b.OccurredAt) : string.CompareOrdinal(a.Id, b.Id));
        ProfileDraft? draft = null;
        var skipped = new List<Reason>();
        foreach (var fact in ordered)
        {
            var attempt = draft ?? ProfileDraft.New(customer, _lifecycle.Create(customer, fact.OccurredAt), fact.OccurredAt);
            var (status, _, reason) = Fold(attempt, fact, explained: false);
            if (status == ProfileOutcomeStatus.Applied)
            {
                draft = attempt;
            }
            else
            {
                skipped.Add(reason!);
            }
        }

        return new ProfileOutcome(ProfileOutcomeStatus.Applied, draft?.ToProfile(), null, skipped);
    }

    private static ProfileOutcome Outcome(ProfileOutcomeStatus status, ProfileRecord? profile, LifecycleOutcome? lifecycle, Reason reason)
        => new(status, profile, lifecycle, [reason]);

    /// <summary>Checks a fact against the draft, applies the lifecycle event it derives, and records it; the draft is
    /// changed only when the status is Applied. The lifecycle outcome is explained (and returned) only when asked for: a
    /// replay keeps the record alone, and the same record is made either way.</summary>
    private (ProfileOutcomeStatus Status, LifecycleOutcome? Lifecycle, Reason? Reason) Fold(ProfileDraft draft, CustomerFact fact, bool explained)
    {
        if (draft.HasSeen(fact.Id))
        {
            return (ProfileOutcomeStatus.Duplicate, null, new Reason(
                "profile.duplicate",
                $"Id: fact '{fact.Id}' was already applied; nothing changed.",
                new Dictionary<string, object?> { ["fact"] = fact.Id }));
        }

        if (_fold.Refusal(draft, fact) is { } refusal)
        {
            return (ProfileOutcomeStatus.Rejected, null, refusal);
        }

        LifecycleOutcome? lifecycle = null;
        LifecycleRecord? record = null;
        if (ProfileFold.LifecycleEventOf(fact) is { } @event)
        {
            if (explained)
            {
                lifecycle = _lifecycle.TryApply(draft.Lifecycle, @event);
                record = lifecycle.Status == LifecycleOutcomeStatus.Applied ? lifecycle.Record : null;
            }
            else
            {
                var applied = _lifecycle.ApplyUnexplained(draft.Lifecycle, @event);
                (lifecycle, record) = (applied.Refusal, applied.Record);
            }

            switch (lifecycle?.Status)
            {
                case LifecycleOutcomeStatus.Duplicate:
                    return (ProfileOutcomeStatus.Duplicate, lifecycle, lifecycle.Reasons[0]);
                case LifecycleOutcomeStatus.Late:
                    return (ProfileOutcomeStatus.Late, lifecycle, lifecycle.Reasons[0]);
                case LifecycleOutcomeStatus.Rejected:
                    return (ProfileOutcomeStatus.Rejected, lifecycle, lifecycle.Reasons[0]);
            }
        }

        _fold.Record(draft, fact);
        if (record is not null)
        {
            draft.Lifecycle = record;
        }

        if (_lead is not null && ProfileLead.IsLead(draft.Lifecycle))
        {
            _lead.Qualify(draft, fact.OccurredAt);
        }

        return (ProfileOutcomeStatus.Applied, lifecycle, null);
    }

    private static void CheckAsOf(ProfileRecord profile, Instant asOf, string paramName)
    {
        if (asOf < profile.LastFactAt || asOf > LifecycleLimits.MaxInstant)
        {
            throw new ArgumentOutOfRangeException(paramName, asOf, $"asOf: must not be before the profile's latest fact ({profile.LastFactAt}) of customer '{profile.Customer}' nor after {LifecycleLimits.MaxInstant} but was {asOf}.");
        }
    }
}
