using CustomerLifecycle.LeadScoring;
using CustomerLifecycle.Profile;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests;

public sealed class SqliteProfileLeadTests : IDisposable
{
    private static readonly CustomerId Fay = CustomerId.From("fay");
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AProspectsLeadState_RoundTrips_FlagsInteractionsAndQualification()
    {
        var engine = new ProfileEngine(new ProfileOptions { LeadScoring = new LeadScoringOptions() });
        var profile = engine.Replay(Fay,
        [
            CustomerFact.AttributesSet("f-1", Fay, Instant.FromUtc(2026, 10, 1, 0, 0), new CustomerAttributes("software", "50-200", "europe") { Flags = ["uses-erp"] }),
            CustomerFact.Contact("f-2", Fay, Instant.FromUtc(2026, 12, 2, 0, 0), "demo-request"),
            CustomerFact.Contact("f-3", Fay, Instant.FromUtc(2026, 12, 3, 0, 0), "webinar"),
        ]).Profile!;
        var store = new SqliteProfileStore(_database.Path);

        await store.SaveAsync(profile, 0);
        var loaded = await store.LoadAsync(Fay);

        Assert.Equal(LeadQualification.MarketingQualified, profile.LeadQualification);
        Assert.Equal(2, profile.LeadInteractions.Length);
        Assert.Equal(profile, loaded!.Record);
    }
}
