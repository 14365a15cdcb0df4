using CustomerLifecycle.Internal;
using CustomerLifecycle.Health;
using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Lifecycle.Internal;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Profile;

public sealed partial class ProfileEngine
{
    /// <summary>Works out once what evaluating each customer needs from the whole population: the RFM cuts, the CLV models
    /// fitted to the customers who bought, and the revenue-share tier cuts of the value the policy ranks (the net spend, or
    /// the predicted CLV).</summary>
    /// <param name="population">Every customer's profile; none may be null.</param>
    /// <param name="asOf">The instant recency and the CLV models' age are measured to; not before any profile's latest fact.</param>
    /// <returns>The population step's result, a parameter of <see cref="Evaluate(ProfileRecord, LoyaltyRecord, ProfilePopulation, Instant)"/> and <see cref="Explain(ProfileRecord, LoyaltyRecord, ProfilePopulation, Instant)"/>.</returns>
    /// <exception cref="ArgumentException">A profile is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before a profile's latest fact.</exception>
    public ProfilePopulation Prepare(ReadOnlySpan<ProfileRecord> population, Instant asOf)
    {
        CheckAll(population, asOf, nameof(population));
        var rfm = new RfmSummary[population.Length];
        var buyers = new List<CustomerSummary>(population.Length);
        for (var i = 0; i < population.Length; i++)
        {
            rfm[i] = ProfileSignals.Rfm(population[i]);
            if (_signals.Value(population[i], asOf) is { } summary)
            {
                buyers.Add(summary);
            }
        }

        var fit = _value.Fit([.. buyers]);
        var values = new double[population.Length];
        for (var i = 0; i < population.Length; i++)
        {
            values[i] = TierValue(population[i], fit.Model, fit.Model is null ? null : Predict(population[i], fit.Model, asOf));
        }

        return new ProfilePopulation(asOf, population.Length, _tiering.ComputeRfmCuts(rfm, asOf), _tiering.ComputeValueCuts(values), fit, _populationFingerprint);
    }

    /// <summary>Evaluates one customer at an instant with every engine, and with a loyalty programme the customer's ledger.</summary>
    /// <param name="profile">The customer's profile.</param>
    /// <param name="loyalty">The customer's loyalty ledger, kept beside the profile; null when the customer has none (or the policy has no programme).</param>
    /// <param name="population">The population step's result, from <see cref="Prepare"/> of this engine.</param>
    /// <param name="asOf">The instant to evaluate at; not before the profile's latest fact (nor, for a statement that reads as of then, the ledger's latest entry).</param>
    /// <returns>The view: the lifecycle outcome at <paramref name="asOf"/> (the time-based rules due by then, and the health band
    /// fed as a <see cref="LifecycleEventKind.HealthBandChanged"/> event when it differs from the band last fed), RFM, the tier
    /// (the loyalty tier's level read by the tier rules) with the hysteresis state the profile keeps (one evaluation per UTC
    /// day, see <see cref="ProfileTierState"/>) and its contact plan, health with every factor derived from the facts, the CLV
    /// prediction and, with a programme, the loyalty statement; with the profile to save when any of this changed it
    /// (<see cref="CustomerView.Changed"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> or <paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="loyalty"/> is another member's, or given when the policy has no programme;
    /// or <paramref name="population"/> was prepared under other RFM scoring, tier definitions, CLV settings or tier value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the profile's latest fact.</exception>
    public CustomerView Evaluate(ProfileRecord profile, LoyaltyRecord? loyalty, ProfilePopulation population, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CheckPopulation(population);
        CheckAsOf(profile, asOf, nameof(asOf));
        CheckLedger(profile, loyalty, -1);
        var statement = _loyalty?.Evaluate(loyalty ?? new LoyaltyRecord { Member = profile.Customer }, asOf);

        // Health reads the facts only (no factor looks at the stage), so it is computed first and its band fed to the lifecycle.
        var health = _health.Evaluate(_signals.Health(profile, asOf), asOf);
        var lifecycle = FeedHealthBand(profile.Lifecycle, health.Band, asOf) ?? _lifecycle.Evaluate(profile.Lifecycle, asOf);
        var after = lifecycle.Changed ? profile with { Lifecycle = lifecycle.Record! } : profile;
        var prediction = Predict(after, population, asOf);
        var rfm = _tiering.ScoreRfm(ProfileSignals.Rfm(after), population.Rfm, asOf);
        var previousTier = ProfileTierHysteresis.Previous(after.Tier, asOf, _tiering.TierNames.Length);
        var tierInput = _signals.Tier(after, TierValue(after, population.Model, prediction), asOf) with { Previous = previousTier, LoyaltyLevel = statement?.Balance.TierLevel ?? 0 };
        var tier = _tiering.Evaluate(tierInput, population.ValueTiers, asOf);
        after = ProfileTierHysteresis.Advance(after, tier.Assignment.State, asOf);
        var contact = _tiering.PlanContact(ProfileSignals.Contact(after, tier.Assignment.Tier), asOf);
        return new CustomerView(after, asOf, lifecycle, rfm, tier, contact, health, prediction)
        {
            Lead = _lead is not null && ProfileLead.IsLead(after.Lifecycle) ? _lead.Engine.Evaluate(_lead.Input(after), asOf) : null,
            Loyalty = statement,
            Changed = !ReferenceEquals(after, profile),
        };
    }

