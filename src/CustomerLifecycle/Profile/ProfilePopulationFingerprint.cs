using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerLifecycle.Internal;
using CustomerLifecycle.Tiering;
using CustomerLifecycle.Value;

namespace CustomerLifecycle.Profile;

/// <summary>What a <see cref="ProfilePopulation"/> was prepared under: a hash of the parts of the profile policy that
/// <see cref="ProfileEngine.Prepare"/> reads (the tiering policy, the customer-value policy and the tier value), so that an
/// engine evaluates only against a population of cuts and a CLV fit its own policy would have made.</summary>
internal static class ProfilePopulationFingerprint
{
    /// <summary>The way this release prepares a population: change it with any change to what Prepare makes of the same
    /// profiles and policy.</summary>
    private const string Rules = "profile-population-1";

    /// <summary>The hash of the rules' name and the parts' JSON: stable across processes and machines, so a population
    /// prepared by one process is accepted by an engine of the same policy in another (an Orleans silo's).</summary>
    public static long Of(ProfileOptions options) => Fnv1a.Hash(
    [
        Rules,
        JsonSerializer.Serialize(options.Tiering, ProfileFingerprintJsonContext.Default.TieringOptions),
        JsonSerializer.Serialize(options.Value, ProfileFingerprintJsonContext.Default.ValueOptions),
        options.TierValue.ToString(),
    ]);
}

/// <summary>The JSON text of the policy parts <see cref="ProfilePopulationFingerprint"/> hashes, with the settings of the policy
/// JSON of <c>CustomerLifecycle.Serialization</c>, without the profile depending on the namespace that names every engine's options.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TieringOptions))]
[JsonSerializable(typeof(ValueOptions))]
internal sealed partial class ProfileFingerprintJsonContext : JsonSerializerContext;
