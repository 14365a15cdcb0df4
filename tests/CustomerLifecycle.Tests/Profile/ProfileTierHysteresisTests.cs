using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using NodaTime;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

/// <summary>
/// The tier hysteresis kept in the profile, on ada of <see cref="ProfileTestKit"/>: her rules give Key (value tier Potential,
/// growth potential and at least one login a week: 3 a week on 2027-01-01 and 01-02, 11 logins = 2.75 on 01-03). Stored as
/// Core, she waits for the default policy's 3 evaluations below, one per UTC day, then moves down one tier.
/// </summary>
public sealed class ProfileTierHysteresisTests
{
    private static readonly ProfilePopulation Prepared = Engine.Prepare(Population(), AsOf);
    private static readonly ProfileRecord Ada = Build(ProfileTestKit.Ada, AdaFacts());

    /// <summary>ada kept at Core by an evaluation the day before.</summary>
    private static ProfileRecord AdaAtCore() => Ada with { Tier = new ProfileTierState(new TierState(0, 0), null, AsOf - Duration.FromDays(1)) };

    [Fact]
    public void ACustomerDropsATier_OnlyAfterThreeEvaluationsBelow_OnePerUtcDay()
    {
        var day1 = Engine.Evaluate(AdaAtCore(), Prepared, AsOf);
        var laterThatDay = Engine.Evaluate(day1.Profile, Prepared, AsOf + Duration.FromHours(20));
        var day2 = Engine.Evaluate(laterThatDay.Profile, Prepared, AsOf + Duration.FromDays(1));
        var day3 = Engine.Evaluate(day2.Profile, Prepared, AsOf + Duration.FromDays(2));

        Assert.Equal(("Core", 1, true), (day1.Tier.Assignment.TierName, day1.Tier.Assignment.CandidateTier, day1.Tier.Assignment.DowngradePending));
        Assert.Equal(new ProfileTierState(new TierState(0, 1), new TierState(0, 0), AsOf), day1.Profile.Tier);

        // The same UTC day again starts from the state before the day's advance: still one evaluation below, nothing to save.
        Assert.Equal(new TierState(0, 1), laterThatDay.Tier.Assignment.State);
        Assert.False(laterThatDay.Changed);
        Assert.Same(day1.Profile, laterThatDay.Profile);

        Assert.Equal(("Core", new TierState(0, 2)), (day2.Tier.Assignment.TierName, day2.Tier.Assignment.State));
        Assert.Equal(("Key", new TierState(1, 0), false), (day3.Tier.Assignment.TierName, day3.Tier.Assignment.State, day3.Tier.Assignment.DowngradePending));
        Assert.Contains(day3.Tier.Reasons, r => r.Code == "tiering.downgrade");
        Assert.Equal(new ProfileTierState(new TierState(1, 0), new TierState(0, 2), AsOf + Duration.FromDays(2)), day3.Profile.Tier);
    }

    [Fact]
    public void EvaluatingAgainAtTheSameInstant_DoesNotCountAnotherEvaluationBelow()
    {
        var once = Engine.Evaluate(AdaAtCore(), Prepared, AsOf);
        var twice = Engine.Evaluate(once.Profile, Prepared, AsOf);
        var thrice = Engine.Evaluate(twice.Profile, Prepared, AsOf);

        Assert.Equal(once.Tier.Assignment, thrice.Tier.Assignment);
        Assert.Same(once.Profile, thrice.Profile);
        Assert.False(twice.Changed || thrice.Changed);
    }

    [Fact]
    public void AnEvaluationBeforeTheLastAdvance_ReadsFromTheStateBeforeIt_AndSavesNothing()
    {
        var day2 = Engine.Evaluate(Engine.Evaluate(AdaAtCore(), Prepared, AsOf).Profile, Prepared, AsOf + Duration.FromDays(1));

        var earlier = Engine.Evaluate(day2.Profile, Prepared, AsOf + Duration.FromHours(12));

        Assert.Equal(new TierState(0, 2), earlier.Tier.Assignment.State);
        Assert.Same(day2.Profile, earlier.Profile);
    }

    [Fact]
    public void ASteadyTier_IsNoChangeToSave()
    {
        var first = Engine.Evaluate(Ada, Prepared, AsOf);
        var nextDay = Engine.Evaluate(first.Profile, Prepared, AsOf + Duration.FromDays(1));

        Assert.Equal(new ProfileTierState(new TierState(1, 0), null, AsOf), first.Profile.Tier);
        Assert.Equal("Key", nextDay.Tier.Assignment.TierName);
        Assert.False(nextDay.Changed);
    }

    [Fact]
    public void AKeptTierThePolicyNoLongerHas_IsIgnored()
    {
        var stale = Ada with { Tier = new ProfileTierState(new TierState(7, 2), null, AsOf - Duration.FromDays(1)) };

        var view = Engine.Evaluate(stale, Prepared, AsOf);

        Assert.Equal(("Key", new TierState(1, 0)), (view.Tier.Assignment.TierName, view.Tier.Assignment.State));
        Assert.Equal(new ProfileTierState(new TierState(1, 0), new TierState(7, 2), AsOf), view.Profile.Tier);
    }

    [Fact]
    public void Explain_SaysWhetherTheEvaluationCountedForTheHysteresis()
    {
        var counted = Engine.Explain(AdaAtCore(), Prepared, AsOf);
        var again = Engine.Explain(counted.Result.Profile, Prepared, AsOf);
        var first = Engine.Explain(Ada, Prepared, AsOf);

        Assert.Equal(
            "The tier evaluation counts: its UTC day is after the tier state's last advance at 2026-12-31T00:00:00Z; it starts from Core with 0 evaluation(s) below.",
            counted.Reasons.Single(r => r.Code == "profile.tier-state").Message);
        Assert.Equal(
            "The tier evaluation does not count again: the tier state last advanced at 2027-01-01T00:00:00Z, on the same UTC day or later; it starts from the state before that advance, Core with 0 evaluation(s) below.",
            again.Reasons.Single(r => r.Code == "profile.tier-state").Message);
        Assert.Equal(
            "First tier evaluation: there is no tier state yet, so no downgrade waits.",
            first.Reasons.Single(r => r.Code == "profile.tier-state").Message);
        Assert.StartsWith("Growing · Core · Healthy 87 · ", counted.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBatch_KeepsTheSameTierStateAsTheSingleEvaluation()
    {
        var outputs = new CustomerViewSummary[1];

        var changed = Engine.Evaluate([AdaAtCore()], Prepared, AsOf, outputs);

        Assert.Equal(1, changed);
        Assert.Equal(Engine.Evaluate(AdaAtCore(), Prepared, AsOf).Profile, outputs[0].Profile);
        Assert.Equal((new TierState(0, 1), true), (outputs[0].Tier.State, outputs[0].Changed));
    }
}
