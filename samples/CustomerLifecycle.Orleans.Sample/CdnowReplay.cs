using CustomerLifecycle.Orleans.Hosting;
using CustomerLifecycle.Profile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerLifecycle.Orleans.Sample;

/// <summary>Starts a silo that keeps customer profiles, feeds a CDNOW file through the customer grains, evaluates every
/// customer as <c>analyze</c> does and reads the stage counts back.</summary>
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
            .AddCustomerProfile(ProfilePresets.PurchasesOnly));
        using var host = builder.Build();
        await host.StartAsync();

        var client = new CustomerLifecycleClient(host.Services.GetRequiredService<IGrainFactory>());

        // Customers in parallel, each one's purchases in order: what several feeding services do, one customer at a time.
        await Parallel.ForEachAsync(customers, async (facts, _) =>
        {
            foreach (var fact in facts)
            {
                await client.ApplyAsync(fact);
            }
        });

        // The file is in and its clock moves to the analysis date. The population step (RFM cuts, value-tier cuts, the CLV
        // fit) needs every profile: the host reads them back, prepares it under the grains' policy and publishes it.
        clock.Now = asOf;
        var profiles = await Task.WhenAll(customers.Select(async c => (await client.GetProfileAsync(c[0].Customer))!));
        var populations = host.Services.GetRequiredService<ProfilePopulations>();
        populations.Publish(populations.Prepare(profiles, asOf));

        // Every customer is evaluated against it at the analysis date: the time rules fire, the health band is fed to the
        // lifecycle, and each grain saves what moved (in a live cluster the reminders fire the time rules as time passes).
        await Parallel.ForEachAsync(customers, async (facts, _) => await client.EvaluateProfileAsync(facts[0].Customer, asOf));

        var counts = await client.GetStageCountsAsync();
        await host.StopAsync();
        return counts;
    }
}
