using System.Text.Json.Serialization;

namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>The policy's JSON text that <see cref="CompiledPolicy.Fingerprint"/> hashes.</summary>
/// <remarks>The same settings as the policy JSON of <c>CustomerLifecycle.Serialization</c>, so the text (and a stored
/// record's fingerprint) is the same, without the lifecycle depending on the namespace that names every engine's options.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(LifecycleOptions))]
internal sealed partial class FingerprintJsonContext : JsonSerializerContext;
