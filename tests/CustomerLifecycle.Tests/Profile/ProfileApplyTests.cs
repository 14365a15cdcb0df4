using CustomerLifecycle.Profile;
using NodaTime;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

public sealed class ProfileApplyTests
{
    private static readonly ProfileRecord Bought = Engine.TryApply(null, CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 50)).Profile!;

    [Fact]
    public void AFirstPurchase_StartsAProfile_AndMovesTheLifecycleToOnboarding()
    {
        var outcome = Engine.TryApply(null, CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 50));

        Assert.Equal(ProfileOutcomeStatus.Applied, outcome.Status);
        Assert.True(outcome.Changed);
        Assert.Equal("Onboarding", outcome.Profile!.Lifecycle.Stage);
        Assert.Equal("Onboarding", outcome.Lifecycle!.Record!.Stage);
        Assert.Equal((1, 50.0, 1, 0.0), (outcome.Profile.PurchaseCount, outcome.Profile.NetSpend, outcome.Profile.PurchaseDays, outcome.Profile.RepeatSpend));
        Assert.Equal([new ProfileOrder("o-1", At(2026, 12, 1), 50, 0)], outcome.Profile.RecentOrders.ToArray());
        Assert.Equal(["p-1"], outcome.Profile.RecentFactIds.ToArray());
    }

    [Fact]
    public void AFactSeenBefore_IsADuplicate_AndChangesNothing()
    {
        var outcome = Engine.TryApply(Bought, CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 50));

        Assert.Equal(ProfileOutcomeStatus.Duplicate, outcome.Status);
        Assert.False(outcome.Changed);
        Assert.Same(Bought, outcome.Profile);
        Assert.Equal("Id: fact 'p-1' was already applied; nothing changed.", outcome.Reasons.Single().Message);
    }

    [Fact]
    public void AnOlderFact_IsLate_AndChangesNothing()
    {
        var outcome = Engine.TryApply(Bought, CustomerFact.Login("l-1", Ada, At(2026, 11, 30)));

        Assert.Equal(ProfileOutcomeStatus.Late, outcome.Status);
        Assert.Same(Bought, outcome.Profile);
        Assert.Equal(
            "OccurredAt: fact 'l-1' occurred at 2026-11-30T10:00:00Z, before the profile's latest fact at 2026-12-01T10:00:00Z; replay the customer's history to include it.",
            outcome.Reasons.Single().Message);
    }

    public static TheoryData<CustomerFact, string, string> Refused() => new()
    {
        { CustomerFact.Login("l-1", Bob, At(2026, 12, 2)), "profile.other-customer", "Customer: fact 'l-1' is for customer 'bob', not 'ada'." },
        { CustomerFact.Refund("r-1", Ada, At(2026, 12, 2), "o-9", 10), "profile.unknown-order", "OrderId: no order 'o-9' within the refund window (90 days) before 2026-12-02T10:00:00Z." },
        { CustomerFact.Refund("r-1", Ada, At(2027, 3, 2), "o-1", 10), "profile.unknown-order", "OrderId: no order 'o-1' within the refund window (90 days) before 2027-03-02T10:00:00Z." },
        { CustomerFact.Refund("r-1", Ada, At(2026, 12, 2), "o-1", 60), "profile.refund-exceeds-order", "Amount: a refund of 60 exceeds the 50 left of order 'o-1'." },
        { CustomerFact.Purchase("p-2", Ada, At(2026, 12, 2), "o-1", 10), "profile.order-exists", "OrderId: order 'o-1' is already recorded." },
        { CustomerFact.TicketResolved("t-1", Ada, At(2026, 12, 2), "t-7"), "profile.unknown-ticket", "TicketId: no open ticket 't-7'." },
        { CustomerFact.ComplaintResolved("t-1", Ada, At(2026, 12, 2), "t-7"), "profile.unknown-ticket", "TicketId: no open complaint 't-7'." },
        { CustomerFact.PaymentMade("i-1", Ada, At(2026, 12, 2), "i-7"), "profile.unknown-invoice", "InvoiceId: no open invoice 'i-7'." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AFactTheProfileCannotTake_IsRejected_NamingTheFieldAndValue_AndChangesNothing(CustomerFact fact, string code, string message)
    {
        var outcome = Engine.TryApply(Bought, fact);

        Assert.Equal(ProfileOutcomeStatus.Rejected, outcome.Status);
        Assert.Same(Bought, outcome.Profile);
        Assert.Equal((code, message), (outcome.Reasons.Single().Code, outcome.Reasons.Single().Message));
    }

    [Fact]
    public void OpeningMoreThanMaxOpenItems_OrOneAlreadyOpen_IsRejected()
    {
        var engine = new ProfileEngine(new ProfileOptions { MaxOpenItems = 1 });
        var open = engine.TryApply(Bought, CustomerFact.TicketOpened("t-1", Ada, At(2026, 12, 2), "t-1")).Profile;

        var again = engine.TryApply(open, CustomerFact.TicketOpened("t-2", Ada, At(2026, 12, 3), "t-1"));
        var more = engine.TryApply(open, CustomerFact.TicketOpened("t-3", Ada, At(2026, 12, 3), "t-2"));

        Assert.Equal("TicketId: ticket 't-1' is already open.", again.Reasons.Single().Message);
        Assert.Equal("TicketId: ticket 't-2' would be open ticket 2, more than MaxOpenItems (1).", more.Reasons.Single().Message);
    }

    [Fact]
    public void ACancellationTheLifecycleRefuses_IsRejected_WithTheLifecyclesReason()
    {
        var prospect = Engine.TryApply(null, CustomerFact.Contact("c-1", Ada, At(2026, 12, 1), "email")).Profile;

        var outcome = Engine.TryApply(prospect, CustomerFact.Cancellation("x-1", Ada, At(2026, 12, 2)));

        Assert.Equal(ProfileOutcomeStatus.Rejected, outcome.Status);
        Assert.Same(prospect, outcome.Profile);
        Assert.Equal("lifecycle.event-not-permitted", outcome.Reasons.Single().Code);
        Assert.Equal(
            "Cannot apply Cancellation event 'x-1' to customer 'ada' in stage 'Engaged': no rule from 'Engaged' handles Cancellation. Remedy: Cancellation is handled in: Onboarding, Growing, Mature, Loyal, Declining, Reactivated; send it only there, or add a rule from 'Engaged' on Cancellation to the policy.",
            outcome.Reasons.Single().Message);
        Assert.Null(prospect!.CancelledAt);
    }

    [Fact]
    public void ARefund_ReducesTheNetSpend_AndTheRepeatSpendOnlyAfterTheFirstPurchaseDay()
    {
        var sameDay = Engine.TryApply(Bought, CustomerFact.Refund("r-1", Ada, At(2026, 12, 1, 12), "o-1", 20)).Profile!;
        var second = Engine.TryApply(sameDay, CustomerFact.Purchase("p-2", Ada, At(2026, 12, 5), "o-2", 100)).Profile!;
        var later = Engine.TryApply(second, CustomerFact.Refund("r-2", Ada, At(2026, 12, 6), "o-2", 40)).Profile!;

        Assert.Equal((30.0, 0.0), (sameDay.NetSpend, sameDay.RepeatSpend));
        Assert.Equal((130.0, 100.0, 2), (second.NetSpend, second.RepeatSpend, second.PurchaseDays));
        Assert.Equal((90.0, 60.0), (later.NetSpend, later.RepeatSpend));
        Assert.Equal(new ProfileOrder("o-2", At(2026, 12, 5), 100, 40), later.RecentOrders[^1]);
    }

    [Fact]
    public void ReplayingAHistory_SkipsWhatItRefuses_AndSaysWhy()
    {
        CustomerFact[] facts =
        [
            CustomerFact.Refund("r-1", Ada, At(2026, 11, 1), "o-1", 5),
            CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 50),
            CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 50),
        ];

        var outcome = Engine.Replay(Ada, facts);

        Assert.Equal(Bought, outcome.Profile);
        Assert.Equal(["profile.unknown-order", "profile.duplicate"], outcome.Reasons.Select(r => r.Code));
        Assert.Null(Engine.Replay(Ada, []).Profile);
        Assert.Throws<ArgumentException>(() => Engine.Replay(Bob, facts));
    }

    [Fact]
    public void Evaluate_RefusesAnInstantBeforeTheLatestFact()
    {
        var population = Engine.Prepare([Bought], At(2026, 12, 2));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Evaluate(Bought, population, At(2026, 11, 1)));

        Assert.StartsWith("asOf: must not be before the profile's latest fact (2026-12-01T10:00:00Z) of customer 'ada'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProfilesWindowsAndCaps_KeepOnlyWhatTheyBound()
    {
        var engine = new ProfileEngine(new ProfileOptions { LoginWindowDays = 2, MaxRecentOrders = 2, DuplicateWindow = 3, UsageTrendMonths = 1 });
        ProfileRecord? profile = null;
        for (var day = 1; day <= 20; day++)
        {
            profile = engine.TryApply(profile, CustomerFact.Login($"l-{day}", Ada, At(2026, 1, day))).Profile;
            profile = engine.TryApply(profile, CustomerFact.Purchase($"p-{day}", Ada, At(2026, 1, day, 11), $"o-{day}", 10)).Profile;
        }

        profile = engine.TryApply(profile, CustomerFact.Login("l-march", Ada, At(2026, 3, 1))).Profile!;

        Assert.Equal([new ProfileDayCount(ProfileDay(2026, 3, 1), 1)], profile.DailyLogins.ToArray());
        Assert.Equal(["o-19", "o-20"], profile.RecentOrders.Select(o => o.OrderId));
        Assert.Equal(["l-20", "p-20", "l-march"], profile.RecentFactIds.ToArray());
        Assert.Equal([2026 * 12, (2026 * 12) + 2], profile.MonthlyUsage.Select(m => m.Month));
        Assert.Equal((20, 200.0), (profile.PurchaseCount, profile.NetSpend));
    }

    private static int ProfileDay(int year, int month, int day) => (int)(Instant.FromUtc(year, month, day, 0, 0).ToUnixTimeTicks() / NodaConstants.TicksPerDay);
}
