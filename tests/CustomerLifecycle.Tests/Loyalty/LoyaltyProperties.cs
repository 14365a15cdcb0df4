using System.Globalization;
using CustomerLifecycle.Loyalty;
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
    private static readonly Instant Start = At(2026, 1, 1, 9);

    private static readonly LoyaltyEngine Strict = Engine(configure: false);
    private static readonly LoyaltyEngine Lenient = Engine(configure: true);

    private static Arbitrary<Script> Scripts { get; } =
        (from negative in Gen.Elements(false, true)
         from steps in Gen.ListOf(Step)
         select new Script(negative ? Lenient : Strict, negative, Materialize(steps.Take(50).ToList()))).ToArbitrary();

    private static Gen<(int Kind, int Hours, int Amount, int Pick, int Points)> Step { get; } =
        from kind in Gen.Choose(0, 7)
        from hours in Gen.Frequency((4, Gen.Choose(0, 48)), (3, Gen.Choose(48, 24 * 40)), (1, Gen.Choose(24 * 100, 24 * 300)), (1, Gen.Constant(0)))
        from amount in Gen.Choose(1, 8000)
        from pick in Gen.Choose(0, 1000)
        from points in Gen.Choose(-700, 700)
        select (kind, hours, amount, pick, points);

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
            again = script.Engine.Apply(again, command).Account;
            delivered++;
            var redeliverable = applied.Where(c => script.Commands.IndexOf(c) < delivered).ToList();
            while (redeliverable.Count > 0 && random.Next(3) == 0)
            {
                var outcome = script.Engine.Apply(again, redeliverable[random.Next(redeliverable.Count)]);
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
        Gen.ListOf(Step).Select(steps => steps.Take(40).Select(EarnOnly).ToList()).ToArbitrary(),
        commands =>
        {
            // Within 60 days, commands up to a year old accepted and no caps: nothing one earn does depends on another.
            var engine = LoyaltyTestKit.Engine(o => o.MaxBackdatingDays = 365);
            var random = new System.Random(seed);
            var delivery = commands.Concat(commands.Where(_ => random.Next(2) == 0)).OrderBy(_ => random.Next()).ToList();

            var inOrder = Fold(engine, commands);
            var shuffled = Fold(engine, delivery);

            return inOrder.OrderBy(e => e.Key, StringComparer.Ordinal).SequenceEqual(shuffled.OrderBy(e => e.Key, StringComparer.Ordinal))
                .Label($"{inOrder.Count} vs {shuffled.Count}");
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
            var outcome = script.Engine.Apply(account, command);
            return outcome.Status == LoyaltyOutcomeStatus.Rejected && ReferenceEquals(account, outcome.Account) && outcome.Entries.IsEmpty
                   && outcome.Reasons.Single().Data.ContainsKey("field");
        }).Label(Describe(account));
    });

    private static LoyaltyEngine Engine(bool configure) => LoyaltyTestKit.Engine(o =>
    {
        o.ExcludedCategories = ["excluded"];
        o.CategoryMultipliers = new() { ["books"] = 2m };
        o.MonthlyCap = 4000;
        o.Rewards.Add(new LoyaltyRewardOptions { Id = "mug", Name = "Mug", Points = 300 });
        o.AllowNegativeBalance = configure;
    });

    private static List<LoyaltyCommand> Materialize(List<(int Kind, int Hours, int Amount, int Pick, int Points)> steps)
    {
        var commands = new List<LoyaltyCommand>();
        var orders = new List<(string Order, decimal Amount)>();
        var redemptions = new List<string>();
        var at = Start;
        for (var i = 0; i < steps.Count; i++)
        {
            var (kind, hours, amount, pick, points) = steps[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"k{i:D2}");
            at += Duration.FromHours(hours);
            LoyaltyCommand command = kind switch
            {
                0 or 1 => Purchase(key, at, amount / 4m, category: (pick % 4) switch { 0 => "books", 1 => "excluded", _ => null }),
                2 => Activity(key, at, (LoyaltyActivityKind)(pick % 3)),
                3 when orders.Count > 0 => Refund(key, at, orders[pick % orders.Count].Order, orders[pick % orders.Count].Amount * ((pick % 4) + 1) / 4),
                4 or 5 => Redeem(key, at, pick % 3 == 0 ? "mug" : LoyaltyDefaults.GiftCardRewardId),
                6 when redemptions.Count > 0 => Reverse(key, at, redemptions[pick % redemptions.Count]),
                _ => Adjust(key, at, points == 0 ? 1 : points),
            };
            if (command is LoyaltyPurchase purchase)
            {
                orders.Add((purchase.OrderId, purchase.Amount));
            }
            else if (command is LoyaltyRedemption)
            {
                redemptions.Add(key);
            }

            commands.Add(command);
        }

        return commands;
    }

    private static LoyaltyCommand EarnOnly((int Kind, int Hours, int Amount, int Pick, int Points) step, int i)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"e{i:D2}");
        var at = Start + Duration.FromMinutes(step.Hours * 60 % (60 * 24 * 60));
        return step.Kind % 2 == 0
            ? Purchase(key, at, step.Amount / 4m, category: step.Pick % 3 == 0 ? "books" : null)
            : Activity(key, at, (LoyaltyActivityKind)(step.Pick % 3));
    }

    private static LoyaltyRecord Apply(Script script) => Fold(script.Engine, script.Commands) is var entries && entries.Count > 0
        ? new LoyaltyRecord { Member = Member, Entries = [.. entries] }
        : new LoyaltyRecord { Member = Member };

    private static List<LoyaltyEntry> Fold(LoyaltyEngine engine, IEnumerable<LoyaltyCommand> commands)
    {
        LoyaltyRecord? account = null;
        foreach (var command in commands)
        {
            account = engine.Apply(account, command).Account;
        }

        return account is null ? [] : [.. account.Entries];
    }

    private static IEnumerable<Instant> Instants(LoyaltyRecord account)
    {
        var latest = account.Entries.IsEmpty ? Start : account.Entries.Max(e => e.At);
        return [Start, latest, latest + Duration.FromDays(10), latest + Duration.FromDays(200), latest + Duration.FromDays(800)];
    }

    private static string Describe(LoyaltyRecord account) => string.Join("\n", account.Entries.Select(e => $"{e.Key} {e.Kind} {e.At} {e.Points} [{string.Join(", ", e.Allocations)}]"));

    public sealed record Script(LoyaltyEngine Engine, bool AllowNegative, List<LoyaltyCommand> Commands)
    {
        public override string ToString() => string.Join("\n", Commands);
    }
}
