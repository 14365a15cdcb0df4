using System.Globalization;
using CustomerLifecycle.Cli.Input;

namespace CustomerLifecycle.Cli.Tests;

public sealed class TransactionFileTests
{
    private static readonly TransactionFile.Layout Csv = new(',', true, 0, 1, 2, 3);

    private static readonly string[] Customers = ["c-1", " c-1 ", "c-2", "", "  ", "\"c-3\"", "c,4"];
    private static readonly string[] Dates =
    [
        "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-04-30", " 2024-01-05 ", "20240105", "2024-1-05",
        "0000-01-01", "0001-01-01", "9999-12-31", "2024-01-05T10:00:00", "2024-01-05T23:30:00+02:00", "2024/01/05", "", "2024-01-0x",
    ];

    private static readonly string[] Amounts =
    [
        "17.67", "0", "-3.5", " 42 ", "$12.00", "\"1,234.56\"", "1,2", "1e5", "NaN", "Infinity", "", "abc", ".5", "5.", "+7", "-0", "1234567890123.25",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APlainRowReadFromItsCharacters_IsTheRowTheGeneralReadGives_AndEveryOtherRowIsLeftToIt(bool refunds)
    {
        var random = new Random(14);
        for (var n = 0; n < 5_000; n++)
        {
            var fields = new List<string> { Pick(random, Customers), Pick(random, Dates), Pick(random, Amounts) };
            if (random.Next(10) == 0)
            {
                fields.Add("extra");
            }

            if (random.Next(20) == 0)
            {
                fields.RemoveAt(random.Next(fields.Count));
            }

            var line = string.Join(',', fields);
            string? last = random.Next(2) == 0 ? "c-1" : null;
            var plain = TransactionFile.TryParsePlainRow(line, n + 2, Csv, ',', refunds, ref last, out var row);
            TransactionRow? general;
            try
            {
                general = TransactionFile.ParseRow(line, n + 2, Csv, null, refunds);
            }
            catch (RowException)
            {
                general = null;
            }

            Assert.True(!plain || row == general, $"'{line}': read plainly as {row}, generally as {general?.ToString() ?? "an error"}");
        }
    }

    [Fact]
    public void PlainRowsOfOneCustomer_ShareTheCustomersString()
    {
        string? last = null;
        Assert.True(TransactionFile.TryParsePlainRow("c-9,2024-01-05,10", 2, Csv, ',', false, ref last, out var first));
        Assert.True(TransactionFile.TryParsePlainRow("c-9,2024-01-06,12.5", 3, Csv, ',', false, ref last, out var second));

        Assert.Same(first.Customer, second.Customer);
        Assert.Equal(new TransactionRow("c-9", new NodaTime.LocalDate(2024, 1, 6), 12.5, 3), second);
    }

    [Fact]
    public void AFileOfPlainAndQuotedRows_ReadsEveryRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"transactions-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "customer_id,date,amount\nc-1,2024-01-05,10\n\"c-2\",2024-01-06,\"1,234.50\"\nc-1,20240107,$3\n");
        try
        {
            var read = TransactionFile.Read(path, new ReadOptions(), CancellationToken.None);

            Assert.Equal(
                ["c-1 2024-01-05 10 2", "c-2 2024-01-06 1234.5 3", "c-1 2024-01-07 3 4"],
                read.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Customer} {r.Date:yyyy-MM-dd} {r.Amount} {r.Line}")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
