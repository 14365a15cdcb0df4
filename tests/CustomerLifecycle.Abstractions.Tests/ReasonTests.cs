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

    [Fact]
    public void Data_CannotBeChangedThroughItsKeysOrValues()
    {
        var reason = new Reason("x.y", "Because.", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 });

        Assert.IsNotType<string[]>(reason.Data.Keys);
        Assert.IsNotType<object?[]>(reason.Data.Values);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)reason.Data.Keys)[0] = "z");
        Assert.Equal(2, reason.Data["b"]);
    }

    [Fact]
    public void Data_WithANullKey_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Reason("x.y", "Because.", new PairsWithANullKey()));

        Assert.Equal("data", ex.ParamName);
        Assert.StartsWith("The reason's data has a null key.", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A dictionary a host could write that lets a null key through (Dictionary itself does not).</summary>
    private sealed class PairsWithANullKey : IReadOnlyDictionary<string, object?>
    {
        private readonly KeyValuePair<string, object?>[] _pairs = [new("a", 1), new(null!, 2)];

        public int Count => _pairs.Length;

        public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

        public IEnumerable<object?> Values => _pairs.Select(p => p.Value);

        public object? this[string key] => throw new NotSupportedException();

        public bool ContainsKey(string key) => throw new NotSupportedException();

        public bool TryGetValue(string key, out object? value) => throw new NotSupportedException();

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
