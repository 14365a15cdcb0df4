using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerLifecycle.Internal;

namespace CustomerLifecycle.Loyalty;

/// <summary>The <see cref="LoyaltyCheckpoint.PolicyFingerprint"/> of a policy: a hash of its content and of the way this release
/// judges a ledger, so that a checkpoint is trusted only by an engine that would have written the same one.</summary>
internal static class LoyaltyPolicyFingerprint
{
    /// <summary>The way this release judges lots and tiers: change it with any change to what a replay finds for the same
    /// ledger and policy, and every checkpoint written before is replayed once instead of trusted.</summary>
    private const string Rules = "loyalty-rules-1";

    /// <summary>FNV-1a (<see cref="Fnv1a"/>) over the rules' name and the policy's JSON: stable across processes and machines.
    /// Equal policies written alike hash alike; a policy that differs only in how it is written (the order of a dictionary's
    /// keys, 1 or 1.0) hashes otherwise, which costs one replay, never a wrong balance.</summary>
    public static long Of(LoyaltyOptions options)
        => Fnv1a.Hash([Rules, JsonSerializer.Serialize(options, LoyaltyFingerprintJsonContext.Default.LoyaltyOptions)]);
}

/// <summary>The policy's JSON text that <see cref="LoyaltyPolicyFingerprint"/> hashes, with the settings of the policy JSON of
/// <c>CustomerLifecycle.Serialization</c>, without the loyalty depending on the namespace that names every engine's options.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LoyaltyOptions))]
internal sealed partial class LoyaltyFingerprintJsonContext : JsonSerializerContext;
