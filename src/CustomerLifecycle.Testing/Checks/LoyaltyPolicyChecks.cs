using System.Globalization;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Testing.Checks;

/// <summary>Ready property checks for a host's own loyalty policy and for the way the host turns commands into ledgers.</summary>
/// <remarks>
/// <para>Each check returns an FsCheck <see cref="Property"/>: return it from an FsCheck.Xunit <c>[Property]</c> test, or assert it
/// in one line with <c>.QuickCheckThrowOnFailure()</c>.</para>
/// <para>Commands are drawn with <see cref="LoyaltyGenerators.Script"/>: every command kind for one member, hours to months apart.
/// Scripts name the generators' categories, rewards and tier; under a policy that does not know them, those commands earn × 1 or
/// are refused, which the checks allow.</para>
/// <para>A fold is the host's way of turning a member's commands, in the order they arrive, into a ledger (through its own store,
/// queue and retries); the overloads without one check the engine applying the commands in time order.</para>
/// </remarks>
public static class LoyaltyPolicyChecks
{
    /// <summary>
    /// Checks the ledger's bookkeeping: at the latest entry and at instants after it, <c>Available + Pending + Expired + Redeemed
    /// = Earned − Reversed</c> with no figure negative (nor <c>Available</c>, unless the policy allows a negative balance); at the
    /// latest entry, <c>Available + Pending = Σ entry.Points</c>; and no entry takes a lot below 0 or gives it back more than it
    /// was opened with.
    /// </summary>
    /// <remarks>Holds for every valid policy of this engine; with the other overload, it finds a fold that loses or rewrites entries.</remarks>
    /// <param name="policy">The policy to check.</param>
    /// <returns>The property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property LedgerIsConsistent(LoyaltyOptions policy) => LedgerIsConsistent(policy, InTimeOrder);

