using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Tests.TestHost;
using CustomerLifecycle.Orleans.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    public async Task MaxReminderWaitBelowTheReminderServicesMinimumPeriod_FailsTheSiloAtStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo =>
        {
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
            silo.Services.Configure<CustomerGrainOptions>(o => o.MaxReminderWait = TimeSpan.FromSeconds(30));
        }));

        var validation = Assert.IsType<OptionsValidationException>(Innermost(error));
        Assert.Equal(
            ["MaxReminderWait: must be at least the reminder service's minimum period (Orleans' ReminderOptions.MinimumReminderPeriod), 00:01:00, but was 00:00:30."],
            validation.Failures);
    }

    [Fact]
    public async Task ChangedPolicy_ReachesTheGrains_WithoutARestart()
    {
        var source = new PolicySource<LifecycleOptions>();
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

    [Fact]
    public async Task ChangedPolicyThatFailsValidation_IsRefusedAndLogged_ThePreviousOneStays_AndALaterValidOneApplies()
    {
        var source = new PolicySource<LifecycleOptions>();
        var log = new LogRecorder(LogLevel.Information);
        await using var cluster = await CustomerCluster.StartAsync(1, ClusterStorage.Memory, configure: silo =>
        {
            silo.Services.AddSingleton<IOptionsChangeTokenSource<LifecycleOptions>>(source);
            silo.Services.AddSingleton<IConfigureOptions<LifecycleOptions>>(source);
            silo.Services.AddSingleton<ILoggerProvider>(log);
        });
        var customer = Events.NewCustomer();
        var before = (await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-1", CustomerCluster.Start))).Record!;

        // .NET's options monitor, which start-up validation uses, throws where the change was raised.
        var raised = Assert.Throws<AggregateException>(() => source.Change(policy =>
        {
            policy.DuplicateWindow = 0;
            policy.TimeZoneId = "Nowhere/Else";
        }));
        var kept = (await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-2", CustomerCluster.Start + Duration.FromDays(1)))).Record!;

        var problems = Assert.IsType<OptionsValidationException>(Assert.Single(raised.InnerExceptions)).Message;
        Assert.Equal(before.PolicyFingerprint, kept.PolicyFingerprint);
        Assert.Equal(
            [$"A changed policy LifecycleOptions '' was refused, the previous one stays: {problems}"],
            log.Messages<LifecyclePolicy>(LogLevel.Error));

        source.Change(policy => policy.TimeZoneId = "Pacific/Kiritimati");
        var after = (await cluster.Client.ApplyAsync(Events.Purchase(customer, "p-3", CustomerCluster.Start + Duration.FromDays(2)))).Record!;

        Assert.Equal(new LifecycleEngine(new LifecycleOptions { TimeZoneId = "Pacific/Kiritimati" }).Create(customer, CustomerCluster.Start).PolicyFingerprint, after.PolicyFingerprint);
        Assert.Equal(
            ["The policy LifecycleOptions '' changed; customer grains use it from their next call."],
            log.Messages<LifecyclePolicy>(LogLevel.Information));
    }

    private static Exception Innermost(Exception error) => error.InnerException is null ? error : Innermost(error.InnerException);
}
