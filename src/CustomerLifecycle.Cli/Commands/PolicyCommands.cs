using CustomerLifecycle.Cli.Policy;

namespace CustomerLifecycle.Cli.Commands;

/// <summary><c>policy validate &lt;file&gt;</c> and <c>policy export-defaults</c>.</summary>
internal static class PolicyCommands
{
    public static int Validate(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var arguments = Arguments.Parse(args, "policy validate", [], []);
        var path = arguments.Single("policy validate", "policy-file");
        var (_, problems) = CliPolicy.Load(path);
        if (problems.Count == 0)
        {
            output.WriteLine($"{path}: the policy is valid.");
            return ExitCodes.Ok;
        }

        error.WriteLine($"{path}: {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem}");
        }

        return ExitCodes.InvalidPolicy;
    }

    public static int ExportDefaults(IReadOnlyList<string> args, TextWriter output)
    {
        var arguments = Arguments.Parse(args, "policy export-defaults", ["output"], []);
        if (arguments.Positional.Count > 0)
        {
            throw new CliException($"'policy export-defaults' takes no arguments but got '{arguments.Positional[0]}'.");
        }

        var json = CliPolicy.Defaults().ToJson();
        if (arguments.Get("output") is { } path)
        {
            File.WriteAllText(path, json + Environment.NewLine);
        }
        else
        {
            output.WriteLine(json);
        }

        return ExitCodes.Ok;
    }
}
