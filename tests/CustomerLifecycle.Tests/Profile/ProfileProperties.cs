using CustomerLifecycle.Profile;
using CustomerLifecycle.Testing.Generators;
using CustomerLifecycle.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Testing.Generators.ProfileGenerators;

namespace CustomerLifecycle.Tests.Profile;

[Properties(Arbitrary = [typeof(ProfileArbitraries)], MaxTest = 200)]
public sealed class ProfileProperties
{
    // Lead scoring on, so that folding also re-qualifies prospects and applies the lifecycle events qualifications imply.
    private static readonly ProfileOptions DefaultPolicy = new() { Features = [.. Features], LeadScoring = LeadPolicy(), MaxLeadInteractions = 5 };
    private static readonly ProfileEngine Engine = new(DefaultPolicy);

    // Histories end within 730 days of Start.
    private static readonly Instant AsOf = Start + Duration.FromDays(800);

    [Property]
    public Property Replay_OfAnyArrivalOrderWithDuplicates_GivesTheSameProfile(IReadOnlyList<CustomerFact> history, int seed)
    {
        var random = new System.Random(seed);
        List<CustomerFact> arrived = [.. history.Concat(history.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next())];

        var a = Engine.Replay(Customer, history).Profile;
        var b = Engine.Replay(Customer, arrived).Profile;

        return Equals(a, b).Label($"{history.Count} facts, {arrived.Count} arrived");
    }

    [Property]
    public bool AProfileBuiltFactByFactInTimeOrder_EqualsTheReplayOfTheWholeHistory(IReadOnlyList<CustomerFact> history)
    {
        ProfileRecord? incremental = null;
        foreach (var fact in history.OrderBy(f => f.OccurredAt).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            incremental = Engine.TryApply(incremental, fact).Profile;
        }

        return Equals(incremental, Engine.Replay(Customer, history).Profile);
    }

    [Property]
    public bool ApplyingAnyFactTwice_EqualsApplyingItOnce(IReadOnlyList<CustomerFact> history)
    {
        ProfileRecord? once = null;
        ProfileRecord? twice = null;
        foreach (var fact in history.OrderBy(f => f.OccurredAt))
        {
            once = Engine.TryApply(once, fact).Profile;
            twice = Engine.TryApply(Engine.TryApply(twice, fact).Profile, fact).Profile;
        }

        return Equals(once, twice);
    }

    [Property]
    public Property AFactForAnotherCustomer_IsRejectedNamingTheCustomer_AndNothingIsApplied()
        => Prop.ForAll(History.ToArbitrary(), Fact(CustomerId.From("c-2"), "other").ToArbitrary(), (history, fact) =>
        {
            var profile = Engine.Replay(Customer, history).Profile;
            var outcome = Engine.TryApply(profile, fact);
            return (profile is null
                    || (outcome.Status == ProfileOutcomeStatus.Rejected
                        && ReferenceEquals(outcome.Profile, profile)
                        && outcome.Reasons.Single().Message == $"Customer: fact 'other' is for customer 'c-2', not 'c-1'."))
                .Label($"{history.Count} facts: {outcome.Status}");
        });

    [Property]
    public Property ARefundOfAnUnknownOrder_IsRejectedNamingTheOrder_AndNothingIsApplied(IReadOnlyList<CustomerFact> history)
    {
        var profile = Engine.Replay(Customer, history).Profile;
        if (profile is null)
        {
            return true.ToProperty();
        }

        var outcome = Engine.TryApply(profile, CustomerFact.Refund("refund-of-nothing", Customer, profile.LastFactAt, "never-ordered", 1));

        return (outcome.Status == ProfileOutcomeStatus.Rejected
                && ReferenceEquals(outcome.Profile, profile)
                && outcome.Reasons.Single().Message == $"OrderId: no order 'never-ordered' within the refund window (90 days) before {profile.LastFactAt}.")
            .Label(outcome.Reasons.FirstOrDefault()?.Message ?? outcome.Status.ToString());
    }

