using System.Reflection;
using System.Text;
using System.Text.Json;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Sqlite.Serialization;
using CustomerLifecycle.Testing.Generators;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests.Serialization;

public sealed class ProfileRecordJsonTests
{
    private static readonly CustomerId Acme = CustomerId.From("acme");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 10, 0);

    [Fact]
    public void EveryPropertyOfTheProfile_IsOneTheFormatWritesAndReads()
    {
        var properties = typeof(ProfileRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

        var missing = properties.Except(ProfileRecordJson.Properties).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"ProfileRecordJson does not store {string.Join(", ", missing)}: add it to its Write, ReadFormat2 and Properties.");
        Assert.Empty(ProfileRecordJson.Properties.Except(properties));
    }

    [Fact]
    public void EveryPropertyOfTheLifecycleRecord_IsOneTheProfilesFormatWritesAndReads()
    {
        var properties = typeof(Lifecycle.LifecycleRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

        var missing = properties.Except(ProfileLifecycleJson.Properties).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"ProfileLifecycleJson does not store {string.Join(", ", missing)}: add it to its Write, Read and Properties.");
        Assert.Empty(ProfileLifecycleJson.Properties.Except(properties));
    }

    [Fact]
    public void GeneratedProfiles_ReadBackEqual()
    {
        var profiles = ProfileArbitraries.Profiles().Generator.Sample(50, 200);

        foreach (var profile in profiles)
        {
            Assert.Equal(profile, RoundTrip(profile));
        }
    }

    [Fact]
    public void AProfileWithLeadInteractionsAndAQualification_ReadsBackEqual()
    {
        var engine = new ProfileEngine(new ProfileOptions { LeadScoring = new LeadScoring.LeadScoringOptions() });
        var profile = engine.Replay(Acme,
        [
            CustomerFact.AttributesSet("f-1", Acme, Start, new CustomerAttributes(Industry: "software", Size: "50-200", Region: "europe") { Flags = ["uses-erp"] }),
            CustomerFact.Contact("f-2", Acme, Start + Duration.FromDays(1), channel: "demo-request"),
        ]).Profile!;

        Assert.NotEmpty(profile.LeadInteractions);
        Assert.Equal(profile, RoundTrip(profile));
    }

    [Fact]
    public void EachFactId_IsWrittenOnce_AndTheLifecycleAndTheOrdersShareIt()
    {
        var engine = new ProfileEngine(new ProfileOptions());
        var profile = engine.Replay(Acme,
        [
            CustomerFact.Purchase("acme|2026-03-01|12.5|1", Acme, Start, "acme|2026-03-01|12.5|1", 12.5),
            CustomerFact.Purchase("acme|2026-03-09|7|1", Acme, Start + Duration.FromDays(8), "acme|2026-03-09|7|1", 7),
        ]).Profile!;

        var json = ProfileRecordJson.Serialize(profile);
        var read = ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(json));

        Assert.Equal(1, Occurrences(json, "acme|2026-03-01|12.5|1"));
        Assert.Equal(1, Occurrences(json, "acme|2026-03-09|7|1"));
        Assert.Contains("\"lifecycleEventIds\":[0,1]", json, StringComparison.Ordinal);
        Assert.Contains("\"recentOrders\":[[0,1772359200,12.5],[1,1773050400,7]]", json, StringComparison.Ordinal);
        Assert.Contains("\"firstFactAt\":1772359200,", json, StringComparison.Ordinal);
        Assert.Equal(profile, read);
        Assert.Same(read.RecentFactIds[1], read.Lifecycle.RecentEventIds[1]);
        Assert.Same(read.RecentFactIds[1], read.RecentOrders[1].OrderId);
    }

    [Fact]
    public void IdsNoLongerAmongTheProfilesFactIds_AreWrittenAsThemselves()
    {
        // The profile keeps the last 2 fact ids, its lifecycle record the last 64 event ids; the orders have their own ids.
        var engine = new ProfileEngine(new ProfileOptions { DuplicateWindow = 2 });
        var facts = Enumerable.Range(1, 5)
            .Select(i => CustomerFact.Purchase($"f-{i}", Acme, Start + Duration.FromDays(i), $"o-{i}", i))
            .ToList();
        var profile = engine.Replay(Acme, facts).Profile!;

        var json = ProfileRecordJson.Serialize(profile);

        Assert.Contains("\"lifecycleEventIds\":[\"f-1\",\"f-2\",\"f-3\",0,1]", json, StringComparison.Ordinal);
        Assert.Contains("[\"o-1\",", json, StringComparison.Ordinal);
        Assert.Equal(profile, ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void AnInstantThatIsNotAWholeSecond_IsWrittenAsAnExactIsoString()
    {
        var at = Start.PlusTicks(1);
        var profile = new ProfileEngine(new ProfileOptions()).TryApply(null, CustomerFact.Login("f-1", Acme, at)).Profile!;

        var json = ProfileRecordJson.Serialize(profile);

        Assert.Contains("\"firstFactAt\":\"2026-03-01T10:00:00.0000001Z\"", json, StringComparison.Ordinal);
        Assert.Equal(profile, ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void TheLatestInstant_IsWrittenAsItsExactIsoString_AndReadBack()
    {
        // A lifecycle record with no time rule left to fire is next checked at the latest instant, which is not a whole second.
        var login = new ProfileEngine(new ProfileOptions()).TryApply(null, CustomerFact.Login("f-1", Acme, Start)).Profile!;
        var profile = login with { Lifecycle = login.Lifecycle with { NextCheckAt = Instant.MaxValue }, LastLoginAt = Instant.MaxValue - Duration.FromNanoseconds(1) };

        var json = ProfileRecordJson.Serialize(profile);

        Assert.Contains("\"nextCheckAt\":\"9999-12-31T23:59:59.999999999Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lastLoginAt\":\"9999-12-31T23:59:59.999999998Z\"", json, StringComparison.Ordinal);
        Assert.Equal(profile, ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void AProfileWrittenInFormat1_StillReadsBackEqual()
    {
        var profile = ProfileArbitraries.Profiles().Generator.Sample(50, 1).First();
        var format1 = JsonSerializer.Serialize(profile, StoreJsonContext.Default.ProfileRecord);

        Assert.DoesNotContain("\"format\"", format1, StringComparison.Ordinal);
        Assert.Equal(profile, ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(format1)));
    }

    [Fact]
    public void APropertyOfALaterSchema_IsSkipped_AndTheSchemaVersionKept()
    {
        var profile = new ProfileEngine(new ProfileOptions()).TryApply(null, CustomerFact.Purchase("f-1", Acme, Start, "o-1", 12.5)).Profile!;
        var json = ProfileRecordJson.Serialize(profile)
            .Replace("\"schemaVersion\":1,", "\"schemaVersion\":9,\"later\":{\"a\":[1,{\"b\":2}]},", StringComparison.Ordinal);

        Assert.Equal(profile with { SchemaVersion = 9 }, ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void AProfileInALaterFormat_IsRefusedNamingTheFormats()
    {
        var profile = new ProfileEngine(new ProfileOptions()).TryApply(null, CustomerFact.Purchase("f-1", Acme, Start, "o-1", 12.5)).Profile!;
        var json = ProfileRecordJson.Serialize(profile).Replace("\"format\":2,", "\"format\":3,", StringComparison.Ordinal);

        var error = Assert.ThrowsAny<JsonException>(() => ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("A stored profile is in format 3, written by a later release; this one reads formats 1 and 2. Upgrade CustomerLifecycle.Sqlite.", error.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"format\":2,\"schemaVersion\":1,\"customer\":\"acme\"}")]
    [InlineData("{\"format\":2,\"customer\":\"acme\",\"recentOrders\":[[5,1,2]]")]
    public void JsonThatIsNotAProfile_IsAJsonException(string json)
        => Assert.ThrowsAny<JsonException>(() => ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(json)));

    private static ProfileRecord RoundTrip(ProfileRecord profile)
        => ProfileRecordJson.Deserialize(Encoding.UTF8.GetBytes(ProfileRecordJson.Serialize(profile)));

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
