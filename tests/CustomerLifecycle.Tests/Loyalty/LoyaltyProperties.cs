using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerLifecycle.Tests.Loyalty.LoyaltyTestKit;

namespace CustomerLifecycle.Tests.Loyalty;

/// <summary>
/// Properties over generated scripts: up to 50 commands of every kind for one member, hours to weeks apart (so holding
/// periods end and lots expire), refunds and reversals naming earlier orders and redemptions, about a fifth of them refused.
/// </summary>
[Properties(MaxTest = 200)]
public sealed class LoyaltyProperties
{
    private static readonly Instant Start = LoyaltyGenerators.Start;

    private static Arbitrary<Script> Scripts { get; } =
        (from policy in LoyaltyGenerators.Policy
         from commands in LoyaltyGenerators.Script
         select new Script(new LoyaltyEngine(policy), policy.AllowNegativeBalance, commands, policy.ExpiryMode)).ToArbitrary();

    [Property]
    public Property TheBalanceIdentity_HoldsAtEveryInstant() => Prop.ForAll(Scripts, script =>
    {
        var account = Apply(script);
        return Instants(account).All(at =>
        {
            var b = script.Engine.Evaluate(account, at).Balance;
            return b.Available + b.Pending + b.Expired + b.Redeemed == b.Earned - b.Reversed
                   && b.Pending >= 0 && b.Expired >= 0 && b.Redeemed >= 0 && b.Reversed >= 0 && b.Debt >= 0
                   && (script.AllowNegative || b.Available >= 0);
        }).Label(Describe(account));
    });

    [Property]
    public Property TheBalance_IsTheSumOfTheEntries_AtTheLatestEntry() => Prop.ForAll(Scripts, script =>
    {
        var account = Apply(script);
        var latest = account.Entries.IsEmpty ? Start : account.Entries.Max(e => e.At);
        var b = script.Engine.Evaluate(account, latest).Balance;
        return (b.Available + b.Pending == account.Entries.Sum(e => e.Points)).Label(Describe(account));
    });

    [Property]
    public Property NoLot_IsEverTakenBelowZeroOrFilledAboveItsPoints() => Prop.ForAll(Scripts, script =>
    {
        var account = Apply(script);
        var held = new Dictionary<string, (long Held, long Points)>();
        foreach (var entry in account.Entries)
        {
            if (entry.OpensLot)
            {
                held[entry.Key] = (entry.Points, entry.Points);
                continue;
            }

            foreach (var allocation in entry.Allocations)
            {
                var lot = held[allocation.Lot];
                var now = lot.Held + (Math.Sign(entry.Points) * allocation.Points);
                if (allocation.Points <= 0 || now < 0 || now > lot.Points)
                {
                    return false.Label($"{entry.Key} leaves lot {allocation.Lot} at {now} of {lot.Points}");
                }

                held[allocation.Lot] = (now, lot.Points);
            }
        }

        return true.ToProperty();
    });

    [Property]
    public Property UnderRollingExpiry_EveryPointHeld_ExpiresTogether_WhenTheLatestActivitySaid() => Prop.ForAll(Scripts, script =>
    {
        var account = Apply(script);
        if (script.Expiry != LoyaltyExpiryMode.Rolling || account.Entries.IsEmpty)
        {
            return true.ToProperty();
        }

        var latest = account.Entries.Max(e => e.At);
        var held = script.Engine.Evaluate(account, latest).Lots.Where(l => l.State != LoyaltyLotState.Expired).Select(l => l.ExpiresAt).Distinct().ToList();
        var rolledTo = account.Entries.Max(e => e.RollsExpiryTo);
        return (held.Count == 0 || (held.Count == 1 && held[0] == rolledTo)).Label($"{string.Join(", ", held)} vs {rolledTo}\n{Describe(account)}");
    });

    [Property]
    public Property RedeemingThenReversing_RestoresTheExactLots() => Prop.ForAll(Scripts, script =>
    {
        var engine = script.Engine;
        var account = Apply(script);
        var at = (account.Entries.IsEmpty ? Start : account.Entries.Max(e => e.At)) + Duration.FromDays(1);
        var available = engine.Evaluate(account, at).Balance.Available;
        var before = Run(engine, account, Adjust("prop-credit", at, Math.Max(1, 1000 - available)));

        var after = Run(engine, before, Redeem("prop-redeem", at), Reverse("prop-reverse", at, "prop-redeem"));

        var was = engine.Evaluate(before, at);
        var now = engine.Evaluate(after, at);
        if (script.Expiry == LoyaltyExpiryMode.Rolling)
        {
            // The redemption was activity even if reversed: the points are the same, their expiry may have rolled on.
            return (was.Balance with { NextExpiry = null, ExpiringSoon = 0 } == now.Balance with { NextExpiry = null, ExpiringSoon = 0 }
                    && was.Lots.Select(l => l with { ExpiresAt = default }).SequenceEqual(now.Lots.Select(l => l with { ExpiresAt = default }))
                    && was.Lots.Zip(now.Lots).All(p => p.First.ExpiresAt <= p.Second.ExpiresAt)).Label($"{was} vs {now}");
        }

        return (was.Balance == now.Balance && was.Lots.SequenceEqual(now.Lots)).Label($"{was} vs {now}");
    });

