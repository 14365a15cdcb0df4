using CustomerLifecycle.Orleans.Tests.TestHost;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerLifecycle.Orleans.Tests.Facets;

[Collection(FacetClusterCollection.Name)]
public sealed class ProfileGrainProperties(FacetClusterFixture fixture)
{
    private static readonly Gen<(CustomerId Customer, IReadOnlyList<CustomerFact> Facts)> Streams =
        from customer in Gen.Fresh(() => Events.NewCustomer("p"))
        from facts in ProfileGenerators.HistoryOf(customer, 30)
        select (customer, (IReadOnlyList<CustomerFact>)[.. facts.OrderBy(f => f.OccurredAt).ThenBy(f => f.Id, StringComparer.Ordinal)]);

    private CustomerLifecycleClient Client => fixture.Cluster.Client;

    [Property(MaxTest = 20)]
    public Property AnyFactStream_GivesTheSameOutcomesProfileAndView_AsTheInProcessService() => Prop.ForAll(Streams.ToArbitrary(), stream =>
    {
        var (customer, facts) = stream;
        var engine = FacetClusterFixture.ProfileEngine;
        var store = new InMemoryProfileStore();
        var service = new ProfileService(engine, store);
        var differences = new List<string>();

        // Every fact in time order, and every fifth again (a retry): the same statuses, profiles and lifecycle outcomes.
        foreach (var fact in facts.SelectMany((f, i) => i % 5 == 0 ? [f, f] : new[] { f }))
        {
            var expected = service.ApplyAsync(fact).AsTask().GetAwaiter().GetResult();
            var actual = Client.ApplyAsync(fact).GetAwaiter().GetResult();
            if (expected.Status != actual.Status || !Equals(expected.Profile, actual.Profile) || !Equals(expected.Lifecycle?.Record, actual.Lifecycle?.Record)
                || !expected.Reasons.Select(r => r.Message).SequenceEqual(actual.Reasons.Select(r => r.Message)))
            {
                differences.Add($"{fact}: {expected.Status} vs {actual.Status}");
            }
        }

        // Then the view at an instant after every fact, against the population published on every silo.
        var asOf = FacetClusterFixture.EvaluatedAt;
        var population = FacetClusterFixture.Population;
        var before = store.LoadAsync(customer).AsTask().GetAwaiter().GetResult()?.Record;
        var explained = Client.ExplainProfileAsync(customer, asOf).GetAwaiter().GetResult();
        var view = Client.EvaluateProfileAsync(customer, asOf).GetAwaiter().GetResult();
        var evaluated = service.EvaluateAsync(customer, population, asOf).AsTask().GetAwaiter().GetResult();
        var saved = Client.GetProfileAsync(customer).GetAwaiter().GetResult();
        if (before is null)
        {
            return (differences.Count == 0 && view is null && explained is null && saved is null).Label(string.Join("; ", differences));
        }

        var expectedView = Summary(engine, before, population);
        var expectedWhy = engine.Explain(before, population, asOf);
        return (differences.Count == 0).Label(string.Join("; ", differences))
            .And(Equals(view, expectedView)).Label("the view")
            .And(Equals(saved, evaluated!.Profile)).Label("the profile saved after the evaluation")
            .And(explained is not null && explained.Decision == expectedWhy.Decision && Equals(explained.Result, expectedView)
                 && explained.Reasons.Select(r => (r.Code, r.Message)).SequenceEqual(expectedWhy.Reasons.Select(r => (r.Code, r.Message)))).Label("the explanation");
    });

    /// <summary>The engine's batch view of one profile: what the grain answers with.</summary>
    private static CustomerViewSummary Summary(ProfileEngine engine, ProfileRecord profile, ProfilePopulation population)
    {
        var view = new CustomerViewSummary[1];
        engine.Evaluate([profile], population, FacetClusterFixture.EvaluatedAt, view);
        return view[0];
    }
}
