using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Orleans.Tests.TestHost;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerLifecycle.Orleans.Tests.Facets;

[Collection(FacetClusterCollection.Name)]
public sealed class LoyaltyGrainProperties(FacetClusterFixture fixture)
{
    private static readonly Gen<(CustomerId Member, IReadOnlyList<LoyaltyCommand> Commands)> Scripts =
        from member in Gen.Fresh(() => Events.NewCustomer("m"))
        from script in LoyaltyGenerators.Script
        select (member, (IReadOnlyList<LoyaltyCommand>)[.. script.Select(c => c with { Member = member })]);

    private CustomerLifecycleClient Client => fixture.Cluster.Client;

    [Property(MaxTest = 20)]
    public Property AnyCommandScript_GivesTheSameOutcomesLedgerAndStatement_AsTheInProcessService() => Prop.ForAll(Scripts.ToArbitrary(), script =>
    {
        var (member, commands) = script;
        var service = new LoyaltyService(FacetClusterFixture.LoyaltyEngine, new InMemoryLoyaltyStore());
        var differences = new List<string>();

        // Every command, and every fifth again (a retry): the same statuses, entries and reasons.
        foreach (var command in commands.SelectMany((c, i) => i % 5 == 0 ? [c, c] : new[] { c }))
        {
            var expected = service.ApplyAsync(command).AsTask().GetAwaiter().GetResult();
            var actual = Client.ApplyAsync(command).GetAwaiter().GetResult();
            if (expected.Status != actual.Status || !Equals(expected.Record, actual.Record) || !expected.Entries.SequenceEqual(actual.Entries)
                || expected.Shortfall != actual.Shortfall || !expected.Reasons.Select(r => r.Message).SequenceEqual(actual.Reasons.Select(r => r.Message)))
            {
                differences.Add($"{command.Key}: {expected.Status} vs {actual.Status}");
            }
        }

        var asOf = (commands.Count == 0 ? LoyaltyGenerators.Start : commands.Max(c => c.At)) + Duration.FromDays(100);
        var expectedStatement = service.EvaluateAsync(member, asOf).AsTask().GetAwaiter().GetResult();
        var statement = Client.EvaluateLoyaltyAsync(member, asOf).GetAwaiter().GetResult();
        return (differences.Count == 0).Label(string.Join("; ", differences))
            .And(Equals(expectedStatement, statement)).Label($"the statement at {asOf}");
    });
}
