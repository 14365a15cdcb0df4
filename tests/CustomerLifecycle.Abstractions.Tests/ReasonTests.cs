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
}
