using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>
/// The loyalty programme: turns purchases, refunds, activities, redemptions, adjustments and transfers into entries of a member's
/// append-only points ledger, and derives balances from the ledger at an instant. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// <para>Sealed, immutable and thread-safe: build one per policy and share it.</para>
/// <para>A command is applied whole or refused whole. Before it, every lot whose lifetime ended by the command's instant is
/// expired (an Expire entry keyed by the command); a redemption or debit then takes points from the lots spendable at that
/// instant, soonest-expiring first, and records which, so that a reversal gives the very same points back to the same lots
/// with their original expiry.</para>
/// </remarks>
public sealed partial class LoyaltyEngine
{
    // Instants a ledger can hold: far enough from NodaTime's limits that adding a lot's lifetime never overflows.
    private static readonly Instant EarliestInstant = Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant LatestInstant = Instant.FromUtc(2200, 1, 1, 0, 0);

    private readonly DateTimeZone _zone;
    private readonly decimal _pointsPerUnit;
    private readonly LoyaltyRounding _rounding;
    private readonly decimal _minimumSpend;
    private readonly HashSet<string> _excludedCategories;
    private readonly Dictionary<string, decimal> _categoryMultipliers;
    private readonly long[] _activityPoints;
    private readonly LoyaltyCampaign[] _campaigns;
    private readonly int _loginStreakDays;
    private readonly long _loginStreakPoints;
    private readonly long? _dailyCap;
    private readonly long? _monthlyCap;
    private readonly long? _yearlyCap;
    private readonly Duration _holding;
    private readonly LoyaltyExpiryMode _expiryMode;
    private readonly int _lifetimeMonths;
    private readonly int _expiryPeriodMonths;
    private readonly int _expiryPeriodsAfter;
    private readonly Duration _warning;
    private readonly Duration _maxBackdating;
    private readonly bool _allowNegativeBalance;
    private readonly decimal _pointValue;
    private readonly Dictionary<string, LoyaltyRewardOptions> _rewards;
    private readonly LoyaltyTiers? _tiers;
    private readonly long _fingerprint;

    /// <summary>Creates an engine for a policy, validating it.</summary>
    /// <param name="options">The policy; it is copied, so later changes to it do not affect the engine.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The policy is invalid; the exception lists every problem.</exception>
    public LoyaltyEngine(LoyaltyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<LoyaltyOptions, LoyaltyOptionsValidator>(options);
        _zone = DateTimeZoneProviders.Tzdb[options.TimeZoneId];
        _pointsPerUnit = options.PointsPerUnit;
        _rounding = options.Rounding;
        _minimumSpend = options.MinimumSpend;
        _excludedCategories = new HashSet<string>(options.ExcludedCategories ?? [], StringComparer.OrdinalIgnoreCase);
        _categoryMultipliers = new Dictionary<string, decimal>(options.CategoryMultipliers ?? [], StringComparer.OrdinalIgnoreCase);
        _campaigns = [.. (options.Campaigns ?? []).Select(c => new LoyaltyCampaign(c))];
        _loginStreakDays = options.LoginStreakDays;
        _loginStreakPoints = options.LoginStreakPoints;
        _activityPoints = [options.SurveyAnsweredPoints, options.ReferralConvertedPoints, options.ReviewWrittenPoints];
        _dailyCap = options.DailyCap;
        _monthlyCap = options.MonthlyCap;
        _yearlyCap = options.YearlyCap;
        _holding = Duration.FromDays(options.HoldingDays);
        _expiryMode = options.ExpiryMode;
        _lifetimeMonths = options.LifetimeMonths;
        _expiryPeriodMonths = options.ExpiryPeriod switch { LoyaltyExpiryPeriod.CalendarMonth => 1, LoyaltyExpiryPeriod.CalendarQuarter => 3, _ => 12 };
        _expiryPeriodsAfter = options.ExpiryPeriodsAfter;
        _warning = Duration.FromDays(options.ExpiryWarningDays);
        _maxBackdating = Duration.FromDays(options.MaxBackdatingDays);
        _allowNegativeBalance = options.AllowNegativeBalance;
        _pointValue = options.PointValue;
        _rewards = (options.Rewards ?? []).ToDictionary(
            r => r.Id,
            r => new LoyaltyRewardOptions { Id = r.Id, Name = r.Name, Points = r.Points, CashPrice = r.CashPrice, StockLimited = r.StockLimited, RequiredTier = r.RequiredTier },
            StringComparer.Ordinal);
        _tiers = LoyaltyTiers.From(options, _zone);
        _fingerprint = LoyaltyPolicyFingerprint.Of(options);
    }