    [Property(MaxTest = 100)]
    public Property AProfilesSize_StaysWithinItsBounds_HoweverLongTheHistory()
        => Prop.ForAll(Policy.ToArbitrary(), HistoryOf(Customer, 300).ToArbitrary(), (policy, history) =>
        {
            var engine = new ProfileEngine(policy);
            ProfileRecord? profile = null;
            var facts = 0;
            foreach (var fact in history.OrderBy(f => f.OccurredAt))
            {
                profile = engine.TryApply(profile, fact).Profile;
                if (profile is not null && ++facts % 25 == 0)
                {
                    // Evaluations between facts keep the tier state and feed health bands to the lifecycle: still bounded.
                    profile = engine.Evaluate(profile, engine.Prepare([profile], fact.OccurredAt), fact.OccurredAt).Profile;
                }

                if (profile is not null && !WithinBounds(profile, policy))
                {
                    return false.Label($"after {fact}: orders {profile.RecentOrders.Length}, logins {profile.DailyLogins.Length}, usage {profile.MonthlyUsage.Length}, tickets {profile.OpenTickets.Length}/{profile.OpenComplaints.Length}/{profile.TicketOpenings.Length}, invoices {profile.OpenInvoices.Length}, ids {profile.RecentFactIds.Length}");
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 40)]
    public Property TheBatch_WritesWhatTheSingleEvaluationGives()
        => Prop.ForAll(Population(DefaultPolicy, 8).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (profiles, days) =>
        {
            var asOf = AsOf + Duration.FromDays(days);
            var population = Engine.Prepare(profiles, asOf);
            var results = new CustomerViewSummary[profiles.Length];

            var changed = Engine.Evaluate(profiles, population, asOf, results);

            var views = profiles.Select(p => Engine.Evaluate(p, population, asOf)).ToArray();
            return (changed == views.Count(v => v.Changed)
                    && views.Zip(results).All(pair => Same(pair.First, pair.Second)))
                .Label($"{profiles.Length} profiles at {asOf}");
        });

    [Property(MaxTest = 40)]
    public Property TheBatch_WritesWhatTheSingleEvaluationGives_AfterEarlierEvaluations()
        => Prop.ForAll(Population(DefaultPolicy, 8).ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 96)).ToArbitrary(), (profiles, hours) =>
        {
            // Evaluations every few hours, several on the same UTC day: the kept tier state and the band fed then matter. Every
            // other customer starts kept at the top tier, so that downgrades wait.
            var population = Engine.Prepare(profiles, AsOf);
            profiles = [.. profiles.Select((p, i) => i % 2 == 0 ? p : p with { Tier = new ProfileTierState(new TierState(0, 0), null, AsOf - Duration.FromDays(1)) })];
            var results = new CustomerViewSummary[profiles.Length];
            foreach (var at in hours.Order().Select(h => AsOf + Duration.FromHours(h)))
            {
                var changed = Engine.Evaluate(profiles, population, at, results);
                var views = profiles.Select(p => Engine.Evaluate(p, population, at)).ToArray();
                if (changed != views.Count(v => v.Changed) || !views.Zip(results).All(pair => Same(pair.First, pair.Second) && pair.First.Changed == pair.Second.Changed))
                {
                    return false.Label($"{profiles.Length} profiles at {at}");
                }

                profiles = [.. results.Select(r => r.Profile)];
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 60)]
    public Property EvaluatingTwiceAtTheSameInstant_IsEvaluatingOnce()
        => Prop.ForAll(Population(DefaultPolicy, 3).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (profiles, days) =>
        {
            var asOf = AsOf + Duration.FromDays(days);
            var population = Engine.Prepare(profiles, asOf);

            // As built, and kept at the top tier the day before (so that a downgrade may be waiting).
            var kept = profiles.Select(p => p with { Tier = new ProfileTierState(new TierState(0, 0), null, asOf - Duration.FromDays(1)) });
            return profiles.Concat(kept).All(p =>
            {
                var once = Engine.Evaluate(p, population, asOf);
                var twice = Engine.Evaluate(once.Profile, population, asOf);
                return !twice.Changed
                       && ReferenceEquals(once.Profile, twice.Profile)
                       && twice.Lifecycle.Transitions.Count == 0
                       && once.Tier.Assignment == twice.Tier.Assignment;
            }).ToProperty();
        });

    [Property(MaxTest = 60)]
    public Property TheEvaluationsBelow_NeverExceedTheUtcDaysEvaluated()
        => Prop.ForAll(ProfileGenerators.Profile(DefaultPolicy, Customer).ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 24 * 20)).ToArbitrary(), (profile, hours) =>
        {
            // Tiered alone, a customer is in the top value tier; kept at the top with a lower candidate, each UTC day evaluated
            // may count one evaluation below, never more.
            var population = Engine.Prepare([profile], AsOf);
            var kept = profile with { Tier = new ProfileTierState(new TierState(0, 0), null, AsOf - Duration.FromDays(1)) };
            var days = new HashSet<LocalDate>();
            foreach (var at in hours.Order().Select(h => AsOf + Duration.FromHours(h)))
            {
                days.Add(at.InUtc().Date);
                kept = Engine.Evaluate(kept, population, at).Profile;
                if (kept.Tier is { Current: { Tier: 0 } current } && current.EvaluationsBelow > days.Count)
                {
                    return false.Label($"{current.EvaluationsBelow} below after {days.Count} day(s)");
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 40)]
    public Property Explain_HasTheResultEvaluateGives()
        => Prop.ForAll(Population(DefaultPolicy, 5).ToArbitrary(), profiles =>
        {
            var population = Engine.Prepare(profiles, AsOf);
            return profiles.All(p =>
            {
                var view = Engine.Evaluate(p, population, AsOf);
                var why = Engine.Explain(p, population, AsOf);
                return Equals(why.Result.Profile, view.Profile)
                       && why.Result.Lifecycle.Transitions.SequenceEqual(view.Lifecycle.Transitions)
                       && why.Result.Rfm.Score == view.Rfm.Score
                       && why.Result.Tier.Assignment == view.Tier.Assignment
                       && why.Result.Contact.Due == view.Contact.Due
                       && why.Result.Health.Factors.SequenceEqual(view.Health.Factors)
                       && why.Result.Health.Score == view.Health.Score
                       && why.Result.Value == view.Value
                       && why.Result.Lead?.ToAssessment() == view.Lead?.ToAssessment()
                       && why.Subject == p.Customer.ToString();
            }).ToProperty();
        });

    private static bool Same(CustomerView view, CustomerViewSummary summary)
        => Equals(view.Profile, summary.Profile)
           && view.Lifecycle.Transitions.Count == summary.Transitions
           && view.Rfm.Score == summary.Rfm
           && view.Tier.Assignment == summary.Tier
           && view.Contact.Due == summary.Contact
           && view.Health.Status == summary.Health.Status
           && (view.Health.ComputedScore?.Value ?? 0) == summary.Health.Score
           && view.Health.ComputedBand == (summary.Health.BandIndex < 0 ? null : Engine.Health.BandName(summary.Health.BandIndex))
           && view.Value == summary.Value
           && view.Lead?.ToAssessment() == summary.Lead;

    private static bool WithinBounds(ProfileRecord profile, ProfileOptions policy)
        => profile.RecentOrders.Length <= policy.MaxRecentOrders
           && profile.DailyPurchases.Length <= Math.Max(policy.PurchaseWindowDays, 2 * policy.PurchaseTrendDays) + 1
           && profile.DailyLogins.Length <= policy.LoginWindowDays
           && profile.MonthlyUsage.Length <= (2 * policy.UsageTrendMonths) + 1
           && profile.FeaturesUsed.Length <= policy.Features.Count
           && profile.OpenTickets.Length <= policy.MaxOpenItems
           && profile.OpenComplaints.Length <= policy.MaxOpenItems
           && profile.TicketOpenings.Length <= policy.SupportWindowDays
           && profile.OpenInvoices.Length <= policy.MaxOpenItems
           && profile.RecentFactIds.Length <= policy.DuplicateWindow
           && profile.Lifecycle.RecentEventIds.Length <= policy.Lifecycle.DuplicateWindow
           && profile.LeadInteractions.Length <= (policy.LeadScoring is null ? 0 : policy.MaxLeadInteractions);
}