    /// <summary>
    /// Evaluates many customers at one instant, writing compact outputs; every step goes through its engine's batch path
    /// against the population's cuts and model, so nothing is allocated for a customer whose profile does not change (nor,
    /// once the loyalty sweep has replayed a ledger instance, for its balance).
    /// </summary>
    /// <param name="profiles">The profiles; none may be null.</param>
    /// <param name="loyalty">The customers' loyalty ledgers, parallel to <paramref name="profiles"/> (null for a customer who has
    /// none); or empty when no customer has one.</param>
    /// <param name="population">The population step's result, from <see cref="Prepare"/> of this engine.</param>
    /// <param name="asOf">The instant to evaluate at; not before any profile's latest fact.</param>
    /// <param name="outputs">Receives one summary per profile, at the same index; at least as long as <paramref name="profiles"/>.</param>
    /// <returns>How many profiles changed (a time-based lifecycle rule fired, the health band fed changed, or the tier state advanced).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="population"/> was prepared under other RFM scoring, tier definitions, CLV
    /// settings or tier value; <paramref name="outputs"/> is shorter than <paramref name="profiles"/>, a profile is null,
    /// <paramref name="loyalty"/> is neither empty nor as long as <paramref name="profiles"/>, or a ledger is another member's or
    /// given when the policy has no programme (nothing is written then).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before a profile's latest fact (nothing is written then).</exception>
    public int Evaluate(ReadOnlySpan<ProfileRecord> profiles, ReadOnlySpan<LoyaltyRecord?> loyalty, ProfilePopulation population, Instant asOf, Span<CustomerViewSummary> outputs)
    {
        CheckPopulation(population);
        Guard.LongEnough(outputs.Length, profiles.Length);

        CheckAll(profiles, asOf, nameof(profiles));
        CheckLedgers(profiles, loyalty);
        var changed = 0;
        string?[]? bandEventIds = null;
        for (var i = 0; i < profiles.Length; i++)
        {
            var profile = profiles[i];
            var healthInput = _signals.Health(profile, asOf);
            var health = default(HealthScoreSummary);
            _health.Evaluate(new ReadOnlySpan<HealthInput>(in healthInput), asOf, new Span<HealthScoreSummary>(ref health));
            var band = health.Status == HealthStatus.Scored ? _health.BandName(health.BandIndex) : null;
            // The profile is copied once, at the end, with what changed. Until then the signals read the profile as it came:
            // the lifecycle fields they read (first and last purchase, last contact, latest NPS) are the facts', which
            // neither a time rule nor the band fed changes.
            LifecycleRecord? lifecycle;
            int transitions;
            if (FeedHealthBand(profile.Lifecycle, band, health.BandIndex, asOf, ref bandEventIds) is { } fed)
            {
                // The band changed, so the profile changes anyway: applying the event, which allocates, is fine here.
                (lifecycle, transitions) = (fed.Record, fed.Transitions);
            }
            else
            {
                var record = profile.Lifecycle;
                var sweep = default(LifecycleSweepResult);
                _lifecycle.Evaluate(new ReadOnlySpan<LifecycleRecord>(in record), asOf, new Span<LifecycleSweepResult>(ref sweep));
                (lifecycle, transitions) = (sweep.Changed ? sweep.Record : null, sweep.Transitions);
            }

            var balance = Balance(profile.Customer, loyalty.IsEmpty ? null : loyalty[i], asOf);
            var prediction = Predict(profile, population, asOf);
            var rfmInput = ProfileSignals.Rfm(profile);
            var rfm = default(RfmScore);
            _tiering.ScoreRfm(new ReadOnlySpan<RfmSummary>(in rfmInput), population.Rfm, asOf, new Span<RfmScore>(ref rfm));
            var tierInput = _signals.Tier(profile, TierValue(profile, population.Model, prediction), asOf) with
            {
                Previous = ProfileTierHysteresis.Previous(profile.Tier, asOf, _tiering.TierNames.Length),
                LoyaltyLevel = balance?.TierLevel ?? 0,
            };
            var tier = default(TierAssignment);
            _tiering.Evaluate(new ReadOnlySpan<TierInput>(in tierInput), population.ValueTiers, asOf, new Span<TierAssignment>(ref tier));
            var contactInput = ProfileSignals.Contact(profile, tier.Tier);
            var contact = default(ContactDue);
            _tiering.PlanContacts(new ReadOnlySpan<ContactInput>(in contactInput), asOf, new Span<ContactDue>(ref contact));
            var tierState = ProfileTierHysteresis.Next(profile.Tier, tier.State, asOf);
            if (lifecycle is not null || tierState is not null)
            {
                profile = profile with { Lifecycle = lifecycle ?? profile.Lifecycle, Tier = tierState ?? profile.Tier };
            }

            var profileChanged = !ReferenceEquals(profile, profiles[i]);
            changed += profileChanged ? 1 : 0;
            outputs[i] = new CustomerViewSummary(profile, transitions, rfm, tier, contact, health, prediction)
            {
                // A prospect's lead input is built per evaluation (the one allocation of the batch, for never-bought customers only).
                Lead = _lead is not null && ProfileLead.IsLead(profile.Lifecycle) ? _lead.Assess(_lead.Input(profile), asOf) : null,
                Loyalty = balance,
                Changed = profileChanged,
            };
        }

        return changed;
    }