    /// <summary>Applies a command to a member's record; never throws for a command, reporting every problem in the outcome instead.</summary>
    /// <param name="record">The member's record, or null when the member has none yet.</param>
    /// <param name="command">The command.</param>
    /// <returns>
    /// <see cref="LoyaltyOutcomeStatus.Applied"/> with the record (the entries appended, and its <see cref="LoyaltyRecord.Checkpoint"/>
    /// as of its latest entry) and the entries appended; <see cref="LoyaltyOutcomeStatus.Duplicate"/>
    /// when the ledger already holds the command's key; or <see cref="LoyaltyOutcomeStatus.Rejected"/> with one reason naming the
    /// field and its value. Nothing is written unless applied.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    public LoyaltyOutcome TryApply(LoyaltyRecord? record, LoyaltyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (LoyaltyRefusals.Identity(record, command) is { } refusal)
        {
            return Rejected(record, refusal);
        }

        var entries = record?.Entries ?? [];
        if (entries.Any(e => e.Key == command.Key))
        {
            return new LoyaltyOutcome
            {
                Status = LoyaltyOutcomeStatus.Duplicate,
                Record = record,
                Entries = [],
                Reasons = [new Reason("loyalty.duplicate", $"The ledger already holds command '{command.Key}'; nothing was written.", new Dictionary<string, object?> { ["key"] = command.Key })],
            };
        }

        if (LoyaltyRefusals.Timing(entries, command, EarliestInstant, LatestInstant, _maxBackdating) is { } late)
        {
            return Rejected(record, late);
        }

        var ledger = new LoyaltyLedger();
        ledger.Load(entries);
        var written = new List<LoyaltyEntry>();
        ExpireDue(ledger, command, written);
        var step = command switch
        {
            LoyaltyPurchase purchase => Earn(entries, purchase),
            LoyaltyActivity activity => Earn(entries, activity),
            LoyaltyRefund refund => Refund(ledger, entries, refund),
            LoyaltyRedemption redemption => Redeem(ledger, entries, redemption),
            LoyaltyRedemptionReversal reversal => Reverse(entries, reversal),
            LoyaltyAdjustment adjustment => Adjust(ledger, adjustment),
            LoyaltyStatusMatch match => Match(match),
            LoyaltyTransferOut transfer => TransferOut(ledger, entries, transfer),
            LoyaltyTransferIn transfer => TransferIn(ledger, entries, transfer),
            LoyaltyLogin login => Login(entries, login),
            // Only through a record's protected copy constructor can a host derive a command of its own.
            _ => Step.Refuse(LoyaltyRefusals.Invalid("Command", command.GetType().Name, "is not a loyalty command this engine knows.")),
        };
        if (step.Refusal is not null)
        {
            return Rejected(record, step.Refusal);
        }

        written.Add(step.Entry!);
        ledger.Add(step.Entry!);

        // Only a reversal can give points back to a lot already past its end; they expire at once, as they would have.
        ExpireDue(ledger, command, written);
        var reasons = written.Select(e => new Reason(e.RuleId, e.Reason, new Dictionary<string, object?> { ["key"] = e.Key, ["points"] = e.Points })).ToList();
        if (step.Shortfall > 0)
        {
            reasons.Add(new Reason(
                "loyalty.shortfall",
                $"{step.Shortfall} points could not be taken back: they are spent and the policy does not allow a negative balance.",
                new Dictionary<string, object?> { ["shortfall"] = step.Shortfall }));
        }

