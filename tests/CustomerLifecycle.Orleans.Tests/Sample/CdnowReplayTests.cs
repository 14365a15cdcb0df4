using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Sample;
using CustomerLifecycle.Orleans.Tests.TestHost;

namespace CustomerLifecycle.Orleans.Tests.Sample;

[Collection(LocalhostSiloCollection.Name)]
public sealed class CdnowReplayTests
{
    [Fact]
    public async Task CdnowThroughASilo_GivesTheStageCountsOfAnalyze()
    {
        var path = Path.Combine(RepositoryRoot(), "samples", "cdnow", "CDNOW_sample.txt");

        var counts = await CdnowReplay.RunAsync(path);

        // As `customer-lifecycle analyze samples/cdnow/CDNOW_sample.txt` prints them (as of 1998-07-01, default policy).
        Assert.Equal(
            new Dictionary<string, long>
            {
                [LifecycleDefaults.Growing] = 9,
                [LifecycleDefaults.Mature] = 194,
                [LifecycleDefaults.Declining] = 87,
                [LifecycleDefaults.Churned] = 1_845,
                [LifecycleDefaults.Reactivated] = 222,
            },
            counts);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "CustomerLifecycle.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("The tests run outside the repository.");
        }

        return directory.FullName;
    }
}
