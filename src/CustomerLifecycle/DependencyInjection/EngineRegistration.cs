using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.DependencyInjection;

/// <summary>How every component registers: its engine from validated options, and where state lives, its service.</summary>
internal static class EngineRegistration
{
    /// <summary>
    /// Applies <paramref name="configure"/>, then registers <typeparamref name="TEngine"/> (singleton) built from
    /// <typeparamref name="TOptions"/> validated at start, unless it is registered already.
    /// </summary>
    /// <returns>True when the engine was registered by this call; false when an earlier call did.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static bool TryAddEngine<TOptions, TValidator, TEngine>(this IServiceCollection services, Action<TOptions>? configure, Func<TOptions, TEngine> create)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TEngine : class
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        // ValidateOnStart adds a registration on every call; register it once.
        if (services.Any(d => d.ServiceType == typeof(TEngine)))
        {
            return false;
        }

        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(sp => create(sp.GetRequiredService<IOptions<TOptions>>().Value));
        return true;
    }

    /// <summary>Registers a service (singleton) over the engine, the host's store and the shared <see cref="RetryOptions"/>.</summary>
    public static void TryAddService<TEngine, TStore, TService>(this IServiceCollection services, Func<TEngine, TStore, RetryOptions, TService> create)
        where TEngine : class
        where TStore : class
        where TService : class
        => services.TryAddService<TEngine, TStore, TService>((engine, store, retry, _) => create(engine, store, retry));

    /// <summary>Registers a service (singleton) over the engine, the host's store, the shared <see cref="RetryOptions"/> and
    /// what else the engine's policy says it needs from the container.</summary>
    public static void TryAddService<TEngine, TStore, TService>(this IServiceCollection services, Func<TEngine, TStore, RetryOptions, IServiceProvider, TService> create)
        where TEngine : class
        where TStore : class
        where TService : class
    {
        services.AddRetryOptions();
        services.TryAddSingleton(sp => create(
            sp.GetRequiredService<TEngine>(),
            sp.GetRequiredService<TStore>(),
            sp.GetRequiredService<IOptions<RetryOptions>>().Value,
            sp));
    }

    /// <summary>Changes a component's options registered by <c>AddCustomerLifecycle</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static CustomerLifecycleBuilder ConfigureOptions<TOptions>(this CustomerLifecycleBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
