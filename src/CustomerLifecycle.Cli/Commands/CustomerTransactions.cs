using System.Collections.Immutable;
using System.Globalization;
using CustomerLifecycle.Cli.Input;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Cli.Commands;

/// <summary>The rows of a file grouped by customer (ordinal id order), each customer's rows by date, as purchase facts with stable ids.</summary>
internal sealed class CustomerTransactions
{
    private CustomerTransactions(TransactionRow[] rows, string[] customers, int[] starts)
    {
        Rows = rows;
        Customers = customers;
        Starts = starts;
    }

    /// <summary>Gets the rows, grouped by customer and ordered by date within a customer.</summary>
    public TransactionRow[] Rows { get; }

    /// <summary>Gets the customers' ids, ordinal order.</summary>
    public string[] Customers { get; }

    /// <summary>Gets where each customer's rows start in <see cref="Rows"/>; one more entry than customers.</summary>
    public int[] Starts { get; }

    public LocalDate FirstDate => Rows.Min(r => r.Date);

    public LocalDate LastDate => Rows.Max(r => r.Date);

    public static CustomerTransactions From(IReadOnlyList<TransactionRow> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted, static (x, y) =>
        {
            var byCustomer = string.CompareOrdinal(x.Customer, y.Customer);
            if (byCustomer != 0)
            {
                return byCustomer;
            }

            var byDate = x.Date.CompareTo(y.Date);
            if (byDate != 0)
            {
                return byDate;
            }

            var byAmount = x.Amount.CompareTo(y.Amount);
            return byAmount != 0 ? byAmount : x.Line.CompareTo(y.Line);
        });
        var customers = new List<string>();
        var starts = new List<int>();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || !string.Equals(sorted[i].Customer, sorted[i - 1].Customer, StringComparison.Ordinal))
            {
                customers.Add(sorted[i].Customer);
                starts.Add(i);
            }
        }

        starts.Add(sorted.Length);
        return new CustomerTransactions(sorted, [.. customers], [.. starts]);
    }

    public ReadOnlySpan<TransactionRow> RowsOf(int customer) => Rows.AsSpan(Starts[customer], Starts[customer + 1] - Starts[customer]);

    /// <summary>A file's date as the instant the engines see: its midnight, UTC.</summary>
    public static Instant InstantOf(LocalDate date) => date.AtMidnight().InUtc().ToInstant();

    /// <summary>
    /// The customer's purchases, in date order. A fact's id (also its order id) is <c>customer|date|amount|n</c>, n counting
    /// identical rows (same customer, day and amount) from 1, so a row keeps its id when other rows are added to the file, in any order.
    /// </summary>
    public CustomerFact[] FactsOf(int customer) => FactsOf(customer, 0);

    /// <summary>The customer's purchases from their <paramref name="from"/>th row on (<see cref="FactsOf(int)"/>'s last ones).</summary>
    public CustomerFact[] FactsOf(int customer, int from)
    {
        var rows = RowsOf(customer);
        var id = CustomerId.From(Customers[customer]);
        var facts = new CustomerFact[rows.Length - from];
        var room = FactIdRoom(customer);
        Span<char> text = room <= 512 ? stackalloc char[room] : new char[room];
        var ordinal = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            ordinal = OrdinalOf(rows, i, ordinal);
            if (i < from)
            {
                continue;
            }

            var factId = new string(text[..WriteFactId(rows[i], ordinal, text)]);
            facts[i - from] = CustomerFact.Purchase(factId, id, InstantOf(rows[i].Date), factId, rows[i].Amount);
        }

        return facts;
    }

    /// <summary>Whether the customer's rows from their <paramref name="from"/>th on are all at <paramref name="latest"/>, with
    /// ids among <paramref name="ids"/>: a stored profile then holds each of them, which this tells without making their facts.</summary>
    public bool AllHeld(int customer, int from, Instant latest, ImmutableArray<string> ids)
    {
        var rows = RowsOf(customer);
        var room = FactIdRoom(customer);
        Span<char> text = room <= 512 ? stackalloc char[room] : new char[room];
        var ordinal = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            ordinal = OrdinalOf(rows, i, ordinal);
            if (i < from)
            {
                continue;
            }

            if (InstantOf(rows[i].Date) != latest || !Contains(ids, text[..WriteFactId(rows[i], ordinal, text)]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ordinal of row <paramref name="i"/> in its fact id, given the previous row's: its place among the customer's
    /// consecutive rows of the same date and amount (1 for the first), so that such rows stay distinct facts.</summary>
    private static int OrdinalOf(ReadOnlySpan<TransactionRow> rows, int i, int previous)
        => i > 0 && rows[i].Date == rows[i - 1].Date && rows[i].Amount.Equals(rows[i - 1].Amount) ? previous + 1 : 1;

    /// <summary>Room for a fact id of the customer: the customer, the date, the amount (at most 24 characters) and the ordinal.</summary>
    private int FactIdRoom(int customer) => Customers[customer].Length + 64;

    /// <summary>Writes the row's fact id (see <see cref="FactsOf(int)"/>); the date's parts as numbers, not the date through
    /// its pattern: the same text, without a string for it.</summary>
    private static int WriteFactId(in TransactionRow row, int ordinal, Span<char> destination)
    {
        var date = row.Date;
        return destination.TryWrite(CultureInfo.InvariantCulture, $"{row.Customer}|{date.Year:D4}-{date.Month:D2}-{date.Day:D2}|{row.Amount:R}|{ordinal}", out var written)
            ? written
            : throw new InvalidOperationException("A fact id outgrew the room made for it.");
    }

    private static bool Contains(ImmutableArray<string> ids, ReadOnlySpan<char> id)
    {
        foreach (var candidate in ids)
        {
            if (id.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many of the customer's first rows are dated before <paramref name="instant"/>.</summary>
    public int CountBefore(int customer, Instant instant)
    {
        var rows = RowsOf(customer);
        var count = 0;
        while (count < rows.Length && InstantOf(rows[count].Date) < instant)
        {
            count++;
        }

        return count;
    }
}
