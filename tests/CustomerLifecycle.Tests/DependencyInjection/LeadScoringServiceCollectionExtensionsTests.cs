using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.LeadScoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class LeadScoringServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLeadScoring_Twice_AddsNothingTheSecondTime_ButKeepsEveryConfiguration()
    {
        var services = new ServiceCollection();
        services.AddLeadScoring(o => o.HalfLifeDays = 14);
        var count = services.Count;

        services.AddLeadScoring();

        Assert.Equal(count, services.Count);
        using var provider = services.AddLeadScoring(o => o.SalesQualifiedMinimum = 80).BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<LeadScoringOptions>>().Value;
        Assert.Equal((14, 80.0), (options.HalfLifeDays, options.SalesQualifiedMinimum));
    }

    [Fact]
    public void AddLeadScoring_RegistersOneEngine()
    {
        using var provider = new ServiceCollection().AddLeadScoring().BuildServiceProvider();

        var engine = provider.GetRequiredService<LeadScoringEngine>();

        Assert.Same(engine, provider.GetRequiredService<LeadScoringEngine>());
    }

    [Fact]
    public void AddCustomerLifecycle_RegistersTheLeadScoringEngine_AndConfigureLeadScoringChangesItsPolicy()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureLeadScoring(o => o.DisqualifyingFlags.Add("bounced")))
            .BuildServiceProvider();

        Assert.Equal(["outside-icp", "spam", "bounced"], provider.GetRequiredService<IOptions<LeadScoringOptions>>().Value.DisqualifyingFlags);
        Assert.NotNull(provider.GetRequiredService<LeadScoringEngine>());
    }

    [Fact]
    public void BadPolicy_FailsAtStart()
    {
        using var provider = new ServiceCollection()
            .AddLeadScoring(o => o.FitRules[1].MaxEmployees = 10)
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["FitRules[1].MaxEmployees: must be >= MinEmployees (50) but was 10."], ex.Failures);
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => LeadScoringServiceCollectionExtensions.AddLeadScoring(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => LeadScoringServiceCollectionExtensions.ConfigureLeadScoring(null!, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCustomerLifecycle(b => b.ConfigureLeadScoring(null!))).ParamName);
    }
}
