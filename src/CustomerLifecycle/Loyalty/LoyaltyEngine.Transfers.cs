using System.Collections.Immutable;
using System.Globalization;

namespace CustomerLifecycle.Loyalty;

/// <summary>Transfers: points moved between two members, one command and one entry on each side.</summary>
public sealed partial class LoyaltyEngine
{
    private Step TransferOut(LoyaltyLedger ledger, ImmutableArray<LoyaltyEntry> entries, LoyaltyTransferOut transfer)
    {
        if (TransferRefusal(entries, transfer, LoyaltyEntryKind.TransferOut, transfer.TransferId, transfer.To, "To", transfer.Points) is { } invalid)
        {
            return Step.Refuse(invalid);
        }

        var available = ledger.AvailableAt(transfer.At);
        if (available < transfer.Points)
        {
            return Step.Refuse(LoyaltyRefusals.Refuse("loyalty.insufficient-points", "Points", transfer.Points, $"a transfer of {transfer.Points} points but {available} are available."));
        }

        var allocations = Take(ledger, transfer.At, transfer.Points, firstLot: null);
        return Step.Write(new LoyaltyEntry
        {
            Key = transfer.Key,
            Kind = LoyaltyEntryKind.TransferOut,
            At = transfer.At,
            Points = -transfer.Points,
            RuleId = "loyalty.transfer-out",
            Reason = string.Create(CultureInfo.InvariantCulture, $"Transfer {transfer.TransferId}: {transfer.Points} points to {transfer.To} from {Lots(allocations)}."),
            TransferId = transfer.TransferId,
            Counterpart = transfer.To,
            Allocations = allocations,
        });
    }

    private Step TransferIn(LoyaltyLedger ledger, ImmutableArray<LoyaltyEntry> entries, LoyaltyTransferIn transfer)
    {
        if (TransferRefusal(entries, transfer, LoyaltyEntryKind.TransferIn, transfer.TransferId, transfer.From, "From", transfer.Points) is { } invalid)
        {
            return Step.Refuse(invalid);
        }

        // Like a credit: the lot starts a lifetime of its own, or under rolling expiry joins the points the member holds.
        var expiresAt = CreditExpiry(ledger, transfer.At);
        return Step.Write(new LoyaltyEntry
        {
            Key = transfer.Key,
            Kind = LoyaltyEntryKind.TransferIn,
            At = transfer.At,
            Points = transfer.Points,
            RuleId = "loyalty.transfer-in",
            Reason = string.Create(CultureInfo.InvariantCulture, $"Transfer {transfer.TransferId}: {transfer.Points} points from {transfer.From}, available at once, expiring {expiresAt}."),
            TransferId = transfer.TransferId,
            Counterpart = transfer.From,
            AvailableFrom = transfer.At,
            ExpiresAt = expiresAt,
            RollsExpiryTo = RollsTo(transfer.At) is null ? null : expiresAt,
        });
    }

    private static Reason? TransferRefusal(ImmutableArray<LoyaltyEntry> entries, LoyaltyCommand transfer, LoyaltyEntryKind side, string transferId, CustomerId other, string otherField, long points)
    {
        if (LoyaltyRefusals.NotEmpty("TransferId", transferId) is { } invalid)
        {
            return invalid;
        }

        if (other.IsDefault || other == transfer.Member)
        {
            return LoyaltyRefusals.Invalid(otherField, other.IsDefault ? null : other.Value, "must be another member than the command's.");
        }

        if (points <= 0 || points > MaxAdjustment)
        {
            return LoyaltyRefusals.Invalid("Points", points, string.Create(CultureInfo.InvariantCulture, $"must be in [1, {MaxAdjustment}] but was {points}."));
        }

        return entries.FirstOrDefault(e => e.Kind == side && e.TransferId == transferId) is { } earlier
            ? LoyaltyRefusals.Refuse("loyalty.transfer-already-applied", "TransferId", transferId, $"transfer '{transferId}' was already applied to this member by command '{earlier.Key}'.")
            : null;
    }
}
