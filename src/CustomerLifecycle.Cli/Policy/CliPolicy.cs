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
    /// <summary>The profile's health factor of the days since the customer's last purchase.</summary>
    public const string PurchaseRecency = "purchase-recency";

    /// <summary>The profile's health factor of the customer's purchases in the last 365 days.</summary>
    public const string PurchaseFrequency = "purchase-frequency";

    /// <summary>The profile's health factor of purchases in the last 90 days against the 90 before.</summary>
    public const string PurchaseTrend = "purchase-trend";

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

    private static TieringOptions DefaultTiering()
    {
        // A transaction export has no logins or profile flags: the tier is the revenue-share tier of the customer's value.
        var options = new TieringOptions();
        options.Rules =
        [
            ValueTierRule("Core"),
            ValueTierRule("Key"),
            ValueTierRule("Potential"),
        ];
        return options;
    }

    private static TierRule ValueTierRule(string tier) => new()
    {
        Tier = tier,
        Match = RuleMatch.All,
        Criteria = [new TierCriterion { Field = TierField.ValueTier, Operator = CriterionOperator.AtOrAbove, Tier = tier }],
    };

    private static HealthOptions DefaultHealth()
    {
        // Health from purchase activity alone: how recent, how frequent, and whether buying is slowing down.
        var options = new HealthOptions
        {
            Factors =
            [
                Linear(PurchaseRecency, 50, 0, 365, HealthDirection.LowerIsBetter),
                Linear(PurchaseFrequency, 30, 0, 6, HealthDirection.HigherIsBetter),
                Linear(PurchaseTrend, 20, -0.8, 0, HealthDirection.HigherIsBetter),
            ],
        };
        options.Trend.UsageDrops = [];
        return options;
    }

    private static HealthFactorOptions Linear(string id, double weight, double min, double max, HealthDirection direction) => new()
    {
        Id = id,
        Weight = weight,
        Direction = direction,
        Normalizer = new HealthNormalizerOptions { Kind = HealthNormalizerKind.Linear, Min = min, Max = max },
    };
}
