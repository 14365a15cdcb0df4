using CustomerLifecycle.Lifecycle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>The silo's lifecycle engine, rebuilt when the policy (<see cref="LifecycleOptions"/>) changes, so that a
/// change reaches every customer grain without restarting the silo.</summary>
/// <remarks>A changed policy that fails validation is refused and logged; the engine of the last valid one stays.</remarks>
internal sealed partial class LifecyclePolicy : IDisposable
{
    private readonly IDisposable? _subscription;
    private readonly ILogger<LifecyclePolicy> _logger;
    private volatile LifecycleEngine _engine;

    public LifecyclePolicy(IOptionsMonitor<LifecycleOptions> options, ILogger<LifecyclePolicy> logger)
    {
        _logger = logger;
        _engine = new LifecycleEngine(options.CurrentValue);
        _subscription = options.OnChange(Change);
    }

    /// <summary>Gets the engine of the current policy.</summary>
    public LifecycleEngine Engine => _engine;

    public void Dispose() => _subscription?.Dispose();

    private void Change(LifecycleOptions options)
    {
        try
        {
            _engine = new LifecycleEngine(options);
            LogChanged(_logger);
        }
        catch (OptionsValidationException e)
        {
            LogRefused(_logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The lifecycle policy changed; customer grains use it from their next call.")]
    private static partial void LogChanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A changed lifecycle policy was refused, the previous one stays: {Problems}")]
    private static partial void LogRefused(ILogger logger, string problems);
}