    /// <summary>Evaluates one customer and explains the view, for the few customers a person looks at.</summary>
    /// <param name="profile">The customer's profile.</param>
    /// <param name="loyalty">The customer's loyalty ledger, kept beside the profile; null when the customer has none (or the policy has no programme).</param>
    /// <param name="population">The population step's result, from <see cref="Prepare"/> of this engine.</param>
    /// <param name="asOf">The instant to evaluate at; not before the profile's latest fact.</param>
    /// <returns>
    /// The view <see cref="Evaluate(ProfileRecord, LoyaltyRecord, ProfilePopulation, Instant)"/> returns, with a one-line decision such as
    /// <c>"Growing · Key · Healthy 86 · CLV 240.10"</c> (with a programme ending <c>" · loyalty 120 available, 0 pending, tier Silver"</c>)
    /// and every engine's reasons, their codes keeping their engine's prefix (<c>lifecycle.</c>, <c>tiering.</c>, <c>health.</c>,
    /// <c>value.</c>, <c>leads.</c>, <c>loyalty.</c>), plus <c>profile.health-band</c> first when the evaluation fed a changed
    /// health band to the lifecycle, <c>profile.tier-value</c> naming the value the tiers ranked (the net spend or the predicted
    /// CLV), <c>profile.tier-state</c> saying whether the evaluation counted for the tier hysteresis, and <c>profile.no-clv</c>
    /// when there is no prediction.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> or <paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="loyalty"/> is another member's, or given when the policy has no programme;
    /// or <paramref name="population"/> was prepared under other RFM scoring, tier definitions, CLV settings or tier value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the profile's latest fact.</exception>
    public Explanation<CustomerView> Explain(ProfileRecord profile, LoyaltyRecord? loyalty, ProfilePopulation population, Instant asOf)
    {
        var view = Evaluate(profile, loyalty, population, asOf);
        var summary = _signals.Value(view.Profile, asOf);
        var valueReasons = view.Value is { } prediction && summary is { } s && population.Model is { } model
            ? ValueExplanation.Reasons(s, model, prediction, _value.HorizonPeriods, _margin, _discountRate)
            : [ProfileExplanation.NoClv(summary is null, population)];
        var tierValue = ProfileExplanation.TierValue(_tierByClv && population.Model is not null, TierValue(view.Profile, population.Model, view.Value));
        IReadOnlyList<Reason> leadReasons = view.Lead is { } lead && _lead is not null
            ? [ProfileExplanation.Lead(lead, view.Profile), .. LeadScoringExplanation.Reasons(lead, _lead.Engine)]
            : [];
        var tierState = ProfileExplanation.TierState(profile.Tier, ProfileTierHysteresis.Previous(profile.Tier, asOf, _tiering.TierNames.Length), asOf, _tiering.TierNames);
        var healthBandFed = ProfileExplanation.HealthBandFed(profile.Lifecycle.HealthBand, view);
        return new Explanation<CustomerView>(
            profile.Customer.ToString(),
            ProfileExplanation.Decision(view),
            view,
            ProfileExplanation.Reasons(view, healthBandFed, tierValue, tierState, valueReasons, leadReasons, LoyaltyReasons(view, loyalty)));
    }

