using CustomerLifecycle.Internal;
using NodaTime;

namespace CustomerLifecycle.Loyalty;

/// <summary>Measures a programme over many ledgers: points issued, redeemed and expired (breakage) in a period, and the
/// outstanding points' liability at its end, valued at the policy's point value.</summary>
/// <remarks>Sealed, immutable and thread-safe. A measurement replays each ledger into one reused buffer, kept per thread
/// between calls, so it allocates nothing once the buffer holds the largest ledger, but for one summary per record instance
/// replayed; a record is answered without replaying from its summary (kept by this calculator or an engine's sweep) when it
/// holds as the period closes with every entry in the period, and from its persisted <see cref="LoyaltyRecord.Checkpoint"/>
/// (so also just after loading it) when written under the same policy and trusted as the period closes by the engine's
/// rules, and either written before the period starts or with every entry in the period.</remarks>
public sealed class LoyaltyKpiCalculator
{
    private readonly decimal _pointValue;
    private readonly long _fingerprint;

    /// <summary>Creates a calculator for a policy, validating it.</summary>
    /// <param name="options">The policy whose point value the figures are valued at.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The policy is invalid; the exception lists every problem.</exception>
    public LoyaltyKpiCalculator(LoyaltyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyValidation.ThrowIfInvalid<LoyaltyOptions, LoyaltyOptionsValidator>(options);
        _pointValue = options.PointValue;
        _fingerprint = LoyaltyPolicyFingerprint.Of(options);
    }

    /// <summary>Measures the ledgers over [<paramref name="periodStart"/>, <paramref name="periodEnd"/>).</summary>
    /// <param name="records">The members' ledgers; none may be null.</param>
    /// <param name="periodStart">The period's start (included).</param>
    /// <param name="periodEnd">The period's end (excluded): the liability is valued at it, and entries from it on are ignored.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentException"><paramref name="periodEnd"/> is not after <paramref name="periodStart"/>, or a record is null.</exception>
    public LoyaltyKpis Calculate(ReadOnlySpan<LoyaltyRecord> records, Instant periodStart, Instant periodEnd)
    {
        if (periodEnd <= periodStart)
        {
            throw new ArgumentException($"The period's end ({periodEnd}) must be after its start ({periodStart}).", nameof(periodEnd));
        }

        foreach (var record in records)
        {
            if (record is null)
            {
                throw new ArgumentException("A record is null.", nameof(records));
            }
        }

        long issued = 0, redeemed = 0, expired = 0, outstanding = 0;
        var workspace = LoyaltyWorkspace.Rent();
        var ledger = workspace.Ledger;
        // As the period closes: a lot ending exactly at its end expires in the next period, and is still owed now.
        var closing = periodEnd - Duration.Epsilon;
        foreach (var record in records)
        {
            if (LoyaltyRecordSummary.LotsAt(record, closing) is { } summary && summary.Earliest >= periodStart)
            {
                // Every entry and every due lot falls in the period, so its figures are the ledger's totals as it closes (but
                // for the points transfers in moved from another member, which the programme did not issue).
                var held = summary.Balance;
                (issued, redeemed, expired) = (issued + held.Earned - summary.TransferredIn, redeemed + held.Redeemed, expired + held.Expired);
                outstanding += Math.Max(0, held.Available + held.Pending);
                continue;
            }

            if (FromCheckpoint(record, periodStart, closing) is { } figures)
            {
                (issued, redeemed, expired, outstanding) = (issued + figures.Issued, redeemed + figures.Redeemed, expired + figures.Expired, outstanding + figures.Outstanding);
                continue;
            }

            foreach (var entry in record.Entries)
            {
                if (entry.At < periodStart || entry.At >= periodEnd)
                {
                    continue;
                }

                // A transfer moves points between members: the programme issued none.
                issued += entry.OpensLot && entry.Kind != LoyaltyEntryKind.TransferIn ? entry.Points : 0;
                redeemed += entry.Kind switch
                {
                    LoyaltyEntryKind.Redeem => -entry.Points,
                    LoyaltyEntryKind.Reverse when entry.Points > 0 => -entry.Points,
                    _ => 0,
                };
                expired += entry.Kind == LoyaltyEntryKind.Expire ? -entry.Points : 0;
            }

            ledger.LoadBefore(record.Entries, periodEnd);
            expired += ledger.DueUnwritten(periodStart, periodEnd);
            var balance = ledger.Balance(record.Member, closing, Duration.Zero, _pointValue);
            outstanding += Math.Max(0, balance.Available + balance.Pending);
            if (record.Summary is null)
            {
                // Kept only where no engine keeps one, so that a sweep and a report over the same records do not take turns.
                LoyaltyRecordSummary.Keep(record, this, ledger, balance, Duration.Zero, Instant.MaxValue, null, workspace.TierWalk);
            }
        }

        workspace.Return();

        return new LoyaltyKpis(
            periodStart,
            periodEnd,
            records.Length,
            issued,
            redeemed,
            expired,
            outstanding,
            outstanding * _pointValue,
            expired * _pointValue,
            issued == 0 ? null : (decimal)redeemed / issued,
            issued == 0 ? null : (decimal)expired / issued);
    }

    /// <summary>The record's figures for the period from its checkpoint, when trusted as the period closes and when they follow
    /// from it without the ledger; null when the record must be replayed.</summary>
    private (long Issued, long Redeemed, long Expired, long Outstanding)? FromCheckpoint(LoyaltyRecord record, Instant periodStart, Instant closing)
    {
        // Up to Until, not LotsUntil, though the figures read no tier: past it the replay below keeps a summary, and the next
        // report over the same records answers from that, which is cheaper than this path (it reads the entries).
        if (LoyaltyCheckpointTrust.Trusted(record, _fingerprint, closing) is not { Balance: var held } checkpoint || closing >= checkpoint.Until)
        {
            return null;
        }

        var outstanding = Math.Max(0, held.Available + held.Pending);
        if (held.AsOf < periodStart)
        {
            // Every entry is older than the period, and no lot changed state from the checkpoint until the period closes: none
            // expired in it.
            return (0, 0, 0, outstanding);
        }

        long transferredIn = 0;
        foreach (var entry in record.Entries)
        {
            if (entry.At < periodStart)
            {
                return null;
            }

            transferredIn += entry.Kind == LoyaltyEntryKind.TransferIn ? entry.Points : 0;
        }

        // Every entry, and so every lot's end, falls in the period: its figures are the ledger's totals as it closes (but for the
        // points transfers in moved from another member, which the programme did not issue).
        return (held.Earned - transferredIn, held.Redeemed, held.Expired, outstanding);
    }
}