    /// <summary>Checks the bookkeeping of <see cref="LedgerIsConsistent(LoyaltyOptions)"/> on the ledgers the host's <paramref name="fold"/> writes.</summary>
    /// <remarks>A fold that drops entries it does not expect (the <c>Expire</c> entries a command writes before its own, say)
    /// breaks <c>Available + Pending = Σ entry.Points</c>.</remarks>
    /// <param name="policy">The policy to check.</param>
    /// <param name="fold">Builds a member's ledger from their commands, in the order given; null when it writes none.</param>
    /// <returns>The property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="fold"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property LedgerIsConsistent(LoyaltyOptions policy, Func<LoyaltyEngine, IReadOnlyList<LoyaltyCommand>, LoyaltyRecord?> fold)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(fold);
        var engine = new LoyaltyEngine(policy);
        return Prop.ForAll(LoyaltyGenerators.Script.ToArbitrary(), commands =>
        {
            var record = fold(engine, commands) ?? new LoyaltyRecord { Member = LoyaltyGenerators.Member };
            if (OverdrawnLot(record) is { } overdrawn)
            {
                return Fail(record, overdrawn);
            }

            var latest = Latest(record);
            foreach (var at in new[] { latest, latest + Duration.FromDays(10), latest + Duration.FromDays(400) })
            {
                var b = engine.Evaluate(record, at).Balance;
                if (b.Available + b.Pending + b.Expired + b.Redeemed != b.Earned - b.Reversed)
                {
                    return Fail(record, $"At {at}, available {b.Available} + pending {b.Pending} + expired {b.Expired} + redeemed {b.Redeemed} is not earned {b.Earned} − reversed {b.Reversed}.");
                }

                if (b.Pending < 0 || b.Expired < 0 || b.Redeemed < 0 || b.Reversed < 0 || b.Debt < 0 || (b.Available < 0 && !policy.AllowNegativeBalance))
                {
                    return Fail(record, $"At {at}, a figure is negative: {b}.");
                }
            }

            var held = engine.Evaluate(record, latest).Balance;
            var sum = record.Entries.Sum(e => e.Points);
            return held.Available + held.Pending == sum
                ? true.ToProperty()
                : Fail(record, $"At the latest entry ({latest}), available {held.Available} + pending {held.Pending} is not the sum of the entries, {sum}.");
        });
    }

    /// <summary>
    /// Checks that no member ever earns more than the policy's <c>DailyCap</c>, <c>MonthlyCap</c> or <c>YearlyCap</c> in a calendar
    /// day, month or year of its zone: the points of the <c>Earn</c> entries of each are summed.
    /// </summary>
    /// <remarks>Holds for every valid policy of this engine (and is vacuous without caps); it guards a host's caps against a change
    /// of zone, tiers or multipliers that would let an earn past them.</remarks>
    /// <param name="policy">The policy to check.</param>
    /// <returns>The property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property CapsAreNeverExceeded(LoyaltyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var engine = new LoyaltyEngine(policy);
        var zone = DateTimeZoneProviders.Tzdb[policy.TimeZoneId];
        return Prop.ForAll(LoyaltyGenerators.Script.ToArbitrary(), commands =>
        {
            var earns = InTimeOrder(engine, commands)?.Entries.Where(e => e.Kind == LoyaltyEntryKind.Earn).Select(e => (Date: e.At.InZone(zone).Date, e.Points)).ToList() ?? [];
            foreach (var (cap, name, period) in new (long?, string, Func<LocalDate, string>)[]
                     {
                         (policy.DailyCap, "daily", d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                         (policy.MonthlyCap, "monthly", d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
                         (policy.YearlyCap, "yearly", d => d.ToString("yyyy", CultureInfo.InvariantCulture)),
                     })
            {
                if (cap is { } limit && earns.GroupBy(e => period(e.Date)).FirstOrDefault(g => g.Sum(e => e.Points) > limit) is { } over)
                {
                    return false.Label(Text($"{over.Sum(e => e.Points)} points were earned in {over.Key}, above the {name} cap of {limit}."));
                }
            }

            return true.ToProperty();
        });
    }

    /// <summary>
    /// Checks that a cancelled redemption gives the very points back: after any generated ledger, a credit that makes the
    /// cheapest reward any member may redeem affordable, that reward redeemed and the redemption reversed at the same instant
    /// leave the same balance and the same lots, with their expiry, as before the redemption.
    /// </summary>
    /// <remarks>Holds for every valid policy of this engine; vacuous when every reward of the catalogue needs a tier.</remarks>
    /// <param name="policy">The policy to check.</param>
    /// <returns>The property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property RedemptionReversalRestoresTheLots(LoyaltyOptions policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var engine = new LoyaltyEngine(policy);
        var reward = policy.Rewards.Where(r => r.RequiredTier is null).OrderBy(r => r.Points).FirstOrDefault();
        return Prop.ForAll(LoyaltyGenerators.Script.ToArbitrary(), commands =>
        {
            if (reward is null)
            {
                return true.ToProperty();
            }

            var record = InTimeOrder(engine, commands) ?? new LoyaltyRecord { Member = LoyaltyGenerators.Member };
            var at = Latest(record) + Duration.FromDays(1);
            var available = engine.Evaluate(record, at).Balance.Available;
            var member = LoyaltyGenerators.Member;
            var before = engine.TryApply(record, new LoyaltyAdjustment { Key = "check-credit", Member = member, At = at, Points = Math.Max(1, reward.Points - available), Reason = "check" }).Record!;
            // A stock-limited reward is redeemed with one left: the host's stock, which the check does not keep.
            var redeemed = engine.TryApply(before, new LoyaltyRedemption { Key = "check-redeem", Member = member, At = at, RewardId = reward.Id, RemainingStock = reward.StockLimited ? 1 : null });
            if (redeemed.Status != LoyaltyOutcomeStatus.Applied)
            {
                return Fail(before, $"Redeeming '{reward.Id}' with enough points was {redeemed.Status}: {redeemed.Reasons[0].Message}");
            }

            var after = engine.TryApply(redeemed.Record, new LoyaltyRedemptionReversal { Key = "check-reverse", Member = member, At = at, RedemptionKey = "check-redeem" }).Record!;
            var was = engine.Evaluate(before, at);
            var now = engine.Evaluate(after, at);
            return was.Balance == now.Balance && was.Lots.SequenceEqual(now.Lots)
                ? true.ToProperty()
                : Fail(after, $"Redeeming '{reward.Id}' and reversing it left {now.Balance} and lots [{string.Join(", ", now.Lots)}] instead of {was.Balance} and [{string.Join(", ", was.Lots)}].");
        });
    }

    /// <summary>
    /// Checks that a member's ledger does not depend on the order their commands arrive in: the engine applying them in time
    /// order (ties by key) gives the same ledger from any permutation of them and with every command delivered twice.
    /// </summary>
    /// <remarks>Holds for every valid policy with this fold; use the other overload to check the host's own ingestion path.</remarks>
    /// <param name="policy">The policy to check.</param>
    /// <returns>The property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property ReplayIsOrderIndependent(LoyaltyOptions policy) => ReplayIsOrderIndependent(policy, InTimeOrder);

    /// <summary>
    /// Checks that the host's own <paramref name="fold"/> does not depend on the order a member's commands arrive in: as they
    /// arrived, any permutation of them, and every command delivered twice, all give the ledger the engine writes applying them
    /// one by one in time order (ties by key).
    /// </summary>
    /// <remarks>A fold that applies commands as they arrive breaks it: unless <see cref="LoyaltyOptions.MaxBackdatingDays"/>
    /// covers the delay, a command older than the ledger's latest entry is refused as back-dated, and even when it is
    /// accepted, a redemption or a cap sees other points than it would have.</remarks>
    /// <param name="policy">The policy to check.</param>
    /// <param name="fold">Builds a member's ledger from their commands, in the order given; null when it writes none.</param>
    /// <returns>The property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="fold"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="policy"/> is invalid.</exception>
    public static Property ReplayIsOrderIndependent(LoyaltyOptions policy, Func<LoyaltyEngine, IReadOnlyList<LoyaltyCommand>, LoyaltyRecord?> fold)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(fold);
        var engine = new LoyaltyEngine(policy);
        var cases = from script in LoyaltyGenerators.Script
                    from shuffled in Gen.Shuffle(script.ToArray())
                    select new ReplayCase(script, shuffled);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var expected = InTimeOrder(engine, c.Script);
            return Same(expected, fold(engine, c.Script)).Label("Folding the commands as they arrived differs from applying them in time order.")
                .And(Same(expected, fold(engine, c.Shuffled)).Label($"Folding the commands in the order [{string.Join(", ", c.Shuffled.Select(e => e.Key))}] differs from applying them in time order."))
                .And(Same(expected, fold(engine, [.. c.Script, .. c.Script])).Label("Folding every command twice differs from applying each once in time order."));
        });
    }

    private static LoyaltyRecord? InTimeOrder(LoyaltyEngine engine, IReadOnlyList<LoyaltyCommand> commands)
    {
        LoyaltyRecord? record = null;
        foreach (var command in commands.OrderBy(c => c.At).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            record = engine.TryApply(record, command).Record ?? record;
        }

        return record;
    }

    /// <summary>The first entry that takes a lot below 0, fills it above its points or names no lot opened before it; null when none does.</summary>
    private static string? OverdrawnLot(LoyaltyRecord record)
    {
        var lots = new Dictionary<string, (long Held, long Points)>(StringComparer.Ordinal);
        foreach (var entry in record.Entries)
        {
            if (entry.OpensLot)
            {
                lots[entry.Key] = (entry.Points, entry.Points);
                continue;
            }

            foreach (var allocation in entry.Allocations)
            {
                if (!lots.TryGetValue(allocation.Lot, out var lot))
                {
                    return $"{entry.Kind} entry {entry.Key} names lot {allocation.Lot}, which no entry before it opened.";
                }

                var held = lot.Held + (Math.Sign(entry.Points) * allocation.Points);
                if (allocation.Points <= 0 || held < 0 || held > lot.Points)
                {
                    return $"{entry.Kind} entry {entry.Key} leaves lot {allocation.Lot} holding {held} of the {lot.Points} points it was opened with.";
                }

                lots[allocation.Lot] = (held, lot.Points);
            }
        }

        return null;
    }

    private static Instant Latest(LoyaltyRecord record) => record.Entries.IsEmpty ? LoyaltyGenerators.Start : record.Entries.Max(e => e.At);

    private static bool Same(LoyaltyRecord? a, LoyaltyRecord? b) => a is null ? b is null : a.Equals(b);

    private static Property Fail(LoyaltyRecord record, string problem)
        => false.Label(problem + " The ledger: " + string.Join("; ", record.Entries.Select(e => Text($"{e.Key} {e.Kind} {e.At} {e.Points}"))));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A script in arrival order and the same commands shuffled.</summary>
    private sealed record ReplayCase(IReadOnlyList<LoyaltyCommand> Script, LoyaltyCommand[] Shuffled)
    {
        public override string ToString() => $"[{string.Join(", ", Script)}]";
    }
}