    /// <summary>The lifecycle at <paramref name="asOf"/> when the health band differs from the band last fed: the band applied
    /// as a <see cref="LifecycleEventKind.HealthBandChanged"/> event at <paramref name="asOf"/>, after the time-based rules due
    /// by then (applying an event fires them first, with the band last fed); null when there is nothing to feed or the record
    /// refuses the event (it has seen a later instant, or the event already), and the record is then only evaluated.</summary>
    private LifecycleOutcome? FeedHealthBand(LifecycleRecord record, string? band, Instant asOf)
        => ProfileHealthBand.Event(record, band, asOf) is { } fed && _lifecycle.TryApply(record, fed) is { Status: LifecycleOutcomeStatus.Applied } outcome
            ? outcome
            : null;

    /// <summary>What <see cref="FeedHealthBand(LifecycleRecord, string, Instant)"/> makes of the record, for the batch, which
    /// keeps the record and counts its transitions: the same record, applied unexplained, its event's id made once per band
    /// and batch (in <paramref name="eventIds"/>, by band index) rather than once per customer.</summary>
    private LifecycleApplied? FeedHealthBand(LifecycleRecord record, string? band, int bandIndex, Instant asOf, ref string?[]? eventIds)
    {
        if (!ProfileHealthBand.IsNew(record, band))
        {
            return null;
        }

        eventIds ??= new string?[_health.BandNames.Count];
        var id = eventIds[bandIndex] ??= ProfileHealthBand.EventId(band, asOf);
        var applied = _lifecycle.ApplyUnexplained(record, LifecycleEvent.HealthBandChanged(id, record.Customer, asOf, band));
        return applied.Refusal is null ? applied : null;
    }

    /// <summary>Whether <paramref name="population"/> was prepared under this engine's RFM scoring, tiers' revenue shares, CLV
    /// settings and tier value (by any engine of such a policy, in any process), so that this engine evaluates against it.</summary>
    /// <param name="population">The population step's result.</param>
    /// <returns><see langword="true"/> when <see cref="Evaluate(ProfileRecord, LoyaltyRecord, ProfilePopulation, Instant)"/> accepts it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    public bool Accepts(ProfilePopulation population)
    {
        ArgumentNullException.ThrowIfNull(population);
        return population.PolicyFingerprint == _populationFingerprint;
    }

    private void CheckPopulation(ProfilePopulation population)
    {
        if (!Accepts(population))
        {
            throw new ArgumentException(
                "population: was prepared under other RFM scoring, tier definitions, CLV settings or tier value than this engine's policy; prepare it with the Prepare of an engine of this policy.",
                nameof(population));
        }
    }

    private ValuePrediction? Predict(ProfileRecord profile, ProfilePopulation population, Instant asOf)
        => population.Model is { } model ? Predict(profile, model, asOf) : null;

    private ValuePrediction? Predict(ProfileRecord profile, ValueModel model, Instant asOf)
        => _signals.Value(profile, asOf) is { } summary ? _value.Evaluate(summary, model) : null;

    /// <summary>The value the tiers rank: the net spend, or the predicted CLV when the policy says so and there is a model
    /// (0 for a customer without a finite prediction, who never bought).</summary>
    private double TierValue(ProfileRecord profile, ValueModel? model, ValuePrediction? prediction)
        => _tierByClv && model is not null ? (prediction is { Clv: var clv } && double.IsFinite(clv) ? clv : 0) : profile.NetSpend;

    private static void CheckAll(ReadOnlySpan<ProfileRecord> profiles, Instant asOf, string paramName)
    {
        for (var i = 0; i < profiles.Length; i++)
        {
            if (profiles[i] is null)
            {
                throw new ArgumentException($"{paramName}[{i}] is null.", paramName);
            }

            CheckAsOf(profiles[i], asOf, nameof(asOf));
        }
    }
}
