namespace CustomerLifecycle.Abstractions.Tests;

public sealed class ReasonTests
{
    [Fact]
    public void Reasons_WithTheSameData_AreEqual()
    {
        var a = new Reason("x.y", "Because.", new Dictionary<string, object?> { ["days"] = 3, ["band"] = "AtRisk" });
        var b = new Reason("x.y", "Because.", new Dictionary<string, object?> { ["band"] = "AtRisk", ["days"] = 3 });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(["band", "days"], a.Data.Keys);
    }

    [Fact]
    public void Reasons_WithOtherData_AreNotEqual()
    {
        var a = new Reason("x.y", "Because.", new Dictionary<string, object?> { ["days"] = 3 });
        var b = new Reason("x.y", "Because.", new Dictionary<string, object?> { ["days"] = 4 });

        Assert.NotEqual(a, b);
        Assert.NotEqual(a, new Reason("x.y", "Because."));
    }

    [Fact]
    public void ToString_IsCodeAndMessage()
    {
        Assert.Equal("lifecycle.no-activity: No activity for 180 days.", new Reason("lifecycle.no-activity", "No activity for 180 days.").ToString());
    }

    [Fact]
    public void Constructor_RejectsBlankCodes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Reason(" ", "m"));
        Assert.Equal("code", ex.ParamName);
    }

    [Fact]
    public void Data_IsACopySortedByKey_WhateverTheOrderGiven()
    {
        var given = new Dictionary<string, object?> { ["zeta"] = 1, ["alpha"] = 2, ["Beta"] = 3, ["mu"] = null, ["alpha2"] = 5 };
        var reason = new Reason("x.y", "Because.", given);
        given["zeta"] = 99;

        Assert.Equal(["Beta", "alpha", "alpha2", "mu", "zeta"], reason.Data.Keys);
        Assert.Equal([3, 2, 5, null, 1], reason.Data.Values);
        Assert.Equal(1, reason.Data["zeta"]);
        Assert.True(reason.Data.TryGetValue("mu", out var mu));
        Assert.Null(mu);
        Assert.True(reason.Data.ContainsKey("alpha2"));
        Assert.False(reason.Data.ContainsKey("ALPHA"));
        Assert.False(reason.Data.TryGetValue("omega", out _));
    }

    [Fact]
    public void Data_NamesTheMissingKey()
    {
        var reason = new Reason("x.y", "Because.", new Dictionary<string, object?> { ["days"] = 3 });

        var ex = Assert.Throws<KeyNotFoundException>(() => reason.Data["weeks"]);
        Assert.Equal("The reason has no value 'weeks'.", ex.Message);
        Assert.Empty(new Reason("x.y", "Because.").Data);
    }
}
