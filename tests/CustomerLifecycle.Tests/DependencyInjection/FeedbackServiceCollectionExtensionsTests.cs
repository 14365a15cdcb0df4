using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Feedback;
using CustomerLifecycle.Tests.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests.DependencyInjection;

public sealed class FeedbackServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCustomerLifecycle_RegistersTheEngineAndTheService()
    {
        using var provider = new ServiceCollection().AddCustomerLifecycle().AddInMemoryFeedbackStore().BuildServiceProvider();

        var engine = provider.GetRequiredService<FeedbackEngine>();

        Assert.Same(engine, provider.GetRequiredService<FeedbackEngine>());
        Assert.NotNull(provider.GetRequiredService<FeedbackService>());
        Assert.IsType<InMemoryFeedbackStore>(provider.GetRequiredService<IFeedbackStore>());
    }

    [Fact]
    public void AddFeedback_AppliesItsConfiguration()
    {
        using var provider = new ServiceCollection().AddFeedback(o => o.WarningFraction = 0.5).BuildServiceProvider();

        Assert.Equal(0.5, provider.GetRequiredService<FeedbackEngine>().Sla.WarningFraction);
    }

    [Fact]
    public void AddFeedback_Twice_AddsNothing_ButKeepsEveryConfiguration()
    {
        var services = new ServiceCollection();
        services.AddFeedback(o => o.WarningFraction = 0.5);
        services.AddInMemoryFeedbackStore();
        var count = services.Count;

        services.AddFeedback();
        services.AddInMemoryFeedbackStore();
        var afterSecondCall = services.Count;
        services.AddFeedback(o => o.DefaultUrgency = "Low");

        Assert.Equal(count, afterSecondCall);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<FeedbackOptions>>().Value;
        Assert.Equal((0.5, "Low"), (options.WarningFraction, options.DefaultUrgency));
    }

    [Fact]
    public void ConfigureFeedback_ChangesThePolicy()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureFeedback(o => o.DefaultUrgency = "Low").ConfigureFeedback(o => o.WarningFraction = 0.5))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<FeedbackOptions>>().Value;
        Assert.Equal(("Low", 0.5), (options.DefaultUrgency, options.WarningFraction));
    }

    [Fact]
    public void TheServiceRetriesAsRetryOptionsSay()
    {
        using var provider = new ServiceCollection()
            .AddCustomerLifecycle(b => b.ConfigureRetry(o => o.MaxAttempts = 2))
            .AddSingleton<IFeedbackStore, AlwaysConflicts>()
            .BuildServiceProvider();
        var service = provider.GetRequiredService<FeedbackService>();

        var ex = Assert.Throws<StoreConflictException>(() => service.ApplyAsync("F-1", new FeedbackEvent(FeedbackEventKind.Start, FeedbackTestData.Friday15)).AsTask().GetAwaiter().GetResult());

        Assert.Equal(2, ex.Attempts);
    }

    [Fact]
    public void AnInvalidPolicy_FailsAtStart_ListingEveryProblem()
    {
        using var provider = new ServiceCollection()
            .AddFeedback(o =>
            {
                o.SlaPolicies[0].Acknowledge!.Amount = -1;
                o.Calendar.TimeZoneId = "Nowhere/City";
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["SlaPolicies[0].Acknowledge.Amount: must be >= 0 but was -1.", "Calendar.TimeZoneId: 'Nowhere/City' is not a known IANA time zone id."], ex.Failures);
    }

    [Fact]
    public void Guards_RejectNulls()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => FeedbackServiceCollectionExtensions.AddFeedback(null!)).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => FeedbackServiceCollectionExtensions.AddInMemoryFeedbackStore(null!)).ParamName);
        var services = new ServiceCollection();
        services.AddCustomerLifecycle(b => Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => b.ConfigureFeedback(null!)).ParamName));
    }

    /// <summary>Every item is stored at version 1 and every save loses.</summary>
    private sealed class AlwaysConflicts : IFeedbackStore
    {
        public ValueTask<StoredRecord<FeedbackRecord>?> LoadAsync(string key, CancellationToken cancellationToken = default)
        {
            var record = FeedbackTestData.DefaultEngine.Triage(FeedbackTestData.DefaultEngine.Open(FeedbackTestData.HighServiceIssue(id: key)), FeedbackTestData.Friday15);
            return ValueTask.FromResult<StoredRecord<FeedbackRecord>?>(new StoredRecord<FeedbackRecord>(record, 1));
        }

        public ValueTask<SaveResult> SaveAsync(FeedbackRecord record, long expectedVersion, CancellationToken cancellationToken = default) => ValueTask.FromResult(SaveResult.Conflict(2));
    }
}
