using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Tests;

public sealed class TenantTests
{
    private const string Kiritimati = "Pacific/Kiritimati";

    [Fact]
    public async Task TenantsCustomers_UseTheTenantsPolicy_AndAreCountedApart()
    {
        await using var cluster = await CustomerCluster.StartAsync(2, ClusterStorage.Memory, configure: silo => silo
            .AddCustomerLifecycleTenant("acme", policy => policy.TimeZoneId = Kiritimati)
            .Services.Configure<CustomerGrainOptions>(o => o.TenantSeparator = "/"));
        var acme = CustomerId.From("acme/c-1");
        var other = CustomerId.From("globex/c-1");
        var plain = CustomerId.From("c-1");

        foreach (var customer in (CustomerId[])[acme, other, plain])
        {
            await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        }

        Assert.NotEqual(Fingerprint(new LifecycleOptions()), Fingerprint(new LifecycleOptions { TimeZoneId = Kiritimati }));
        Assert.Equal(Fingerprint(new LifecycleOptions { TimeZoneId = Kiritimati }), (await cluster.Client.GetLifecycleAsync(acme))!.PolicyFingerprint);
        Assert.Equal(Fingerprint(new LifecycleOptions()), (await cluster.Client.GetLifecycleAsync(other))!.PolicyFingerprint);
        Assert.Equal(Fingerprint(new LifecycleOptions()), (await cluster.Client.GetLifecycleAsync(plain))!.PolicyFingerprint);
        Assert.Equal(1, (await cluster.Client.GetStageCountsAsync("acme")).Values.Sum());
        Assert.Equal(1, (await cluster.Client.GetStageCountsAsync("globex")).Values.Sum());
        Assert.Equal(1, (await cluster.Client.GetStageCountsAsync()).Values.Sum());
    }

    [Fact]
    public async Task ChangedTenantPolicy_ReachesTheTenantsCustomers_WithoutARestart_AndNoOtherCustomer()
    {
        var source = new PolicySource<LifecycleOptions>("acme");
        await using var cluster = await CustomerCluster.StartAsync(2, ClusterStorage.Memory, configure: silo =>
        {
            silo.AddCustomerLifecycleTenant("acme", _ => { }).Services.Configure<CustomerGrainOptions>(o => o.TenantSeparator = "/");
            silo.Services.AddSingleton<IOptionsChangeTokenSource<LifecycleOptions>>(source);
            silo.Services.AddSingleton<IConfigureOptions<LifecycleOptions>>(source);
        });
        var acme = CustomerId.From("acme/c-1");
        var plain = CustomerId.From("c-1");
        foreach (var customer in (CustomerId[])[acme, plain])
        {
            Assert.Equal(Fingerprint(new LifecycleOptions()), (await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start))).Record!.PolicyFingerprint);
        }

        source.Change(policy => policy.TimeZoneId = Kiritimati);

        Assert.Equal(Fingerprint(new LifecycleOptions { TimeZoneId = Kiritimati }), (await cluster.Client.ApplyAsync(Events.Purchase(acme, "p-2", CustomerCluster.Start))).Record!.PolicyFingerprint);
        Assert.Equal(Fingerprint(new LifecycleOptions()), (await cluster.Client.ApplyAsync(Events.Purchase(plain, "p-2", CustomerCluster.Start))).Record!.PolicyFingerprint);
    }

    [Fact]
    public async Task InvalidTenantPolicy_FailsTheSiloAtStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo => silo
            .AddCustomerLifecycleTenant("acme", policy => policy.Stages.Clear())));

        var validation = Assert.IsType<OptionsValidationException>(Innermost(error));
        Assert.Equal("acme", validation.OptionsName);
        Assert.Contains("Stages: must name at least one stage.", validation.Failures);
    }

    [Fact]
    public void BlankSeparator_IsRefused()
        => Assert.Equal(
            ["TenantSeparator: must be null or text that is not blank."],
            new CustomerGrainOptionsValidator().Validate(null, new CustomerGrainOptions { TenantSeparator = " " }).Failures);

    private static int Fingerprint(LifecycleOptions policy) => new LifecycleEngine(policy).Create(CustomerId.From("x"), CustomerCluster.Start).PolicyFingerprint;

    private static Exception Innermost(Exception error) => error.InnerException is null ? error : Innermost(error.InnerException);
}
