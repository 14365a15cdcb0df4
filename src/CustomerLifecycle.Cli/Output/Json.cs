using System.Text.Json;

namespace CustomerLifecycle.Cli.Output;

/// <summary>Small helpers over <see cref="Utf8JsonWriter"/>: non-finite numbers become null (JSON has no NaN).</summary>
internal static class Json
{
    public static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            Number(writer, name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
