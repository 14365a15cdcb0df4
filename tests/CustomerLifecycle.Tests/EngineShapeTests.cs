using System.Reflection;
using CustomerLifecycle.DependencyInjection;
using CustomerLifecycle.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Tests;

/// <summary>
/// The shape every engine follows (docs/index.md), checked over the assembly: every <c>XxxEngine</c> found is held to it,
/// so a new engine cannot drift from the others.
/// </summary>
public sealed class EngineShapeTests
{
    private static readonly Assembly Sdk = typeof(LifecycleEngine).Assembly;

    private static readonly Type[] EngineTypes = [.. Sdk.GetExportedTypes().Where(t => t.Name.EndsWith("Engine", StringComparison.Ordinal)).OrderBy(t => t.Name)];

    public static TheoryData<string> Engines() => [.. EngineTypes.Select(t => t.FullName!)];

    [Fact]
    public void EveryComponent_HasItsEngine()
    {
        string[] expected = ["Feedback", "Health", "LeadScoring", "Lifecycle", "Loyalty", "Profile", "Tiering", "Value"];

        var components = EngineTypes.Select(Component).ToHashSet();

        Assert.Superset(expected.ToHashSet(), components);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void AnEngine_IsSealed_AndBuiltFromItsOptions_ValidatedTheOneWay(string engineName)
    {
        var engine = Sdk.GetType(engineName)!;
        var component = Component(engine);
        var options = Sdk.GetType($"CustomerLifecycle.{component}.{component}Options");
        var validator = Sdk.GetType($"CustomerLifecycle.{component}.{component}OptionsValidator");

        Assert.True(engine.IsSealed, $"{engine.Name} is not sealed.");
        Assert.Equal($"CustomerLifecycle.{component}", engine.Namespace);
        Assert.NotNull(options);
        Assert.NotNull(validator);
        Assert.NotNull(engine.GetConstructor([options]));
        Assert.Single(engine.GetConstructors());
        Assert.True(validator.IsSealed);
        Assert.Contains(typeof(IValidateOptions<>).MakeGenericType(options), validator.GetInterfaces());
        Assert.Contains(validator.GetInterfaces(), i => i.IsGenericType && i.Name == "IPolicyValidator`1" && i.GetGenericArguments()[0] == options);
        Assert.Equal(["Validate"], validator.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => m.Name));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void AnEngine_EvaluatesOneCustomer_AndManyOverSpans(string engineName)
    {
        var engine = Sdk.GetType(engineName)!;
        var evaluate = Methods(engine, "Evaluate");

        Assert.Contains(evaluate, m => !IsBatch(m) && m.ReturnType != typeof(void));
        Assert.Contains(evaluate, IsBatch);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Explain_TakesWhatTheSingleEvaluateTakes_AndReturnsItsResultExplained(string engineName)
    {
        var engine = Sdk.GetType(engineName)!;
        var explains = Methods(engine, "Explain");

        Assert.NotEmpty(explains);
        foreach (var explain in explains)
        {
            var parameters = explain.GetParameters().Select(p => p.ParameterType).ToArray();
            var evaluate = engine.GetMethod("Evaluate", parameters);
            Assert.True(evaluate is not null, $"{engine.Name}.Explain({string.Join(", ", parameters.Select(p => p.Name))}) has no Evaluate with the same parameters.");
            Assert.Equal(typeof(Explanation<>).MakeGenericType(evaluate.ReturnType), explain.ReturnType);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void EverySingleEvaluate_HasAnExplain_WithItsParameters(string engineName)
    {
        var engine = Sdk.GetType(engineName)!;

        foreach (var evaluate in Methods(engine, "Evaluate").Where(m => !IsBatch(m)))
        {
            var parameters = evaluate.GetParameters().Select(p => p.ParameterType).ToArray();
            Assert.True(engine.GetMethod("Explain", parameters) is not null, $"{engine.Name}.Evaluate({string.Join(", ", parameters.Select(p => p.Name))}) has no Explain with the same parameters.");
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void TheBatchEvaluate_ReadsInputsAndAsOf_AndWritesOutputs(string engineName)
    {
        var batch = Methods(Sdk.GetType(engineName)!, "Evaluate").Where(IsBatch);

        Assert.All(batch, m => Assert.Equal("outputs", m.GetParameters()[^1].Name));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void AComponent_RegistersAsAddXxx_AndConfiguresAsConfigureXxx(string engineName)
    {
        var component = Component(Sdk.GetType(engineName)!);
        var options = Sdk.GetType($"CustomerLifecycle.{component}.{component}Options")!;
        var extensions = Sdk.GetType($"CustomerLifecycle.DependencyInjection.{component}ServiceCollectionExtensions");

        Assert.NotNull(extensions);
        var add = extensions.GetMethod($"Add{component}", [typeof(IServiceCollection), typeof(Action<>).MakeGenericType(options)]);
        var configure = extensions.GetMethod($"Configure{component}", [typeof(CustomerLifecycleBuilder), typeof(Action<>).MakeGenericType(options)]);
        Assert.NotNull(add);
        Assert.NotNull(configure);
        Assert.Equal(typeof(IServiceCollection), add.ReturnType);
        Assert.Equal(typeof(CustomerLifecycleBuilder), configure.ReturnType);
        Assert.True(add.GetParameters()[1].IsOptional, $"Add{component}'s configure is not optional.");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void AServiceOverAStore_HasTheSameVerbs_VersionsAndRetries(string engineName)
    {
        var engine = Sdk.GetType(engineName)!;
        var component = Component(engine);
        var service = Sdk.GetType($"CustomerLifecycle.{component}.{component}Service");
        if (service is null)
        {
            // No state lives between calls: no record, no store, no service.
            Assert.Null(typeof(IRecordStore<,>).Assembly.GetType($"CustomerLifecycle.{component}.I{component}Store"));
            return;
        }

        var record = AbstractionsType($"CustomerLifecycle.{component}.{component}Record");
        var store = AbstractionsType($"CustomerLifecycle.{component}.I{component}Store");
        var storeBase = store.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRecordStore<,>));
        Assert.Equal(record, storeBase.GetGenericArguments()[1]);
        Assert.Empty(store.GetMethods());
        Assert.DoesNotContain(record.GetProperties(), p => p.Name == "Version");

        var inMemory = Sdk.GetType($"CustomerLifecycle.{component}.InMemory{component}Store");
        Assert.NotNull(inMemory);
        Assert.True(inMemory.IsSealed);
        Assert.True(store.IsAssignableFrom(inMemory));
        Assert.Equal(typeof(InMemoryRecordStore<,>).MakeGenericType(storeBase.GetGenericArguments()), inMemory.BaseType);

        Assert.True(service.IsSealed);
        var constructor = Assert.Single(service.GetConstructors());
        // Other stores a composition keeps beside its own (the profile's loyalty ledgers) come after the retry, optional.
        Assert.Equal([engine, store, typeof(RetryOptions)], constructor.GetParameters().Take(3).Select(p => p.ParameterType));
        Assert.All(constructor.GetParameters().Skip(2), p => Assert.True(p.IsOptional, $"{service.Name}'s {p.Name} is not optional."));
        var verbs = service.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).ToArray();
        Assert.Contains(verbs, m => m.Name == "ApplyAsync");
        Assert.All(verbs, m =>
        {
            Assert.EndsWith("Async", m.Name, StringComparison.Ordinal);
            Assert.True(m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>), $"{service.Name}.{m.Name} returns {m.ReturnType.Name}, not ValueTask<T>.");
            Assert.Equal(typeof(CancellationToken), m.GetParameters()[^1].ParameterType);
        });
    }

    private static string Component(Type engine) => engine.Name[..^"Engine".Length];

    private static Type AbstractionsType(string name)
    {
        var type = typeof(IRecordStore<,>).Assembly.GetType(name);
        Assert.True(type is not null, $"{name} is not in CustomerLifecycle.Abstractions.");
        return type;
    }

    private static MethodInfo[] Methods(Type type, string name)
        => [.. type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == name)];

    private static bool IsBatch(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return parameters.Length >= 3
            && IsSpan(parameters[0].ParameterType, typeof(ReadOnlySpan<>))
            && IsSpan(parameters[^1].ParameterType, typeof(Span<>));
    }

    private static bool IsSpan(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;
}
