using System.Text;
using System.Text.Json;
using CustomerLifecycle.Sqlite.Serialization;

namespace CustomerLifecycle.Sqlite.Tests.Serialization;

public sealed class RepeatedStringsTests
{
    [Fact]
    public void ATextReadAgain_IsTheStringReadBefore_AndOtherTextsAreTheirOwn()
    {
        var read = ReadAll("""["Churned","Loyal","Churned","Loyal","AtRisk"]""");

        Assert.Equal(["Churned", "Loyal", "Churned", "Loyal", "AtRisk"], read);
        Assert.Same(read[0], read[2]);
        Assert.Same(read[1], read[3]);
    }

    [Fact]
    public void EscapedEmptyLongAndNullValues_ReadAsGetStringReadsThem()
    {
        var longText = new string('x', 65);

        var read = ReadAll($$"""["Ch\u0075rned","",null,"{{longText}}","é"]""");

        Assert.Equal(["Churned", string.Empty, null, longText, "é"], read);
    }

    [Fact]
    public void ANumber_IsRefusedAsGetStringRefusesIt()
    {
        var reader = new Utf8JsonReader("[1]"u8);
        reader.Read();
        reader.Read();

        var refused = false;
        try
        {
            RepeatedStrings.Read(ref reader);
        }
        catch (InvalidOperationException)
        {
            refused = true;
        }

        Assert.True(refused);
    }

    private static List<string?> ReadAll(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var values = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(RepeatedStrings.Read(ref reader));
        }

        return values;
    }
}
