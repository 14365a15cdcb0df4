using System.Text;
using System.Text.Json;
using CustomerLifecycle.Health;
using CustomerLifecycle.Lifecycle;
using CustomerLifecycle.Profile;
using CustomerLifecycle.Serialization;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Cli.Policy;

/// <summary>
/// The policies the CLI runs with: one JSON object with optional <c>lifecycle</c>, <c>tiering</c>, <c>health</c> and
/// <c>value</c> sections, each the SDK's own options JSON. A section left out keeps the CLI's default.
/// </summary>
internal sealed class CliPolicy
{
    private static readonly string[] Sections = ["lifecycle", "tiering", "health", "value"];

    public LifecycleOptions Lifecycle { get; private init; } = new();

    public TieringOptions Tiering { get; private init; } = DefaultTiering();

    public HealthOptions Health { get; private init; } = DefaultHealth();

    public ValueOptions Value { get; private init; } = new();

    /// <summary>The CLI's defaults: the SDK's defaults, except where a transaction file has no data for them (logins, NPS, support).</summary>
    public static CliPolicy Defaults() => new();

    /// <summary>The profile policy the sections make: a transaction file's customers are tiered by their predicted CLV.</summary>
    public ProfileOptions Profile() => new()
    {
        Lifecycle = Lifecycle,
        Tiering = Tiering,
        Health = Health,
        Value = Value,
        TierValue = ProfileTierValue.Clv,
    };

    /// <summary>Reads a policy file and lists every problem: JSON errors, unknown sections and every validation failure.</summary>
    public static (CliPolicy? Policy, IReadOnlyList<string> Problems) Load(string path)
    {
        if (!File.Exists(path))
        {
            return (null, [$"{path}: no such file."]);
        }

        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [$"{path}: not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [$"{path}: expected a JSON object with sections {string.Join(", ", Sections)}."]);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Sections.Contains(property.Name, StringComparer.Ordinal))
                {
                    problems.Add($"{property.Name}: unknown section; the sections are {string.Join(", ", Sections)}.");
                }
            }

            var policy = new CliPolicy
            {
                Lifecycle = Section(document, "lifecycle", new LifecycleOptions(), new LifecycleOptionsValidator(), problems),
                Tiering = Section(document, "tiering", DefaultTiering(), new TieringOptionsValidator(), problems),
                Health = Section(document, "health", DefaultHealth(), new HealthOptionsValidator(), problems),
                Value = Section(document, "value", new ValueOptions(), new ValueOptionsValidator(), problems),
            };
            return (problems.Count == 0 ? policy : null, problems);
        }
    }

    /// <summary>Writes the defaults as a policy file.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            Section(writer, "lifecycle", PolicyJson.Serialize(Lifecycle));
            Section(writer, "tiering", PolicyJson.Serialize(Tiering));
            Section(writer, "health", PolicyJson.Serialize(Health));
            Section(writer, "value", PolicyJson.Serialize(Value));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Section(Utf8JsonWriter writer, string name, string json)
    {
        // Re-read so the section is indented as part of the whole file.
        using var section = JsonDocument.Parse(json);
        writer.WritePropertyName(name);
        section.RootElement.WriteTo(writer);
    }

    private static T Section<T>(JsonDocument document, string name, T fallback, IValidateOptions<T> validator, List<string> problems)
        where T : class
    {
        var options = fallback;
        if (document.RootElement.TryGetProperty(name, out var element))
        {
            try
            {
                options = PolicyJson.Deserialize<T>(element.GetRawText());
            }
            catch (JsonException e)
            {
                problems.Add($"{name}: {e.Message}");
                return fallback;
            }
        }

        var result = validator.Validate(null, options);
        if (result.Failed)
        {
            problems.AddRange(result.Failures.Select(f => $"{name}.{f}"));
        }

        return options;
    }

    private static TieringOptions DefaultTiering() => PurchasesOnly().Tiering;

    private static HealthOptions DefaultHealth() => PurchasesOnly().Health;

    /// <summary>The SDK's preset for a transaction file: no logins, usage, surveys or support in it.</summary>
    private static ProfileOptions PurchasesOnly()
    {
        var options = new ProfileOptions();
        ProfilePresets.PurchasesOnly(options);
        return options;
    }
}
