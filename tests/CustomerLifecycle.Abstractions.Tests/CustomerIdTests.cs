namespace CustomerLifecycle.Abstractions.Tests;

public sealed class CustomerIdTests
{
    [Fact]
    public void From_KeepsTheHostsKey()
    {
        var id = CustomerId.From("c-42");

        Assert.Equal("c-42", id.Value);
        Assert.False(id.IsDefault);
        Assert.Equal("c-42", id.ToString());
    }

    [Fact]
    public void Ids_AreComparedOrdinally()
    {
        Assert.Equal(CustomerId.From("a"), CustomerId.From("a"));
        Assert.NotEqual(CustomerId.From("a"), CustomerId.From("A"));
        Assert.Equal(CustomerId.From("a").GetHashCode(), CustomerId.From("a").GetHashCode());
    }

    [Fact]
    public void Default_HasNoValue()
    {
        var id = default(CustomerId);

        Assert.True(id.IsDefault);
        Assert.Null(id.Value);
        Assert.Equal("(default)", id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void From_RejectsBlankKeys(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => CustomerId.From(value));
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void From_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => CustomerId.From(null!));
    }

    [Fact]
    public void ThrowIfDefault_NamesTheArgumentAndTheRemedy()
    {
        var customer = default(CustomerId);

        var ex = Assert.Throws<ArgumentException>(() => CustomerId.ThrowIfDefault(customer));

        Assert.Equal("customer", ex.ParamName);
        Assert.Equal("The customer id is default(CustomerId); create one with CustomerId.From(value). (Parameter 'customer')", ex.Message);
    }
}
