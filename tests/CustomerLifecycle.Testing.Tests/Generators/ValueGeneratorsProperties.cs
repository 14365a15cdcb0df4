using CustomerLifecycle.Testing.Generators;
using CustomerLifecycle.Value;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Testing.Tests.Generators;

/// <summary>The value generators produce what their documentation promises, and the arbitraries register with FsCheck.Xunit.</summary>
public sealed class ValueGeneratorsProperties
{
    [Property(Arbitrary = [typeof(ValueArbitraries)])]
    public bool Value_BgNbdParametersStayInTheirDocumentedRanges(BgNbdParameters p) =>
        p.R is >= 0.05 and <= 5 && p.Alpha is >= 0.1 and <= 60 && p.A is >= 0.05 and <= 5 && p.B is >= 0.05 and <= 20;

    [Property(Arbitrary = [typeof(ValueArbitraries)])]
    public bool Value_ParetoNbdParametersStayInTheirDocumentedRanges(ParetoNbdParameters p) =>
        p.R is >= 0.05 and <= 5 && p.Alpha is >= 0.1 and <= 60 && p.S is >= 0.05 and <= 5 && p.Beta is >= 0.1 and <= 60;

    [Property(Arbitrary = [typeof(ValueArbitraries)])]
    public bool Value_CustomersStayWithinTheirLimits(CustomerSummary c) =>
        c.Frequency is >= 0 and <= 500
        && c.T is >= 0 and <= 200
        && c.Recency >= 0 && c.Recency <= c.T
        && (c.Frequency > 0 || (c.Recency == 0 && c.MonetaryValue == 0))
        && (c.T > 0 || c.Frequency == 0);

    [Property(Arbitrary = [typeof(ValueArbitraries)])]
    public bool Value_TransactionsFallWithin35DaysOfTheStartForSixCustomers(ValueTransaction[] transactions) =>
        transactions.All(t =>
            t.At >= ValueGenerators.Start
            && t.At <= ValueGenerators.Start + Duration.FromDays(35)
            && t.Amount is >= -50 and <= 200
            && t.CustomerId.ToString() is "c0" or "c1" or "c2" or "c3" or "c4" or "c5");

    [Fact]
    public void Value_Customers_ReachBothEdgesOfTheirRange()
    {
        var sample = ValueGenerators.Customers(7, 30).Sample(200, 300);

        Assert.Contains(sample, c => c.T == 0);
        Assert.Contains(sample, c => c.T == 30);
        Assert.Contains(sample, c => c.Frequency == 7);
    }

    [Fact]
    public void Value_Between_IncludesBothEnds()
    {
        var sample = ValueGenerators.Between(-1, 1).Sample(100, 3000);

        Assert.All(sample, v => Assert.InRange(v, -1, 1));
    }

    [Fact]
    public void Value_Generators_RejectBadBounds()
    {
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => ValueGenerators.Between(double.NaN, 1)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => ValueGenerators.Between(1, 0)).ParamName);
        Assert.Equal("maxFrequency", Assert.Throws<ArgumentOutOfRangeException>(() => ValueGenerators.Customers(-1, 1)).ParamName);
        Assert.Equal("maxT", Assert.Throws<ArgumentOutOfRangeException>(() => ValueGenerators.Customers(1, double.PositiveInfinity)).ParamName);
    }
}
