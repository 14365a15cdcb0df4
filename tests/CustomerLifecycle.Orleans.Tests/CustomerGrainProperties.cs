using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Orleans.Tests.TestHost;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests;

[Collection(ClusterCollection.Name)]
[Properties(Arbitrary = [typeof(LifecycleArbitraries)], MaxTest = 25)]
public sealed class CustomerGrainProperties(ClusterFixture fixture)
{
    private static readonly LifecycleEngine Engine = new(new LifecycleOptions());

    [Property]
    public Property AnyEventStream_GivesTheSameOutcomesAndRecord_AsTheInProcessService(IReadOnlyList<LifecycleEvent> history)
    {
        var customer = Events.NewCustomer();
        var service = new LifecycleService(Engine, new InMemoryLifecycleStore());
        var differences = new List<string>();
        foreach (var e in history.Select(e => Events.For(customer, e)))
        {
            var expected = service.ApplyAsync(e).AsTask().GetAwaiter().GetResult();
            var actual = fixture.Cluster.Client.ApplyAsync(e).GetAwaiter().GetResult();
            if (expected.Status != actual.Status || !Equals(expected.Record, actual.Record) || !expected.Transitions.SequenceEqual(actual.Transitions))
            {
                differences.Add($"{e}: {expected.Status} vs {actual.Status}");
            }
        }

        // Then the time rules, a year after the last event.
        var asOf = (history.Count == 0 ? CustomerCluster.Start : history.Max(e => e.OccurredAt)) + Duration.FromDays(365);
        var evaluated = service.EvaluateAsync(customer, asOf).AsTask().GetAwaiter().GetResult();
        var grainEvaluated = fixture.Cluster.Client.EvaluateAsync(customer, asOf).GetAwaiter().GetResult();
        if (!Equals(evaluated?.Record, grainEvaluated?.Record))
        {
            differences.Add($"evaluated at {asOf}: {evaluated?.Record?.Stage} vs {grainEvaluated?.Record?.Stage}");
        }

        var stored = service.EvaluateAsync(customer, asOf).AsTask().GetAwaiter().GetResult()?.Record;
        var grainStored = fixture.Cluster.Client.GetLifecycleAsync(customer).GetAwaiter().GetResult();
        return (differences.Count == 0 && Equals(stored, grainStored)).Label(string.Join("; ", differences));
    }
}
