using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Sqlite.Serialization;
using NodaTime;

namespace CustomerLifecycle.Sqlite.Tests.Serialization;

public sealed class LifecycleRecordJsonTests
{
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 6, 9, 0);

    [Fact]
    public void ARecordOfALaterSchema_IsReadWithItsSchemaVersion_LeavingTheRefusalToTheStore()
    {
        var node = JsonNode.Parse(LifecycleRecordJson.Serialize(Record()))!.AsObject();
        node["schemaVersion"] = 3;

        var read = LifecycleRecordJson.Deserialize(node.ToJsonString());

        Assert.Equal(3, read.SchemaVersion);
        Assert.Equal(Record() with { SchemaVersion = 3 }, read);
    }

    [Fact]
    public void ARecordOfTheCurrentSchema_RoundTrips()
    {
        var record = Record();

        Assert.Equal(record, LifecycleRecordJson.Deserialize(LifecycleRecordJson.Serialize(record)));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"schemaVersion\": 2")]
    public void JsonThatIsNotALifecycleRecord_IsAJsonException(string json)
        => Assert.ThrowsAny<JsonException>(() => LifecycleRecordJson.Deserialize(json));

    private static LifecycleRecord Record() => new()
    {
        Customer = CustomerId.From("acme"),
        Stage = "Onboarding",
        StageEnteredAt = Start,
        FirstSeenAt = Start,
        LastEventAt = Start,
    };
}
