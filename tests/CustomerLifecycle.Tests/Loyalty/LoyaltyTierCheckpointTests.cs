using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>The tier walk's state in the checkpoint: a sweep after a review, a grace period or a status match ending decides the
/// tier from it without replaying the ledger, as long as the lots hold, and finds what a replay finds.</summary>
public sealed class LoyaltyTierCheckpointTests
{
    private static readonly Duration Second = Duration.FromSeconds(1);

    // Member, Silver at 1,000 and Gold at 5,000 points a calendar year in Europe/Berlin; a review that falls short drops one
    // tier after 10 days of grace.
    private static readonly LoyaltyEngine Calendar = Engine(o =>
    {
        o.TimeZoneId = "Europe/Berlin";
        o.TierWindow = LoyaltyTierWindow.CalendarYear;
        o.TierGraceDays = 10;
        o.TierSoftLanding = true;
        o.Tiers =
        [
            new() { Id = "member", Name = "Member" },
            new() { Id = "silver", Name = "Silver", QualifyingPoints = 1_000, EarnMultiplier = 1.25m },
            new() { Id = "gold", Name = "Gold", QualifyingPoints = 5_000, EarnMultiplier = 1.5m },
        ];
    });

    // 1,200 points on 2025-12-01 reach Silver; the review of 1 January 2026 (Berlin) keeps it. 100 spent on 2026-11-20 earn 125
    // points at Silver's 1.25, short of Silver for 2026. Checkpointed on 2026-12-20: the first lot expired on 2026-12-01, the
    // second (available since 2026-12-04) enters the 30-day warning window on 2027-10-21 09:00 UTC, the lots' next change.
    private static readonly LoyaltyRecord Silver = Calendar.Checkpoint(
        Run(Calendar, Purchase("p1", At(2025, 12, 1, 9), 1200m), Purchase("p2", At(2026, 11, 20, 9), 100m)),
        At(2026, 12, 20));

    private static readonly Instant Review = At(2026, 12, 31, 23); // 1 January 2027 00:00 in Berlin
    private static readonly Instant Drop = At(2027, 1, 10, 23); // ten days of grace later

    [Fact]
    public void TheCheckpoint_CarriesTheTierWalk_AndTheLotsNextChange()
    {
        var checkpoint = Silver.Checkpoint!;

        Assert.Equal((1, Review, At(2027, 10, 21, 9)), (checkpoint.Balance.TierLevel, checkpoint.Until, checkpoint.LotsUntil));
        Assert.Equal(
            new LoyaltyTierCheckpoint { EarnedLevel = 1, ReviewAt = Review, QualifyingPoints = 125, QualifyingSpend = 100m },
            checkpoint.Tier);
    }

    [Fact]
    public void TheReviewNight_IsDecidedFromTheCheckpoint_GraceThenDrop_WithoutAReplay()
    {
        Instant[] nights = [Review - Second, Review, At(2027, 1, 1, 2), Drop - Second, Drop, At(2027, 3, 17, 2)];
        var loaded = nights.Select(_ => JustLoaded(Silver)).ToArray();
        var balances = new LoyaltyBalance[nights.Length];

        for (var i = 0; i < nights.Length; i++)
        {
            Calendar.Evaluate(loaded.AsSpan(i, 1), nights[i], balances.AsSpan(i, 1));
        }

        Assert.Equal([1, 1, 1, 1, 0, 0], balances.Select(b => b.TierLevel));
        Assert.Equal(nights.Select(n => Calendar.Evaluate(Silver, n).Balance), balances);
        Assert.All(loaded, r => Assert.Null(r.Summary)); // a replay keeps a summary on the record: none did
    }

    [Fact]
    public void ARenewedCheckpoint_CarriesTheDecisionsTaken_AndEqualsTheOneAReplayWrites()
    {
        var renewed = Calendar.Checkpoint(JustLoaded(Silver), At(2027, 1, 1, 2));
        var afterDrop = Calendar.Checkpoint(JustLoaded(renewed), Drop);

        // The review fell short (125 points in 2026): the drop to Member is due after the grace period; 2027's window is empty.
        Assert.Equal((Drop, At(2027, 10, 21, 9)), (renewed.Checkpoint!.Until, renewed.Checkpoint.LotsUntil));
        Assert.Equal(
            new LoyaltyTierCheckpoint { EarnedLevel = 1, ReviewAt = At(2027, 12, 31, 23), DropLevel = 0, DropAt = Drop, DropDecidedAt = Review, QualifyingPoints = 0, QualifyingSpend = 0m },
            renewed.Checkpoint.Tier);
        Assert.Equal(Calendar.Checkpoint(Silver with { Checkpoint = null }, At(2027, 1, 1, 2)).Checkpoint, renewed.Checkpoint);

        // At Member with nothing left to review, nothing but the lots can change.
        Assert.Equal((0, null, At(2027, 10, 21, 9)), (afterDrop.Checkpoint!.Balance.TierLevel, afterDrop.Checkpoint.Tier, afterDrop.Checkpoint.Until));
        Assert.Equal(Calendar.Checkpoint(Silver with { Checkpoint = null }, Drop).Checkpoint, afterDrop.Checkpoint);
    }

