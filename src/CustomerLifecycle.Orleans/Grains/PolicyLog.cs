using Microsoft.Extensions.Logging;

namespace CustomerLifecycle.Orleans.Grains;

/// <summary>What the silo logs when a policy changes.</summary>
internal static partial class PolicyLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "The policy {Policy} '{Name}' changed; customer grains use it from their next call.")]
    public static partial void Changed(ILogger logger, string policy, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "A changed policy {Policy} '{Name}' was refused, the previous one stays: {Problems}")]
    public static partial void Refused(ILogger logger, string policy, string name, string problems);
}
