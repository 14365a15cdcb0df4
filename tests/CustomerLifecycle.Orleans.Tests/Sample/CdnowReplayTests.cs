using System.Text.Json;
using CustomerLifecycle.Cli;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Sample;
using CustomerLifecycle.Orleans.Tests.TestHost;
using Microsoft.Data.Sqlite;

namespace CustomerLifecycle.Orleans.Tests.Sample;

[Collection(LocalhostSiloCollection.Name)]
public sealed class CdnowReplayTests
{
    [Fact]
    public async Task CdnowThroughASilo_GivesTheStageCountsAnalyzePrints()
    {
        var path = Path.Combine(RepositoryRoot(), "samples", "cdnow", "CDNOW_sample.txt");

        var analyze = await AnalyzeStageCountsAsync(path);
        var counts = await CdnowReplay.RunAsync(path);

        Assert.Equal(analyze, counts);

        // As `customer-lifecycle analyze samples/cdnow/CDNOW_sample.txt` prints them under "Customers per lifecycle stage"
        // (as of 1998-07-01, the default policy; docs/cli.md): a change here is a change to that page and docs/orleans.md.
        Assert.Equal(
            new Dictionary<string, long>
            {
                [LifecycleDefaults.Growing] = 1,
                [LifecycleDefaults.Mature] = 152,
                [LifecycleDefaults.Declining] = 137,
                [LifecycleDefaults.Churned] = 1_845,
                [LifecycleDefaults.Reactivated] = 222,
            },
            counts);
    }

    /// <summary>Runs <c>analyze</c> in process over the file (a fresh profile store, the default policy and as-of date) and
    /// counts its customers per stage, as its table does (stages with no customer left out, as the stage counts do).</summary>
    private static async Task<Dictionary<string, long>> AnalyzeStageCountsAsync(string path)
    {
        var directory = Directory.CreateTempSubdirectory("cl-orleans-sample-");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApp.RunAsync(["analyze", path, "--db", Path.Combine(directory.FullName, "analyze.db"), "--format", "json", "--quiet"], output, error);
            Assert.True(exit == 0, error.ToString());

            using var customers = JsonDocument.Parse(output.ToString());
            return customers.RootElement.EnumerateArray()
                .GroupBy(c => c.GetProperty("stage").GetString()!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
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
