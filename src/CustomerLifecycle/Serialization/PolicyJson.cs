using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CustomerLifecycle.Serialization;

/// <summary>Reads and writes policies (the engines' options objects) as JSON.</summary>
/// <remarks>
/// Property names are camelCase, enums are strings, comments and trailing commas are accepted, and an unknown property is an
/// error (a misspelt threshold must not be silently ignored). Reading does not validate: pass the result to the component's
/// options validator, or to its engine constructor, which validates.
/// </remarks>
public static class PolicyJson
{
    /// <summary>Writes a policy as indented JSON.</summary>
    /// <typeparam name="TOptions">A policy type of this SDK, e.g. <c>LifecycleOptions</c>.</typeparam>
    /// <param name="options">The policy.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TOptions"/> is not a policy type of this SDK.</exception>
    public static string Serialize<TOptions>(TOptions options)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.Serialize(options, TypeInfo<TOptions>());
    }

    /// <summary>Reads a policy from JSON.</summary>
    /// <typeparam name="TOptions">A policy type of this SDK, e.g. <c>LifecycleOptions</c>.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy, not yet validated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not valid JSON for the policy, names an unknown property, or is <c>null</c>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="TOptions"/> is not a policy type of this SDK.</exception>
    public static TOptions Deserialize<TOptions>(string json)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, TypeInfo<TOptions>())
            ?? throw new JsonException($"The JSON text is null; expected a {typeof(TOptions).Name} object.");
    }

    private static JsonTypeInfo<TOptions> TypeInfo<TOptions>()
        => PolicyJsonContext.Default.GetTypeInfo(typeof(TOptions)) as JsonTypeInfo<TOptions>
           ?? throw new NotSupportedException($"{typeof(TOptions).Name} is not a policy type of CustomerLifecycle.");
}
