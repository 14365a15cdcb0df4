using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Profile;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

/// <summary>
/// The health band fed back to the lifecycle, on ada of <see cref="ProfileTestKit"/> (Growing, Healthy 87 on 2027-01-01,
/// ProfileExampleTests). On 2027-01-05 she answers NPS 0 and opens two complaints; on 2027-01-20 her logins in the 28 days
/// (Dec 24, 26, 28) are 0.75 a week → 25, feature adoption 50, usage trend 100 (12 in Oct–Dec against 8 in Jul–Sep),
/// support load 2 → 60, NPS 0 → 0, no invoice open → 100: (25·25 + 20·50 + 15·100 + 15·60 + 15·0 + 10·100) / 100 = 50.25,
/// AtRisk, and the default policy's declining-health moves a Growing customer in band AtRisk to Declining.
/// </summary>
public sealed class ProfileHealthBandTests
{
    private static readonly ProfilePopulation Prepared = Engine.Prepare(Population(), AsOf);
    private static readonly ProfileRecord Ada = Build(ProfileTestKit.Ada, AdaFacts());
    private static readonly NodaTime.Instant Later = NodaTime.Instant.FromUtc(2027, 1, 20, 0, 0);

    /// <summary>ada evaluated (and saved) on 2027-01-01, then the NPS answer and two complaints of 2027-01-05.</summary>
    private static ProfileRecord AdaAfterTheComplaints()
    {
        var profile = Engine.Evaluate(Ada, Prepared, AsOf).Profile;
        CustomerFact[] facts =
        [
            CustomerFact.NpsAnswer("ada-n2", ProfileTestKit.Ada, At(2027, 1, 5), 0),
            CustomerFact.ComplaintOpened("ada-c1", ProfileTestKit.Ada, At(2027, 1, 5), "c-1"),
            CustomerFact.ComplaintOpened("ada-c2", ProfileTestKit.Ada, At(2027, 1, 5), "c-2"),
        ];
        foreach (var fact in facts)
        {
            profile = Engine.TryApply(profile, fact).Profile!;
        }

        return profile;
    }

    [Fact]
    public void TheFirstEvaluation_FeedsTheBand_WithoutMovingAHealthyCustomer()
    {
        var view = Engine.Evaluate(Ada, Prepared, AsOf);

        Assert.Null(Ada.Lifecycle.HealthBand);
        Assert.Equal(("Healthy", "Growing"), (view.Profile.Lifecycle.HealthBand, view.Profile.Lifecycle.Stage));
        Assert.Empty(view.Lifecycle.Transitions);
        Assert.True(view.Changed);
    }

    [Fact]
    public void AHealthDropToAtRisk_MovesTheStageToDeclining_AtTheEvaluation()
    {
        var profile = AdaAfterTheComplaints();

        var view = Engine.Evaluate(profile, Prepared, Later);

        Assert.Equal(("AtRisk", 50.25), (view.Health.Band, Math.Round(view.Health.Score!.Value.Value, 2)));
        var transition = Assert.Single(view.Lifecycle.Transitions);
        Assert.Equal(("Growing", "Declining", Later, "declining-health"), (transition.From, transition.To, transition.At, transition.RuleId));
        Assert.Equal(("Declining", "AtRisk"), (view.Profile.Lifecycle.Stage, view.Profile.Lifecycle.HealthBand));
        Assert.True(view.Changed);
    }

    [Fact]
    public void Explain_NamesTheBandFed_BeforeTheTransitionItFired()
    {
        var why = Engine.Explain(AdaAfterTheComplaints(), Prepared, Later);

        Assert.Equal("profile.health-band", why.Reasons[0].Code);
        Assert.Equal(
            "Health band AtRisk differs from the band last fed to the lifecycle (Healthy): fed as event 'profile:health-band:AtRisk:2027-01-20T00:00:00Z' at 2027-01-20T00:00:00Z.",
            why.Reasons[0].Message);
        Assert.Equal("lifecycle.health-band", why.Reasons[1].Code);
        Assert.StartsWith("Declining · ", why.Decision, StringComparison.Ordinal);
        Assert.Single(why.Reasons, r => r.Code == "profile.health-band");
    }

    [Fact]
    public void ReEvaluating_IsNeverASecondTransition()
    {
        var profile = AdaAfterTheComplaints();
        var first = Engine.Evaluate(profile, Prepared, Later);

        var unsavedAgain = Engine.Evaluate(profile, Prepared, Later);
        var savedAgain = Engine.Evaluate(first.Profile, Prepared, Later);
        var fedAgain = Engine.Lifecycle.TryApply(first.Profile.Lifecycle, LifecycleEvent.HealthBandChanged("profile:health-band:AtRisk:2027-01-20T00:00:00Z", ProfileTestKit.Ada, Later, "AtRisk"));

        Assert.Equal(first.Profile, unsavedAgain.Profile);
        Assert.Empty(savedAgain.Lifecycle.Transitions);
        Assert.Same(first.Profile, savedAgain.Profile);
        Assert.Equal(LifecycleOutcomeStatus.Duplicate, fedAgain.Status);
        Assert.DoesNotContain(Engine.Explain(first.Profile, Prepared, Later).Reasons, r => r.Code == "profile.health-band");
    }

    [Fact]
    public void AFactBeforeTheBandFed_ThatDerivesALifecycleEvent_IsLate()
    {
        var saved = Engine.Evaluate(AdaAfterTheComplaints(), Prepared, Later).Profile;

        var login = Engine.TryApply(saved, CustomerFact.Login("ada-l-late", ProfileTestKit.Ada, Later - NodaTime.Duration.FromDays(1)));
        var ticket = Engine.TryApply(saved, CustomerFact.TicketOpened("ada-t-late", ProfileTestKit.Ada, Later - NodaTime.Duration.FromDays(1), "t-9"));

        Assert.Equal(ProfileOutcomeStatus.Late, login.Status);
        Assert.Same(saved, login.Profile);
        Assert.Equal(ProfileOutcomeStatus.Applied, ticket.Status);
    }

    [Fact]
    public void TheBatch_FeedsTheBandAsTheSingleEvaluationDoes()
    {
        var profile = AdaAfterTheComplaints();
        var outputs = new CustomerViewSummary[1];

        var changed = Engine.Evaluate([profile], Prepared, Later, outputs);

        Assert.Equal((1, 1, true), (changed, outputs[0].Transitions, outputs[0].Changed));
        Assert.Equal(Engine.Evaluate(profile, Prepared, Later).Profile, outputs[0].Profile);
    }

    [Fact]
    public void AnUnscoredCustomer_FeedsNoBand()
    {
        // A policy whose one factor is the NPS cannot score eve, who never answered a survey: there is no band to feed.
        var policy = new ProfileOptions();
        policy.Health.Factors.RemoveAll(f => f.Id != "nps");
        policy.Health.Trend.UsageDrops.Clear();
        var engine = new ProfileEngine(policy);
        var eve = engine.Replay(Eve, EveFacts()).Profile!;

        var view = engine.Evaluate(eve, engine.Prepare([eve], AsOf), AsOf);

        Assert.Null(view.Health.Band);
        Assert.Null(view.Profile.Lifecycle.HealthBand);
        Assert.Equal("Onboarding", view.Profile.Lifecycle.Stage);
    }
}