        var appended = entries.AddRange(written);
        return new LoyaltyOutcome
        {
            Status = LoyaltyOutcomeStatus.Applied,
            Record = new LoyaltyRecord
            {
                Member = command.Member,
                Entries = appended,
                Checkpoint = Written(ledger, command.Member, appended),
            },
            Entries = [.. written],
            Reasons = reasons,
            Shortfall = step.Shortfall,
        };
    }

    /// <summary>A member's points at an instant, with every lot that still holds points.</summary>
    /// <param name="record">The member's record.</param>
    /// <param name="asOf">The instant lots are judged at (pending, available, expired); every entry of the ledger counts, so pass
    /// an instant not before its latest entry for a statement that reads as of then.</param>
    /// <returns>The balance and the lots, soonest-expiring first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public LoyaltyStatement Evaluate(LoyaltyRecord record, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ledger = new LoyaltyLedger();
        ledger.Load(record.Entries);
        var lots = new List<(LoyaltyLot Lot, int Order)>();
        for (var lot = 0; lot < ledger.LotCount; lot++)
        {
            if (ledger.Remaining(lot) > 0)
            {
                var entry = ledger.Lot(lot);
                lots.Add((new LoyaltyLot(entry.Key, entry.At, entry.AvailableFrom!.Value, ledger.ExpiresAt(lot), entry.Points, ledger.Remaining(lot), ledger.StateAt(lot, asOf)), lot));
            }
        }

        var tier = _tiers?.Status(record.Entries, asOf);
        return new LoyaltyStatement(
            ledger.Balance(record.Member, asOf, _warning, _pointValue, tier?.Level ?? 0),
            [.. lots.OrderBy(l => l.Lot.ExpiresAt).ThenBy(l => l.Order).Select(l => l.Lot)])
        {
            Tier = tier,
        };
    }

    /// <summary>Evaluates a record at an instant and explains it, entry by entry, for the few members a person looks at.</summary>
    /// <param name="record">The member's record.</param>
    /// <param name="asOf">The instant lots are judged at.</param>
    /// <returns>The statement of <see cref="Evaluate(LoyaltyRecord, Instant)"/> explained: one reason per ledger entry (code the
    /// entry's rule id, in ledger order), one per lot holding points (<c>loyalty.lot</c>), the expiry policy when it is rolling or
    /// end-of-period (<c>loyalty.expiry-policy</c>), the debt if any (<c>loyalty.debt</c>)
    /// and, when the policy has tiers, the tier (<c>loyalty.tier</c>) and every decision about it (code the change's).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public Explanation<LoyaltyStatement> Explain(LoyaltyRecord record, Instant asOf)
    {
        var statement = Evaluate(record, asOf);
        return new Explanation<LoyaltyStatement>(record.Member.ToString(), LoyaltyExplanation.Decision(statement, _warning), statement, LoyaltyExplanation.Reasons(record, statement, ExpiryPolicy(statement)));
    }

    /// <summary>Evaluates many records at one instant (a nightly sweep: expiry judged and, with tiers, reviews and grace periods
    /// walked to <paramref name="asOf"/>; a liability report), writing compact outputs; allocates nothing once the thread's
    /// buffers hold the largest ledger, but for one summary per record instance replayed.</summary>
    /// <remarks>Until the next instant anything can change without a new entry (a lot's holding period or lifetime ends, a lot
    /// enters the warning window, a tier review, grace period or status match ends), a sweep answers for a record without
    /// replaying and without allocating, the balance the same to the bit: from its <see cref="LoyaltyRecord.Checkpoint"/>, when
    /// written under this policy and agreeing with its entries (so also for records just loaded from a store), or from what an
    /// earlier sweep's replay of the same instance found. Past a tier review, grace period or status match end, while the lots
    /// still hold, the tier is decided from the tier walk's state kept with either (<see cref="LoyaltyCheckpoint.Tier"/>;
    /// calendar-year windows), still without replaying. Any other record is replayed, and keeps what the replay found (in
    /// memory, when not before its latest entry); <see cref="Checkpoint(LoyaltyRecord, Instant)"/> then turns that into the
    /// checkpoint a host saves, so that the next night's sweep over the loaded records answers from it.</remarks>
    /// <param name="records">The records; none may be null.</param>
    /// <param name="asOf">The instant lots are judged at.</param>
    /// <param name="outputs">Receives one balance per record, at the same index; at least as long as <paramref name="records"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="outputs"/> is shorter than <paramref name="records"/>, or a record is null (nothing is written then).</exception>
    public void Evaluate(ReadOnlySpan<LoyaltyRecord> records, Instant asOf, Span<LoyaltyBalance> outputs)
    {
        Guard.LongEnough(outputs.Length, records.Length);

        foreach (var record in records)
        {
            if (record is null)
            {
                throw new ArgumentException("A record is null.", nameof(records));
            }
        }

        var workspace = LoyaltyWorkspace.Rent();
        try
        {
            for (var i = 0; i < records.Length; i++)
            {
                var record = records[i];
                outputs[i] = LoyaltyRecordSummary.Holding(record, this, asOf) is { } summary ? summary.At(asOf) : Unsummarised(workspace, record, asOf);
            }
        }
        finally
        {
            workspace.Return();
        }
    }

    /// <summary>The balance of a record whose summary does not hold at <paramref name="asOf"/>: from its trusted checkpoint,
    /// with the tier's decisions due since taken from the checkpoint's tier state when past <see cref="LoyaltyCheckpoint.Until"/>;
    /// or from the summary's tier state while its lots hold; otherwise replayed. (<see cref="Resumed"/> less the checkpoint
    /// checked twice: this is the review night's path.)</summary>
    private LoyaltyBalance Unsummarised(LoyaltyWorkspace workspace, LoyaltyRecord record, Instant asOf)
    {
        if (LoyaltyCheckpointTrust.Trusted(record, _fingerprint, asOf) is { } checkpoint)
        {
            if (asOf < checkpoint.Until)
            {
                return checkpoint.Balance with { AsOf = asOf };
            }

            if (ResumedLevel(workspace, checkpoint.Tier, asOf, out _) is { } level)
            {
                return checkpoint.Balance with { AsOf = asOf, TierLevel = level };
            }
        }
        else if (record.Summary is LoyaltyRecordSummary summary && ReferenceEquals(summary.Policy, this) && asOf >= summary.From && asOf < summary.LotsUntil
                 && ResumedLevel(workspace, summary.Tier, asOf, out _) is { } level)
        {
            return summary.Balance with { AsOf = asOf, TierLevel = level };
        }

        return Replay(workspace, record, asOf);
    }

    /// <summary>The tier at <paramref name="asOf"/> resumed from <paramref name="state"/> (see <see cref="LoyaltyTiers.LevelFrom"/>),
    /// and when it decides next; null when there is no state this policy resumes.</summary>
    private int? ResumedLevel(LoyaltyWorkspace workspace, LoyaltyTierCheckpoint? state, Instant asOf, out Instant nextDecision)
    {
        nextDecision = Instant.MaxValue;
        return _tiers is not null && state is not null && _tiers.Resumes(state) ? _tiers.LevelFrom(workspace.TierWalk, state, asOf, out nextDecision) : null;
    }

    /// <summary>A member's balance replayed from every entry, kept on the record (see <see cref="LoyaltyRecordSummary"/>) for the
    /// sweeps up to the next instant anything can change.</summary>
    private LoyaltyBalance Replay(LoyaltyWorkspace workspace, LoyaltyRecord record, Instant asOf)
    {
        var balance = Replay(workspace, record.Member, record.Entries, asOf, out var nextTierDecision);
        LoyaltyRecordSummary.Keep(record, this, workspace.Ledger, balance, _warning, nextTierDecision, _tiers, workspace.TierWalk);
        return balance;
    }

    private static LoyaltyOutcome Rejected(LoyaltyRecord? account, Reason refusal) => new()
    {
        Status = LoyaltyOutcomeStatus.Rejected,
        Record = account,
        Entries = [],
        Reasons = [refusal],
    };

    private void ExpireDue(LoyaltyLedger ledger, LoyaltyCommand command, List<LoyaltyEntry> written)
    {
        for (var lot = 0; lot < ledger.LotCount; lot++)
        {
            var remaining = ledger.Remaining(lot);
            if (remaining > 0 && ledger.StateAt(lot, command.At) == LoyaltyLotState.Expired)
            {
                var opened = ledger.Lot(lot);
                var expiresAt = ledger.ExpiresAt(lot);
                var expiry = new LoyaltyEntry
                {
                    Key = command.Key,
                    Kind = LoyaltyEntryKind.Expire,
                    At = expiresAt,
                    Points = -remaining,
                    RuleId = "loyalty.expire",
                    Reason = $"Lot {opened.Key} (earned {opened.At}) expired at {expiresAt} with {remaining} points left{(_expiryMode == LoyaltyExpiryMode.Rolling ? $", {_lifetimeMonths} months after the member's last earn or redemption" : string.Empty)}.",
                    Allocations = [new LoyaltyAllocation(opened.Key, remaining)],
                };
                written.Add(expiry);
                ledger.Add(expiry);
            }
        }
    }


    /// <summary>What a command writes: one entry (and the points a refund could not take back), or a refusal.</summary>
    private readonly record struct Step(LoyaltyEntry? Entry, Reason? Refusal, long Shortfall)
    {
        public static Step Write(LoyaltyEntry entry, long shortfall = 0) => new(entry, null, shortfall);

        public static Step Refuse(Reason refusal) => new(null, refusal, 0);
    }
}
