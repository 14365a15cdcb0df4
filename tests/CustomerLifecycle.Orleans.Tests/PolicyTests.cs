using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests;

public sealed class PolicyTests
{
    [Fact]
    public async Task InvalidPolicy_FailsTheSiloAtStart_ListingEveryProblem()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CustomerCluster.StartAsync(1, ClusterStorage.Memory, policy =>
        {
            policy.DuplicateWindow = 0;
            policy.Stages.Clear();
        }));

        var validation = Assert.IsType<OptionsValidationException>(Innermost(error));
        Assert.Contains("Stages: must name at least one stage.", validation.Failures);
        Assert.True(validation.Failures.Count() >= 2, string.Join("\n", validation.Failures));
    }

    [Fact]
    public async Task InvalidGrainOptions_FailTheSiloAtStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo =>
            silo.Services.Configure<CustomerGrainOptions>(o => o.MaxReminderWait = TimeSpan.Zero)));

        var validation = Assert.IsType<OptionsValidationException>(Innermost(error));
        Assert.Equal(["MaxReminderWait: must be at least 1 second but was 00:00:00."], validation.Failures);
    }

    [Fact]
    public async Task ChangedPolicy_ReachesTheGrains_WithoutARestart()
    {
        var source = new PolicySource();
        await using var cluster = await CustomerCluster.StartAsync(2, ClusterStorage.Memory, configure: silo =>
        {
            silo.Services.AddSingleton<IOptionsChangeTokenSource<LifecycleOptions>>(source);
            silo.Services.AddSingleton<IConfigureOptions<LifecycleOptions>>(source);
        });
        var customer = Events.NewCustomer();
        await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start));
        var before = (await cluster.Client.GetLifecycleAsync(customer))!;

        source.Change(policy => policy.TimeZoneId = "Pacific/Kiritimati");
        var after = (await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-2", CustomerCluster.Start + Duration.FromDays(1)))).Record!;

        Assert.NotEqual(before.PolicyFingerprint, after.PolicyFingerprint);
        Assert.Equal(new LifecycleEngine(new LifecycleOptions { TimeZoneId = "Pacific/Kiritimati" }).Create(customer, CustomerCluster.Start).PolicyFingerprint, after.PolicyFingerprint);
    }

    private static Exception Innermost(Exception error) => error.InnerException is null ? error : Innermost(error.InnerException);

    /// <summary>A policy a test changes while the silos run, as a configuration reload would.</summary>
    private sealed class PolicySource : IOptionsChangeTokenSource<LifecycleOptions>, IConfigureOptions<LifecycleOptions>
    {
        private Action<LifecycleOptions> _configure = _ => { };
        private CancellationTokenSource _changed = new();

        public string Name => Options.DefaultName;

        public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

        public void Configure(LifecycleOptions options) => _configure(options);

        public void Change(Action<LifecycleOptions> configure)
        {
            _configure = configure;
            var changed = _changed;
            _changed = new CancellationTokenSource();
            changed.Cancel();
        }
    }
}
