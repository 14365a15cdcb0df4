using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Tiering;
using Microsoft.Extensions.Options;
using NodaTime;
using static CustomerLifecycle.Tests.Profile.ProfileTestKit;

namespace CustomerLifecycle.Tests.Profile;

/// <summary>The loyalty programme beside the profile, worked out by hand with the default loyalty policy: 1 point a unit
/// rounded down, pending 14 days, 500 points a referral, 0.1 a point.</summary>
public sealed class ProfileLoyaltyTests
{
    private static readonly ProfileEngine WithLoyalty = new(new ProfileOptions { Loyalty = new LoyaltyOptions() });

    [Fact]
    public async Task APurchase_EarnsItsPoints_PendingForTheHoldingPeriod_ThenAvailable()
    {
        var (service, _, ledgers) = Service(WithLoyalty);

        var outcome = await service.ApplyAsync(CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 120.5));

        var entry = Assert.Single((await ledgers.LoadAsync(Ada))!.Record.Entries);
        Assert.Equal((LoyaltyOutcomeStatus.Applied, "fact:p-1", 120L), (outcome.Loyalty!.Status, entry.Key, entry.Points));
        Assert.Equal("Purchase o-1: 120.5 × 1 points per unit × 1 = 120.5, rounded down to 120; pending until 2026-12-15T10:00:00Z.", entry.Reason);
        var pending = (await Evaluate(service, At(2026, 12, 10)))!.Loyalty!.Balance;
        var available = (await Evaluate(service, At(2026, 12, 16)))!.Loyalty!.Balance;
        Assert.Equal((0L, 120L), (pending.Available, pending.Pending));
        Assert.Equal((120L, 0L, 12.0m), (available.Available, available.Pending, available.Value));
    }

    [Fact]
    public async Task ARefundInsideTheHoldingPeriod_CancelsItsShareOfThePendingPoints()
    {
        var (service, _, ledgers) = Service(WithLoyalty);
        await service.ApplyAsync(CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 200));

        var refund = await service.ApplyAsync(CustomerFact.Refund("r-1", Ada, At(2026, 12, 5), "o-1", 50));

        var reversal = (await ledgers.LoadAsync(Ada))!.Record.Entries[^1];
        Assert.Equal((LoyaltyEntryKind.Reverse, -50L, "fact:r-1"), (reversal.Kind, reversal.Points, reversal.Key));
        Assert.Contains("50 of its 200 points cancelled while pending", reversal.Reason, StringComparison.Ordinal);
        Assert.Equal(LoyaltyOutcomeStatus.Applied, refund.Loyalty!.Status);
        var balance = (await Evaluate(service, At(2026, 12, 10)))!.Loyalty!.Balance;
        Assert.Equal((200L, 50L, 150L, 0L), (balance.Earned, balance.Reversed, balance.Pending, balance.Available));
    }

    [Fact]
    public void TheLoyaltyTier_FeedsTheTierRules_AndTheDecisionNamesTierAndBalance()
    {
        var options = new ProfileOptions
        {
            Loyalty = new LoyaltyOptions { Tiers = [new() { Id = "member", Name = "Member" }, new() { Id = "silver", Name = "Silver", QualifyingPoints = 500 }] },
        };
        options.Tiering.Rules.Insert(0, new TierRule
        {
            Tier = "Key",
            Criteria = [new TierCriterion { Field = TierField.LoyaltyLevel, Operator = CriterionOperator.AtLeast, Threshold = 1 }],
        });
        var engine = new ProfileEngine(options);
        CustomerFact[] adaFacts = [CustomerFact.Purchase("p-1", Ada, At(2026, 11, 2), "o-1", 100), CustomerFact.Referral("ref-1", Ada, At(2026, 11, 10))];
        var ada = engine.Replay(Ada, adaFacts).Profile!;
        var bob = engine.Replay(Bob, [CustomerFact.Purchase("p-1", Bob, At(2026, 11, 2), "o-1", 10_000)]).Profile!;
        var ledger = Ledger(engine, adaFacts);
        var asOf = At(2026, 12, 1);
        var population = engine.Prepare([ada, bob], asOf);

        var why = engine.Explain(ada, ledger, population, asOf);
        var withoutLedger = engine.Evaluate(ada, population, asOf);

        // 100 + 500 qualifying points reach silver (level 1): the rule on LoyaltyLevel makes ada Key, whose 1% of the revenue alone does not.
        Assert.Equal(1, why.Result.Loyalty!.Balance.TierLevel);
        Assert.Equal("Key", why.Result.Tier.Assignment.TierName);
        Assert.NotEqual("Key", withoutLedger.Tier.Assignment.TierName);
        Assert.EndsWith(" · loyalty 600 available, 0 pending, tier Silver", why.Decision, StringComparison.Ordinal);
        Assert.EndsWith(" · loyalty 0 available, 0 pending, tier Member", engine.Explain(ada, population, asOf).Decision, StringComparison.Ordinal);
        var loyaltyReasons = engine.Loyalty!.Explain(ledger, asOf).Reasons;
        Assert.Equal(loyaltyReasons.Select(r => (r.Code, r.Message)), why.Reasons.TakeLast(loyaltyReasons.Count).Select(r => (r.Code, r.Message)));
        Assert.Contains(why.Reasons, r => r.Code == "loyalty.tier-upgrade");
    }

    [Fact]
    public void WithoutAProgramme_TheViewHasNoLoyalty_AndTheDecisionSaysNothingOfIt()
    {
        var ada = Engine.Replay(Ada, AdaFacts()).Profile!;
        var population = Engine.Prepare([ada], AsOf);

        var why = Engine.Explain(ada, population, AsOf);

        Assert.Null(why.Result.Loyalty);
        Assert.DoesNotContain("loyalty", why.Decision, StringComparison.Ordinal);
        Assert.DoesNotContain(why.Reasons, r => r.Code.StartsWith("loyalty.", StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherMembersLedger_OrALedgerWithoutAProgramme_IsRefusedNamingBoth()
    {
        var ada = WithLoyalty.Replay(Ada, [CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 10)]).Profile!;
        var population = WithLoyalty.Prepare([ada], AsOf);
        var bobs = new LoyaltyRecord { Member = Bob };

        var other = Assert.Throws<ArgumentException>(() => WithLoyalty.Evaluate(ada, bobs, population, AsOf));
        var none = Assert.Throws<ArgumentException>(() => Engine.Evaluate(ada, new LoyaltyRecord { Member = Ada }, Engine.Prepare([ada], AsOf), AsOf));
        var batch = Assert.Throws<ArgumentException>(() => WithLoyalty.Evaluate([ada, ada], [null, bobs], population, AsOf, new CustomerViewSummary[2]));
        var length = Assert.Throws<ArgumentException>(() => WithLoyalty.Evaluate([ada, ada], [null], population, AsOf, new CustomerViewSummary[2]));

        Assert.Equal("loyalty: the ledger is for member 'bob', not customer 'ada'. (Parameter 'loyalty')", other.Message);
        Assert.Equal("loyalty: the policy has no loyalty programme (ProfileOptions.Loyalty is null), so there is no ledger to read. (Parameter 'loyalty')", none.Message);
        Assert.Equal("loyalty[1]: the ledger is for member 'bob', not customer 'ada'. (Parameter 'loyalty')", batch.Message);
        Assert.Equal("loyalty: must be empty (no ledgers) or as long as profiles (2) but was 1. (Parameter 'loyalty')", length.Message);
    }

    [Fact]
    public void AnInvalidProgramme_IsReportedUnderLoyalty()
    {
        var options = new ProfileOptions { Loyalty = new LoyaltyOptions { PointsPerUnit = 0, HoldingDays = 400 } };

        var failures = Assert.Throws<OptionsValidationException>(() => new ProfileEngine(options)).Failures;

        Assert.Contains("Loyalty.PointsPerUnit: must be in (0, 1000] but was 0.", failures);
        Assert.All(failures, f => Assert.StartsWith("Loyalty.", f, StringComparison.Ordinal));
    }

    [Fact]
    public void TheServiceNeedsALedgerStore_ExactlyWhenThePolicyHasAProgramme()
    {
        var missing = Assert.Throws<ArgumentException>(() => new ProfileService(WithLoyalty, new InMemoryProfileStore()));
        var extra = Assert.Throws<ArgumentException>(() => new ProfileService(Engine, new InMemoryProfileStore(), loyalty: new InMemoryLoyaltyStore()));

        Assert.Equal("loyalty: the profile policy has a loyalty programme (ProfileOptions.Loyalty), so the service needs the ILoyaltyStore its ledgers are kept in. (Parameter 'loyalty')", missing.Message);
        Assert.Equal("loyalty: the profile policy has no loyalty programme (ProfileOptions.Loyalty is null), so there are no ledgers to keep. (Parameter 'loyalty')", extra.Message);
    }

    [Fact]
    public async Task AFactTheProfileHasAlready_StillReachesTheLedger_SoARetryAfterACrashBetweenTheSavesHeals()
    {
        var (service, profiles, ledgers) = Service(WithLoyalty);
        var purchase = CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 80);
        await profiles.SaveAsync(WithLoyalty.TryApply(null, purchase).Profile!, expectedVersion: 0); // the profile saved, then the crash

        var retried = await service.ApplyAsync(purchase);
        var again = await service.ApplyAsync(purchase);

        Assert.Equal((ProfileOutcomeStatus.Duplicate, LoyaltyOutcomeStatus.Applied), (retried.Status, retried.Loyalty!.Status));
        Assert.Equal((ProfileOutcomeStatus.Duplicate, LoyaltyOutcomeStatus.Duplicate), (again.Status, again.Loyalty!.Status));
        Assert.Equal(80L, Assert.Single((await ledgers.LoadAsync(Ada))!.Record.Entries).Points);
        Assert.Equal(1, (await profiles.LoadAsync(Ada))!.Version);
    }

    [Fact]
    public async Task AFactTheProfileRefuses_AndALoginWithoutAStreak_TouchNoLedger()
    {
        var (service, _, ledgers) = Service(WithLoyalty);
        await service.ApplyAsync(CustomerFact.Purchase("p-1", Ada, At(2026, 12, 1), "o-1", 80));

        var refused = await service.ApplyAsync(CustomerFact.Refund("r-1", Ada, At(2026, 12, 2), "o-9", 5));
        var login = await service.ApplyAsync(CustomerFact.Login("l-1", Ada, At(2026, 12, 3)));

        Assert.Equal((ProfileOutcomeStatus.Rejected, ProfileOutcomeStatus.Applied), (refused.Status, login.Status));
        Assert.Null(refused.Loyalty);
        Assert.Null(login.Loyalty);
        Assert.Single((await ledgers.LoadAsync(Ada))!.Record.Entries);
    }

    [Fact]
    public async Task LoginsOnConsecutiveDays_CompleteTheProgrammesStreak()
    {
        var engine = new ProfileEngine(new ProfileOptions { Loyalty = new LoyaltyOptions { LoginStreakDays = 2, LoginStreakPoints = 25 } });
        var (service, _, _) = Service(engine);

        var first = await service.ApplyAsync(CustomerFact.Login("l-1", Ada, At(2026, 12, 1)));
        var sameDay = await service.ApplyAsync(CustomerFact.Login("l-2", Ada, At(2026, 12, 1, 15)));
        var second = await service.ApplyAsync(CustomerFact.Login("l-3", Ada, At(2026, 12, 2)));

        Assert.Equal((LoyaltyEntryKind.Login, 0L), (first.Loyalty!.Entries.Single().Kind, first.Loyalty.Entries.Single().Points));
        Assert.Equal((ProfileOutcomeStatus.Applied, "loyalty.login-already-recorded"), (sameDay.Status, sameDay.Loyalty!.Reasons.Single().Code));
        Assert.Equal((LoyaltyEntryKind.Earn, 25L), (second.Loyalty!.Entries.Single().Kind, second.Loyalty.Entries.Single().Points));
    }

    [Fact]
    public async Task ACustomerWithoutALedger_IsEvaluatedWithAnEmptyOne()
    {
        var (service, _, _) = Service(WithLoyalty);
        await service.ApplyAsync(CustomerFact.Contact("c-1", Ada, At(2026, 12, 1), "email"));

        var view = await Evaluate(service, At(2026, 12, 2));

        Assert.Equal(new LoyaltyBalance(Ada, At(2026, 12, 2), 0, 0, 0, 0, 0, 0, 0, 0, null, 0m), view!.Loyalty!.Balance);
        Assert.Empty(view.Loyalty.Lots);
    }

    private static (ProfileService Service, InMemoryProfileStore Profiles, InMemoryLoyaltyStore Ledgers) Service(ProfileEngine engine)
    {
        var profiles = new InMemoryProfileStore();
        var ledgers = new InMemoryLoyaltyStore();
        return (new ProfileService(engine, profiles, loyalty: ledgers), profiles, ledgers);
    }

    private static async Task<CustomerView?> Evaluate(ProfileService service, Instant asOf)
        => await service.EvaluateAsync(Ada, WithLoyalty.Prepare([], asOf), asOf);

    private static LoyaltyRecord Ledger(ProfileEngine engine, IEnumerable<CustomerFact> facts)
    {
        LoyaltyRecord? ledger = null;
        foreach (var fact in facts)
        {
            ledger = engine.Loyalty!.TryApply(ledger, LoyaltyFacts.ToCommand(fact)!).Record;
        }

        return ledger!;
    }
}
