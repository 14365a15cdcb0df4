using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Orleans.Serialization;
using CustomerLifecycle.Orleans.Tests.TestHost;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Testing.Generators;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Orleans.Serialization;

namespace CustomerLifecycle.Orleans.Tests.Serialization;

[Properties(Arbitrary = [typeof(ProfileArbitraries), typeof(LoyaltyArbitraries)], MaxTest = 100)]
public sealed class FacetSurrogateTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Property]
    public bool AnyProfile_RoundTrips(ProfileRecord profile) => Equals(profile, RoundTrip(profile));

    [Property]
    public bool AnyFact_RoundTrips(CustomerFact fact) => RoundTrip(fact) == fact;

    [Property]
    public bool AnyProfilesView_RoundTrips(ProfileRecord profile)
    {
        var view = new CustomerViewSummary[1];
        FacetClusterFixture.ProfileEngine.Evaluate([profile], FacetClusterFixture.Population, FacetClusterFixture.EvaluatedAt, view);

        return Equals(view[0], RoundTrip(view[0]));
    }

    [Property(MaxTest = 50)]
    public bool AnyLedger_AndItsStatement_RoundTrip(LoyaltyRecord record)
    {
        var statement = FacetClusterFixture.LoyaltyEngine.Evaluate(record, LoyaltyGenerators.Start + Duration.FromDays(200));

        return Equals(record, RoundTrip(record)) && Equals(record.Checkpoint, RoundTrip(record).Checkpoint) && Equals(statement, RoundTrip(statement));
    }

    [Fact]
    public void ALedgersCheckpoint_RoundTrips_SoAReactivatedGrainSweepsWithoutAReplay()
    {
        var member = CustomerId.From("c-1");
        var record = FacetClusterFixture.LoyaltyEngine.TryApply(null, new LoyaltyPurchase
        {
            Key = "p-1", Member = member, At = LoyaltyGenerators.Start, OrderId = "o-1", Amount = 120m,
        }).Record!;

        var back = RoundTrip(record);

        Assert.NotNull(record.Checkpoint);
        Assert.Equal(record.Checkpoint, back.Checkpoint);
    }

    [Fact]
    public void ACheckpointsTierState_RoundTrips_EveryFieldSet()
    {
        var member = CustomerId.From("c-1");
        var at = LoyaltyGenerators.Start;
        var record = new LoyaltyRecord
        {
            Member = member,
            Checkpoint = new LoyaltyCheckpoint
            {
                Balance = new LoyaltyBalance(member, at, 1, 2, 3, 4, 10, 0, 0, 1, at + Duration.FromDays(9), 0.3m, 2),
                Until = at + Duration.FromDays(1),
                LotsUntil = at + Duration.FromDays(2),
                Tier = new LoyaltyTierCheckpoint
                {
                    EarnedLevel = 2, MatchedLevel = 3, MatchedUntil = at + Duration.FromDays(3), ReviewAt = at + Duration.FromDays(1), DropLevel = 1,
                    DropAt = at + Duration.FromDays(4), DropDecidedAt = at - Duration.FromDays(5), QualifyingPoints = 1_234, QualifyingSpend = 56.78m,
                },
                PolicyFingerprint = 42,
                EntryCount = 0,
            },
        };

        Assert.Equal(record.Checkpoint, RoundTrip(record).Checkpoint);
    }

    [Property(MaxTest = 50)]
    public bool AnyCommand_AndItsOutcome_RoundTrip(IReadOnlyList<LoyaltyCommand> script)
    {
        LoyaltyRecord? record = null;
        foreach (var command in script)
        {
            var outcome = FacetClusterFixture.LoyaltyEngine.TryApply(record, command);
            var back = RoundTrip(outcome);
            if (RoundTrip(command) != command || back.Status != outcome.Status || !Equals(back.Record, outcome.Record) || !back.Entries.SequenceEqual(outcome.Entries)
                || back.Shortfall != outcome.Shortfall || !back.Reasons.Select(r => r.Message).SequenceEqual(outcome.Reasons.Select(r => r.Message)))
            {
                return false;
            }

            record = outcome.Record ?? record;
        }

        return true;
    }

    [Fact]
    public void MalformedFact_FailsToDeserialise_WithTheFactorysError()
    {
        var malformed = new CustomerFactSurrogate { Id = "f-1", Customer = CustomerId.From("c-1"), Kind = CustomerFactKind.NpsAnswer, OccurredAt = LoyaltyGenerators.Start, Score = 11 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerFactConverter().ConvertFromSurrogate(malformed));

        Assert.StartsWith("Score: an NPS answer must be in [0, 10] but was 11.", error.Message);
    }

    [Fact]
    public void FactMissingAValueOfItsKind_FailsToDeserialise_NamingTheField()
    {
        var malformed = new CustomerFactSurrogate { Id = "f-1", Customer = CustomerId.From("c-1"), Kind = CustomerFactKind.Purchase, OccurredAt = LoyaltyGenerators.Start, OrderId = "o-1" };

        var error = Assert.Throws<ArgumentException>(() => new CustomerFactConverter().ConvertFromSurrogate(malformed));

        Assert.StartsWith("Amount: the Purchase fact 'f-1' has none.", error.Message);
    }

    [Fact]
    public void CommandMissingATextOfItsKind_FailsToDeserialise_NamingTheField()
    {
        var malformed = new LoyaltyCommandSurrogate { Kind = LoyaltyCommandKind.Redemption, Key = "k-1", Member = CustomerId.From("m-1"), At = LoyaltyGenerators.Start };

        var error = Assert.Throws<ArgumentException>(() => new LoyaltyRedemptionConverter().ConvertFromSurrogate(malformed));

        Assert.StartsWith("RewardId: the Redemption loyalty command 'k-1' has none.", error.Message);
    }

    [Fact]
    public void CommandForADefaultMember_FailsToDeserialise()
    {
        var malformed = new LoyaltyCommandSurrogate { Kind = LoyaltyCommandKind.Login, Key = "k-1", At = LoyaltyGenerators.Start };

        Assert.Throws<ArgumentException>(() => new LoyaltyLoginConverter().ConvertFromSurrogate(malformed));
    }

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;
}
