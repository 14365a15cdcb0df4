using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Tests.Profile;

public sealed class LoyaltyFactsTests
{
    private static readonly CustomerId Ada = CustomerId.From("ada");
    private static readonly Instant At = Instant.FromUtc(2026, 12, 1, 10, 0);

    [Fact]
    public void APurchase_EarnsWithItsOrderAndAmount_KeyedByTheFactsId()
    {
        var command = LoyaltyFacts.ToCommand(CustomerFact.Purchase("p-1", Ada, At, "o-1", 120.5));

        Assert.Equal(new LoyaltyPurchase { Key = "fact:p-1", Member = Ada, At = At, OrderId = "o-1", Amount = 120.5m }, command);
    }

    [Fact]
    public void ARefund_TakesBackFromItsOrder()
    {
        var command = LoyaltyFacts.ToCommand(CustomerFact.Refund("r-1", Ada, At, "o-1", 0.1));

        Assert.Equal(new LoyaltyRefund { Key = "fact:r-1", Member = Ada, At = At, OrderId = "o-1", Amount = 0.1m }, command);
    }

    [Fact]
    public void ALogin_CountsTowardsTheLoginStreak()
        => Assert.Equal(new LoyaltyLogin { Key = "fact:l-1", Member = Ada, At = At }, LoyaltyFacts.ToCommand(CustomerFact.Login("l-1", Ada, At)));

    [Fact]
    public void SurveyAnswers_WhateverTheScore_AndReferrals_AreTheActivitiesLifecycleEventsEarn()
    {
        Assert.Equal(LoyaltyActivityKind.SurveyAnswered, Activity(CustomerFact.NpsAnswer("n-1", Ada, At, 0)).Kind);
        Assert.Equal(LoyaltyActivityKind.SurveyAnswered, Activity(CustomerFact.CsatAnswer("c-1", Ada, At, 5)).Kind);
        Assert.Equal(new LoyaltyActivity { Key = "fact:ref-1", Member = Ada, At = At, Kind = LoyaltyActivityKind.ReferralConverted }, Activity(CustomerFact.Referral("ref-1", Ada, At)));
        Assert.Equal(
            LoyaltyLifecycleEvents.ToActivity(LifecycleEvent.Create("ref-1", Ada, LifecycleEventKind.Referral, At))!.Kind,
            Activity(CustomerFact.Referral("ref-1", Ada, At)).Kind);
    }

    [Fact]
    public void AFreeOrder_AndFactsThatEarnNothing_MapToNoCommand()
    {
        Assert.Null(LoyaltyFacts.ToCommand(CustomerFact.Purchase("p-0", Ada, At, "o-0", 0)));
        Assert.Null(LoyaltyFacts.ToCommand(CustomerFact.FeatureUsage("u-1", Ada, At, "reports")));
        Assert.Null(LoyaltyFacts.ToCommand(CustomerFact.Contact("c-1", Ada, At, "email")));
        Assert.Null(LoyaltyFacts.ToCommand(CustomerFact.Cancellation("x-1", Ada, At)));
        Assert.Null(LoyaltyFacts.ToCommand(CustomerFact.TicketOpened("t-1", Ada, At, "t-1")));
    }

    [Fact]
    public void AnAmountNoDecimalHolds_IsRefusedByTheLedger_NotThrown()
    {
        var command = LoyaltyFacts.ToCommand(CustomerFact.Purchase("p-1", Ada, At, "o-1", 1e300))!;

        var outcome = new LoyaltyEngine(new LoyaltyOptions()).TryApply(null, command);

        Assert.Equal(LoyaltyOutcomeStatus.Rejected, outcome.Status);
        Assert.Equal("loyalty.invalid-command", outcome.Reasons.Single().Code);
        Assert.StartsWith("Amount: must be in (0, 1000000000] but was ", outcome.Reasons.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullFact_IsRefused()
        => Assert.Throws<ArgumentNullException>(() => LoyaltyFacts.ToCommand(null!));

    private static LoyaltyActivity Activity(CustomerFact fact) => Assert.IsType<LoyaltyActivity>(LoyaltyFacts.ToCommand(fact));
}
