using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerLifecycle.Internal;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;

namespace CustomerLifecycle.Profile;

/// <summary>What a <see cref="ProfilePopulation"/> was prepared under: a hash of the parts of the profile policy that
/// <see cref="ProfileEngine.Prepare"/> reads (the RFM scoring, the tiers' revenue shares that make the value-tier cuts, the
/// CLV models' settings, the tier value), so that an engine evaluates only against cuts and a CLV fit its own
/// policy would have made, while a change elsewhere (tier names, rules, hysteresis, cadence, contact intervals, KPIs, health,
/// lifecycle) keeps the population good.</summary>
internal static class ProfilePopulationFingerprint
{
    /// <summary>The way this release prepares a population: change it with any change to what Prepare makes of the same
    /// profiles and policy.</summary>
    private const string Rules = "profile-population-1";

    /// <summary>The hash of the rules' name and the parts, as JSON objects and named values: stable across processes and
    /// machines, so a population prepared by one process is accepted by an engine of the same policy in another (an Orleans
    /// silo's).</summary>
    public static long Of(ProfileOptions options)
    {
        var value = options.Value;
        return Fnv1a.Hash(
        [
            Rules,
            JsonSerializer.Serialize(options.Tiering.Rfm, ProfileFingerprintJsonContext.Default.RfmOptions),
            string.Join('|', options.Tiering.Tiers.Select(t => t.RevenueSharePercent.ToString("R", CultureInfo.InvariantCulture))),
            JsonSerializer.Serialize(value.Fitting, ProfileFingerprintJsonContext.Default.FittingOptions),
            string.Create(
                CultureInfo.InvariantCulture,
                $"|{value.TimeUnit}|{value.TimeZoneId}|{value.PurchaseModel}|{value.HorizonPeriods}|{value.DiscountRate:R}|{value.Margin:R}|{options.TierValue}|"),
        ]);
    }
}

/// <summary>The JSON text of the policy parts <see cref="ProfilePopulationFingerprint"/> hashes, with the settings of the policy
/// JSON of <c>CustomerLifecycle.Serialization</c>, without the profile depending on the namespace that names every engine's options.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RfmOptions))]
[JsonSerializable(typeof(FittingOptions))]
internal sealed partial class ProfileFingerprintJsonContext : JsonSerializerContext;