    [Fact]
    public void ALotChangingBeforeTheSweep_MeansAReplay()
    {
        var loaded = JustLoaded(Silver);
        var balances = new LoyaltyBalance[1];

        Calendar.Evaluate([loaded], At(2027, 10, 21, 9), balances);

        Assert.Equal(Calendar.Evaluate(Silver, At(2027, 10, 21, 9)).Balance, balances[0]);
        Assert.Equal((125L, 0), (balances[0].ExpiringSoon, balances[0].TierLevel));
        Assert.NotNull(loaded.Summary);
    }

    [Fact]
    public void ATierStateOfLevelsThePolicyLacks_OrAHalfMatchOrDrop_IsIgnored_AndTheLedgerReplayed()
    {
        var state = Silver.Checkpoint!.Tier!;
        LoyaltyTierCheckpoint[] forged =
        [
            state with { EarnedLevel = 7 },
            state with { EarnedLevel = -1 },
            state with { MatchedLevel = 2 },
            state with { MatchedUntil = Drop },
            state with { MatchedLevel = 3, MatchedUntil = Drop },
            state with { DropLevel = 0, DropAt = Drop },
            state with { DropLevel = 5, DropAt = Drop, DropDecidedAt = Review },
        ];

        foreach (var tier in forged)
        {
            var loaded = JustLoaded(Silver with { Checkpoint = Silver.Checkpoint with { Tier = tier } });
            Assert.Equal(Calendar.Evaluate(Silver, At(2027, 1, 1, 2)).Balance, Sweep(Calendar, loaded, At(2027, 1, 1, 2)));
            Assert.NotNull(loaded.Summary); // replayed
        }
    }

    [Fact]
    public void ARollingWindowsCheckpoint_CarriesNoTierState_SoItsReviewIsReplayed()
    {
        var rolling = new LoyaltyEngine(LoyaltyGenerators.PolicyOf(allowNegativeBalance: false, withTiers: true));

        var record = rolling.Checkpoint(Run(rolling, Purchase("p1", At(2026, 3, 2, 9), 1200m)), At(2027, 2, 15));

        Assert.Equal((1, At(2027, 3, 2, 9)), (record.Checkpoint!.Balance.TierLevel, record.Checkpoint.Until));
        Assert.Null(record.Checkpoint.Tier);
    }

    /// <summary>
    /// Over generated ledgers (purchases, refunds, redemptions, transfers, status matches, ...) under calendar-year tiers with or
    /// without grace and soft landing: a sweep over a record loaded with the checkpoint of any later instant, and over one whose
    /// replay the engine kept, reads at every instant the tier walk decides (and a second either side) what a full replay reads;
    /// and a checkpoint renewed there (one that no longer held) equals the one a replay writes.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property ResumingTheTierWalk_EqualsAFullReplay_AroundEveryDecision(bool grace, bool softLanding, byte afterLatest, byte later)
    {
        var policy = LoyaltyGenerators.PolicyOf(allowNegativeBalance: true, withTiers: true);
        (policy.TierWindow, policy.TierGraceDays, policy.TierSoftLanding) = (LoyaltyTierWindow.CalendarYear, grace ? 10 : 0, softLanding);
        var engine = new LoyaltyEngine(policy);

        return Prop.ForAll(LoyaltyGenerators.Record(engine).ToArbitrary(), record =>
        {
            var latest = record.Entries.IsEmpty ? LoyaltyGenerators.Start : record.Entries.Max(e => e.At);
            var checkpointAt = latest + Duration.FromDays(afterLatest * 2);
            var checkpointed = engine.Checkpoint(record with { Checkpoint = null }, checkpointAt);
            var tier = checkpointed.Checkpoint!.Tier;
            // The decisions due and those they lead to: the drop after a review's grace period, the review a year on.
            Instant?[] decisions =
            [
                checkpointed.Checkpoint.Until, tier?.ReviewAt, tier?.DropAt, tier?.MatchedUntil, tier?.ReviewAt + Duration.FromDays(policy.TierGraceDays),
                tier?.ReviewAt + Duration.FromDays(365), checkpointAt + Duration.FromDays(later * 3),
            ];
            var instants = decisions.OfType<Instant>().Where(d => d < Instant.FromUtc(2150, 1, 1, 0, 0))
                .SelectMany(d => new[] { d - Second, d, d + Second }).Where(d => d >= checkpointAt).ToArray();

            foreach (var at in instants)
            {
                var replayed = engine.Evaluate(record, at).Balance;
                var warm = record with { Checkpoint = null };
                Sweep(engine, warm, checkpointAt);
                Assert.Equal(replayed, Sweep(engine, JustLoaded(checkpointed), at));
                Assert.Equal(replayed, Sweep(engine, warm, at));
                var loaded = JustLoaded(checkpointed);
                if (engine.Checkpoint(loaded, at) is var renewed && !ReferenceEquals(renewed, loaded))
                {
                    Assert.Equal(engine.Checkpoint(record with { Checkpoint = null }, at).Checkpoint, renewed.Checkpoint);
                }
            }
        });
    }
}
