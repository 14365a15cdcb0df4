using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

public sealed class LoyaltyLifecycleEventsTests
{
    [Fact]
    public void AReferral_EarnsTheReferralPoints_KeyedByTheEventsId()
    {
        var at = At(2026, 5, 4, 12);

        var activity = LoyaltyLifecycleEvents.ToActivity(LifecycleEvent.Create("ev-1", Member, LifecycleEventKind.Referral, at))!;
        var outcome = DefaultEngine.TryApply(null, activity);

        Assert.Equal(("lifecycle:ev-1", Member, at, LoyaltyActivityKind.ReferralConverted), (activity.Key, activity.Member, activity.At, activity.Kind));
        Assert.Equal((LoyaltyEntryKind.Earn, 500L, "loyalty.referral-converted"), (outcome.Entries[0].Kind, outcome.Entries[0].Points, outcome.Entries[0].RuleId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void AnNpsAnswer_EarnsTheSurveyPoints_WhateverTheScore(int score)
    {
        var activity = LoyaltyLifecycleEvents.ToActivity(LifecycleEvent.NpsAnswer("nps-1", Member, At(2026, 5, 4), score))!;

        var outcome = DefaultEngine.TryApply(null, activity);

        Assert.Equal(LoyaltyActivityKind.SurveyAnswered, activity.Kind);
        Assert.Equal(50, outcome.Entries[0].Points);
    }

    [Fact]
    public void TheSameEventDeliveredTwice_IsADuplicateInTheLedger()
    {
        var referral = LifecycleEvent.Create("ev-1", Member, LifecycleEventKind.Referral, At(2026, 5, 4));
        var first = DefaultEngine.TryApply(null, LoyaltyLifecycleEvents.ToActivity(referral)!);

        var second = DefaultEngine.TryApply(first.Record, LoyaltyLifecycleEvents.ToActivity(referral)!);

        Assert.Equal(LoyaltyOutcomeStatus.Duplicate, second.Status);
    }

    [Fact]
    public void OtherEvents_EarnNothing()
    {
        var at = At(2026, 5, 4);
        LifecycleEvent[] none =
        [
            .. Enum.GetValues<LifecycleEventKind>()
                .Where(k => k is not (LifecycleEventKind.Referral or LifecycleEventKind.NpsAnswer or LifecycleEventKind.HealthBandChanged or LifecycleEventKind.Custom))
                .Select(k => LifecycleEvent.Create($"ev-{k}", Member, k, at)),
            LifecycleEvent.HealthBandChanged("ev-band", Member, at, "AtRisk"),
            LifecycleEvent.Custom("ev-review", Member, at, "ReviewWritten"),
        ];

        Assert.All(none, e => Assert.Null(LoyaltyLifecycleEvents.ToActivity(e)));
        Assert.Equal(8, none.Length);
        Assert.Equal("lifecycleEvent", Assert.Throws<ArgumentNullException>(() => LoyaltyLifecycleEvents.ToActivity(null!)).ParamName);
    }
}