    [Property]
    public Property RedeliveringAppliedCommands_InAnyInterleaving_GivesTheSameLedger(int seed) => Prop.ForAll(Scripts, script =>
    {
        var once = Apply(script);
        var applied = script.Commands.Where(c => once.Entries.Any(e => e.Key == c.Key)).ToList();
        var random = new System.Random(seed);
        LoyaltyRecord? again = null;
        var delivered = 0;
        foreach (var command in script.Commands)
        {
            again = script.Engine.TryApply(again, command).Record;
            delivered++;
            var redeliverable = applied.Where(c => script.Commands.Take(delivered).Contains(c)).ToList();
            while (redeliverable.Count > 0 && random.Next(3) == 0)
            {
                var outcome = script.Engine.TryApply(again, redeliverable[random.Next(redeliverable.Count)]);
                if (outcome.Status != LoyaltyOutcomeStatus.Duplicate)
                {
                    return false.Label($"redelivery was {outcome.Status}");
                }
            }
        }

        return Equals(once.Entries.Length == 0 ? null : once, again).Label(Describe(once));
    });

    [Property]
    public Property EarningsDeliveredInAnyOrderWithDuplicates_GiveTheSameEntries(int seed) => Prop.ForAll(
        LoyaltyGenerators.Earnings.ToArbitrary(),
        commands =>
        {
            // Within 60 days, commands up to a year old accepted and no caps: nothing one earn does depends on another.
            var engine = LoyaltyTestKit.Engine(o => o.MaxBackdatingDays = 365);
            var random = new System.Random(seed);
            var delivery = commands.Concat(commands.Where(_ => random.Next(2) == 0)).OrderBy(_ => random.Next()).ToList();

            var inOrder = LoyaltyGenerators.Apply(engine, commands).Entries;
            var shuffled = LoyaltyGenerators.Apply(engine, delivery).Entries;

            return inOrder.OrderBy(e => e.Key, StringComparer.Ordinal).SequenceEqual(shuffled.OrderBy(e => e.Key, StringComparer.Ordinal))
                .Label($"{inOrder.Length} vs {shuffled.Length}");
        });

    [Property]
    public Property BadInput_IsRefusedWhole_WhateverTheAccount() => Prop.ForAll(Scripts, script =>
    {
        var account = Apply(script);
        var at = account.Entries.IsEmpty ? Start : account.Entries.Max(e => e.At);
        LoyaltyCommand[] bad =
        [
            Purchase("bad-1", at, -1m),
            Refund("bad-2", at, "no-such-order", 1m),
            Redeem("bad-3", at, "no-such-reward"),
            Adjust("bad-4", at, 0),
            Reverse("bad-5", at, "no-such-redemption"),
            .. account.Entries.IsEmpty ? Array.Empty<LoyaltyCommand>() : [Adjust("bad-6", at - Duration.FromSeconds(1), 5)],
        ];
        return bad.All(command =>
        {
            var outcome = script.Engine.TryApply(account, command);
            return outcome.Status == LoyaltyOutcomeStatus.Rejected && ReferenceEquals(account, outcome.Record) && outcome.Entries.IsEmpty
                   && outcome.Reasons.Single().Data.ContainsKey("field");
        }).Label(Describe(account));
    });

    [Property]
    public Property EveryTierDecision_StartsFromTheTierTheLastOneLeft_AndTheLastOneIsTheTierHeld() => Prop.ForAll(Scripts, script =>
    {
        var account = Apply(script);
        return Instants(account).All(at =>
        {
            if (script.Engine.Evaluate(account, at).Tier is not { } tier)
            {
                return true;
            }

            var held = "member";
            foreach (var change in tier.Changes)
            {
                if (change.From != held || change.At > at || string.IsNullOrEmpty(change.Reason))
                {
                    return false;
                }

                held = change.To;
            }

            return held == tier.Tier && tier.Changes.Zip(tier.Changes.Skip(1)).All(p => p.First.At <= p.Second.At);
        }).Label(Describe(account));
    });

    private static LoyaltyRecord Apply(Script script) => LoyaltyGenerators.Apply(script.Engine, script.Commands);

    private static IEnumerable<Instant> Instants(LoyaltyRecord account)
    {
        var latest = account.Entries.IsEmpty ? Start : account.Entries.Max(e => e.At);
        return [Start, latest, latest + Duration.FromDays(10), latest + Duration.FromDays(200), latest + Duration.FromDays(800)];
    }

    private static string Describe(LoyaltyRecord account) => string.Join("\n", account.Entries.Select(e => $"{e.Key} {e.Kind} {e.At} {e.Points} [{string.Join(", ", e.Allocations)}]"));

    public sealed record Script(LoyaltyEngine Engine, bool AllowNegative, IReadOnlyList<LoyaltyCommand> Commands, LoyaltyExpiryMode Expiry)
    {
        public override string ToString() => string.Join("\n", Commands);
    }
}
