namespace CustomerLifecycle.Orleans.Tests.TestHost;

/// <summary>Waits for what a cluster does in the background (reminders, failover): polls a condition, with a timeout only
/// as a guard against waiting for ever.</summary>
public static class Poll
{
    public static Task UntilAsync(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; !await condition(); waited += 50)
        {
            Assert.True(waited < 30_000, "The condition did not hold within 30 seconds.");
            await Task.Delay(50);
        }
    }
}
