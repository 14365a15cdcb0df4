namespace CustomerLifecycle.Orleans.Tests;

public sealed class CustomerGrainOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new CustomerGrainOptionsValidator().Validate(null, new CustomerGrainOptions()).Succeeded);

    [Fact]
    public void EveryProblem_IsListed()
    {
        var result = new CustomerGrainOptionsValidator().Validate(null, new CustomerGrainOptions
        {
            MaxReminderWait = TimeSpan.FromMilliseconds(999),
            StageCountsSaveInterval = TimeSpan.Zero,
            StageCountsBatchInterval = TimeSpan.FromSeconds(-1),
        });

        Assert.Equal(
            [
                "MaxReminderWait: must be at least 1 second but was 00:00:00.9990000.",
                "StageCountsSaveInterval: must be at least 1 millisecond but was 00:00:00.",
                "StageCountsBatchInterval: must not be negative but was -00:00:01.",
            ],
            result.Failures);
    }

    [Fact]
    public void NullOptions_AreRefused() => Assert.Throws<ArgumentNullException>(() => new CustomerGrainOptionsValidator().Validate(null, null!));
}
