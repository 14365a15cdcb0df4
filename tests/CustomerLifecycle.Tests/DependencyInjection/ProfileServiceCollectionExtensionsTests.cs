using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class ProfileServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomerLifecycle_RegistersTheEngineAndTheService()
    {
        using var provider = new ServiceCollection().AddCustomerLifecycle().AddInMemoryProfileStore().BuildServiceProvider();

        var engine = provider.GetRequiredService<ProfileEngine>();

        Assert.Same(engine, provider.GetRequiredService<ProfileEngine>());
        Assert.NotNull(provider.GetRequiredService<ProfileService>());
        Assert.IsType<InMemoryProfileStore>(provider.GetRequiredService<IProfileStore>());
    }

    [Fact]
    public async Task WithALoyaltyProgramme_TheServiceKeepsTheLedgersInTheRegisteredLoyaltyStore()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureProfile(o => o.Loyalty = new LoyaltyOptions()))
            .AddInMemoryProfileStore()
            .AddInMemoryLoyaltyStore()
            .BuildServiceProvider();
        var ada = CustomerId.From("ada");

        await provider.GetRequiredService<ProfileService>().ApplyAsync(CustomerFact.Referral("ref-1", ada, NodaTime.Instant.FromUtc(2026, 12, 1, 10, 0)));

        var ledger = await provider.GetRequiredService<ILoyaltyStore>().LoadAsync(ada);
        Assert.Equal(("fact:ref-1", 500L), (ledger!.Record.Entries.Single().Key, ledger.Record.Entries.Single().Points));
    }

    [Fact]
    public void WithALoyaltyProgramme_AndNoLoyaltyStore_TheServiceCannotBeResolved()
    {
        using var provider = new ServiceCollection()
            .AddProfile(o => o.Loyalty = new LoyaltyOptions())
            .AddInMemoryProfileStore()
            .BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ProfileService>());

        Assert.Contains(nameof(ILoyaltyStore), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddProfile_Twice_AddsNothing()
    {
        var services = new ServiceCollection();
        services.AddProfile(o => o.DuplicateWindow = 10);
        var count = services.Count;

        services.AddProfile();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void ConfigureProfile_ChangesThePolicy_NestedPoliciesIncluded()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureProfile(o => o.Lifecycle.DuplicateWindow = 64).ConfigureProfile(o => o.Features = ["api"]))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ProfileOptions>>().Value;

        Assert.Equal(64, options.Lifecycle.DuplicateWindow);
        Assert.Equal(["api"], options.Features);
    }

    [Fact]
    public void AnInvalidPolicy_FailsAtStart_ListingEveryProblemUnderItsProperty()
    {
        using var provider = new ServiceCollection()
            .AddProfile(o =>
            {
                o.Lifecycle.DuplicateWindow = 0;
                o.Tiering.Rfm.WindowDays = 365;
                o.LoginWindowDays = 0;
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Lifecycle.DuplicateWindow: must be in range [1-1024] but was 0.",
                "Tiering.Rfm.WindowDays: the profile keeps purchase totals over all history, so it must be 0 but was 365.",
                "LoginWindowDays: must be in range [1-366] but was 0.",
            ],
            ex.Failures);
    }
}
