using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Sqlite.Serialization;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests.Serialization;

/// <summary>A checkpoint persisted by the store: a sweep over the records it loads answers exactly what a full replay gives.</summary>
public sealed class LoyaltyRecordJsonProperties
{
    [Property(MaxTest = 200)]
    public Property ASweepOverLoadedCheckpoints_IsTheFullReplay_BeforeAtAndAfterTheirBound_AndUnderAnotherPolicy() => Prop.ForAll(Cases(), c =>
    {
        var engine = new LoyaltyEngine(c.Policy);
        var changed = new LoyaltyEngine(Changed(c.Policy, c.Pick));
        var applied = LoyaltyGenerators.Apply(engine, c.Commands);
        var latest = applied.Entries.Select(e => e.At).Append(LoyaltyGenerators.Start).Max();
        var saved = c.AfterASweep ? engine.Checkpoint(applied, latest + Duration.FromHours(c.Hours)) : applied;
        var checkpoint = RoundTrip(saved).Checkpoint;
        var from = checkpoint?.Balance.AsOf ?? latest;
        var until = checkpoint?.Until ?? Instant.MaxValue;
        List<Instant> instants = [from - Duration.FromHours(1), from];
        instants.AddRange(until == Instant.MaxValue
            ? [from + Duration.FromDays(c.Pick)]
            : [from + ((until - from) / 1000 * c.Pick), until - Duration.Epsilon, until, until + Duration.Epsilon, until + Duration.FromDays(c.Pick)]);
        var ledgerOnly = applied with { Checkpoint = null };
        return (checkpoint == saved.Checkpoint
                && instants.All(t => Sweep(engine, RoundTrip(saved), t) == engine.Evaluate(ledgerOnly, t).Balance
                    && Sweep(changed, RoundTrip(saved), t) == changed.Evaluate(ledgerOnly, t).Balance))
            .Label($"checkpoint {checkpoint}, {applied.Entries.Length} entries");
    });

    /// <summary>The record as the SQLite store writes and reads it.</summary>
    private static LoyaltyRecord RoundTrip(LoyaltyRecord record) => LoyaltyRecordJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(LoyaltyRecordJson.Serialize(record))).Record;

    private static LoyaltyBalance Sweep(LoyaltyEngine engine, LoyaltyRecord record, Instant asOf)
    {
        var balances = new LoyaltyBalance[1];
        engine.Evaluate([record], asOf, balances);
        return balances[0];
    }

    /// <summary>The policy with one setting a checkpoint depends on changed: the warning window, the point value or the holding period.</summary>
    private static LoyaltyOptions Changed(LoyaltyOptions policy, int pick)
    {
        var changed = LoyaltyGenerators.PolicyOf(policy.AllowNegativeBalance, policy.Tiers.Count > 0, policy.ExpiryMode);
        switch (pick % 3)
        {
            case 0:
                changed.ExpiryWarningDays += 10;
                break;
            case 1:
                changed.PointValue *= 2;
                break;
            default:
                changed.HoldingDays = 0;
                break;
        }

        return changed;
    }

    private static Arbitrary<Case> Cases() =>
        (from policy in LoyaltyGenerators.Policy
         from commands in LoyaltyGenerators.Script
         from hours in Gen.Choose(0, 24 * 900)
         from pick in Gen.Choose(0, 1000)
         from afterASweep in Gen.Elements(false, true)
         select new Case(policy, commands, hours, pick, afterASweep)).ToArbitrary();

    public sealed record Case(LoyaltyOptions Policy, IReadOnlyList<LoyaltyCommand> Commands, int Hours, int Pick, bool AfterASweep);
}
