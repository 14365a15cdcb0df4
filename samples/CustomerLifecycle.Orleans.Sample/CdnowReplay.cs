using CustomerLifecycle.Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerLifecycle.Orleans.Sample;

/// <summary>Starts a silo, feeds a CDNOW file through the customer grains and reads the stage counts back.</summary>
public static class CdnowReplay
{
    /// <summary>Replays the file and returns the customers per lifecycle stage as of the day after its last transaction.</summary>
    /// <param name="path">The CDNOW file.</param>
    /// <returns>The stage counts, from the stage counts grain (no scan).</returns>
    public static async Task<IReadOnlyDictionary<string, long>> RunAsync(string path)
    {
        var customers = CdnowFile.Read(path);
        var asOf = CdnowFile.AsOf(customers);
        var clock = new ReplayClock(customers.Min(c => c[0].OccurredAt));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton<IClock>(clock);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddMemoryGrainStorage(CustomerGrainOptions.StorageName)
            .UseInMemoryReminderService()
            .AddCustomerLifecycle());
        using var host = builder.Build();
        await host.StartAsync();

        var client = new CustomerLifecycleClient(host.Services.GetRequiredService<IGrainFactory>());

        // Customers in parallel, each one's events in order: what several feeding services do, one customer at a time.
        await Parallel.ForEachAsync(customers, async (events, _) =>
        {
            foreach (var e in events)
            {
                await client.ApplyAsync(e);
            }
        });

        // The file is in; its clock moves to the analysis date, and every customer's time rules are brought up to it
        // (in a live cluster the reminders do this as time passes).
        clock.Now = asOf;
        await Parallel.ForEachAsync(customers, async (events, _) => await client.EvaluateAsync(events[0].Customer, asOf));

        var counts = await client.GetStageCountsAsync();
        await host.StopAsync();
        return counts;
    }
}
