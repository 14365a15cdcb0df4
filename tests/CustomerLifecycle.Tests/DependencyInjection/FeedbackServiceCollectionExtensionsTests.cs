using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class FeedbackServiceCollectionExtensionsTests
{
    [Fact]
    public void AddFeedbackPrioritization_RegistersAWorkingEngine()
    {
        using var provider = new ServiceCollection().AddFeedbackPrioritization(o => o.WarningFraction = 0.5).BuildServiceProvider();

        var engine = provider.GetRequiredService<FeedbackEngine>();

        Assert.Equal(0.5, engine.Sla.WarningFraction);
        Assert.Same(engine, provider.GetRequiredService<FeedbackEngine>());
    }

    [Fact]
    public void AddFeedbackPrioritization_Twice_AddsNothingTheSecondTime()
    {
        var services = new ServiceCollection();
        services.AddFeedbackPrioritization();
        var count = services.Count;

        services.AddFeedbackPrioritization();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void AddCustomerLifecycle_RegistersFeedback_AndConfigureFeedbackPrioritizationApplies()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureFeedbackPrioritization(o => o.DefaultUrgency = "Low"))
            .BuildServiceProvider();

        Assert.Equal("Low", provider.GetRequiredService<IOptions<FeedbackOptions>>().Value.DefaultUrgency);
        Assert.NotNull(provider.GetRequiredService<FeedbackEngine>());
    }

    [Fact]
    public void BadOptions_FailAtStart()
    {
        using var provider = new ServiceCollection()
            .AddFeedbackPrioritization(o => o.SlaPolicies[0].Acknowledge!.Amount = -1)
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["SlaPolicies[0].Acknowledge.Amount: must be >= 0 but was -1."], ex.Failures);
    }

    [Fact]
    public void Guards_RejectNulls()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => FeedbackServiceCollectionExtensions.AddFeedbackPrioritization(null!)).ParamName);
        var services = new ServiceCollection();
        services.AddCustomerLifecycle(b => Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => b.ConfigureFeedbackPrioritization(null!)).ParamName));
    }
}
