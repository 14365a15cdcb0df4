using System.Globalization;
using CustomerLifecycle.Cli.Input;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>
/// Every member's ledger built from a transaction file: each row with a positive amount is a purchase (order id <c>line-N</c>,
/// N its line), each negative amount a refund of the member's earlier purchases, newest first, and a zero amount earns nothing.
/// The rows become the profile's facts, and the facts the loyalty commands they earn through the SDK's <see cref="LoyaltyFacts"/>.
/// </summary>
internal sealed class LoyaltyLedgers
{
    private LoyaltyLedgers(LoyaltyRecord[] records, int purchases, int refunds, int zeroRows, decimal unmatchedRefunds, Dictionary<string, int> refusals)
    {
        Records = records;
        Purchases = purchases;
        Refunds = refunds;
        ZeroRows = zeroRows;
        UnmatchedRefunds = unmatchedRefunds;
        Refusals = refusals;
    }

    /// <summary>Gets the members' ledgers, in ordinal id order.</summary>
    public LoyaltyRecord[] Records { get; }

    public int Purchases { get; }

    public int Refunds { get; }

    public int ZeroRows { get; }

    /// <summary>Gets the refunded amount no earlier purchase of the member could account for (nothing is taken back for it).</summary>
    public decimal UnmatchedRefunds { get; }

    /// <summary>Gets how many commands the engine refused, by refusal code.</summary>
    public IReadOnlyDictionary<string, int> Refusals { get; }

    public static LoyaltyLedgers Build(LoyaltyEngine engine, IReadOnlyList<TransactionRow> rows, CancellationToken cancellationToken)
    {
        var members = rows
            .GroupBy(r => r.Customer, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var records = new LoyaltyRecord[members.Count];
        var refusals = new Dictionary<string, int>(StringComparer.Ordinal);
        int purchases = 0, refunds = 0, zeroRows = 0;
        var unmatched = 0m;
        for (var m = 0; m < members.Count; m++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var member = CustomerId.From(members[m].Key);
            LoyaltyRecord? record = null;
            // The member's purchases with what is left of them to refund, oldest first.
            var open = new List<(string OrderId, decimal Left)>();
            foreach (var row in members[m].OrderBy(r => r.Date).ThenBy(r => r.Line))
            {
                var at = CustomerTransactions.InstantOf(row.Date);
                var amount = (decimal)row.Amount;
                if (amount == 0)
                {
                    zeroRows++;
                    continue;
                }

                if (amount > 0)
                {
                    purchases++;
                    var orderId = string.Create(CultureInfo.InvariantCulture, $"line-{row.Line}");
                    if (Apply(engine, ref record, CustomerFact.Purchase(orderId, member, at, orderId, row.Amount), refusals))
                    {
                        open.Add((orderId, amount));
                    }

                    continue;
                }

                refunds++;
                var left = -amount;
                for (var o = open.Count - 1; o >= 0 && left > 0; o--)
                {
                    var (orderId, orderLeft) = open[o];
                    var part = Math.Min(orderLeft, left);
                    if (part > 0)
                    {
                        var id = string.Create(CultureInfo.InvariantCulture, $"line-{row.Line}-refunds-{orderId}");
                        Apply(engine, ref record, CustomerFact.Refund(id, member, at, orderId, (double)part), refusals);
                        open[o] = (orderId, orderLeft - part);
                        left -= part;
                    }
                }

                unmatched += left;
            }

            records[m] = record ?? new LoyaltyRecord { Member = member };
        }

        return new LoyaltyLedgers(records, purchases, refunds, zeroRows, unmatched, refusals);
    }

    private static bool Apply(LoyaltyEngine engine, ref LoyaltyRecord? record, CustomerFact fact, Dictionary<string, int> refusals)
    {
        var outcome = engine.TryApply(record, LoyaltyFacts.ToCommand(fact)!);
        if (outcome.Status == LoyaltyOutcomeStatus.Applied)
        {
            record = outcome.Record;
            return true;
        }

        var code = outcome.Reasons[0].Code;
        refusals[code] = refusals.GetValueOrDefault(code) + 1;
        return false;
    }
}
