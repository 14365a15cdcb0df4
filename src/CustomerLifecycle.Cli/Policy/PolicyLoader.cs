namespace CustomerLifecycle.Cli.Policy;

/// <summary>Loads <c>--policy</c> for a command: the defaults when none, otherwise the file or a one-line error naming every problem.</summary>
internal static class PolicyLoader
{
    public static CliPolicy Load(string? path)
    {
        if (path is null)
        {
            return CliPolicy.Defaults();
        }

        var (policy, problems) = CliPolicy.Load(path);
        return policy ?? throw new CliException(
            $"{path}: the policy has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}: {string.Join("; ", problems)} (see: customer-lifecycle policy validate {path})",
            ExitCodes.InvalidPolicy);
    }
}
