using System.Text.Json;
using CustomerLifecycle.Loyalty;
using CustomerLifecycle.Serialization;

namespace CustomerLifecycle.Cli.Policy;

/// <summary>
/// Loads <c>loyalty --policy</c>: the SDK's own loyalty policy JSON (what <c>PolicyJson.Serialize(new LoyaltyOptions())</c>
/// writes), the defaults when none, otherwise the file or a one-line error naming every problem.
/// </summary>
internal static class LoyaltyPolicy
{
    public static LoyaltyOptions Load(string? path)
    {
        if (path is null)
        {
            return new LoyaltyOptions();
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file.", ExitCodes.InvalidPolicy);
        }

        LoyaltyOptions options;
        try
        {
            options = PolicyJson.Deserialize<LoyaltyOptions>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new CliException($"{path}: not a loyalty policy: {e.Message}", ExitCodes.InvalidPolicy);
        }

        var result = new LoyaltyOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            var problems = result.Failures.ToList();
            throw new CliException(
                $"{path}: the loyalty policy has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}: {string.Join("; ", problems)}",
                ExitCodes.InvalidPolicy);
        }

        return options;
    }
}
