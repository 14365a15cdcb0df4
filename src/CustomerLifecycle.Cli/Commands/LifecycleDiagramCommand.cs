using CustomerLifecycle.Cli.Policy;
using CustomerLifecycle.Lifecycle;

namespace CustomerLifecycle.Cli.Commands;

/// <summary><c>lifecycle diagram</c>: the lifecycle policy's stage graph as a Mermaid state diagram.</summary>
internal static class LifecycleDiagramCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var arguments = Arguments.Parse(args, "lifecycle diagram", ["policy"], []);
        if (arguments.Positional.Count > 0)
        {
            throw new CliException($"'lifecycle diagram' takes no arguments but got '{arguments.Positional[0]}'.");
        }

        var policy = PolicyLoader.Load(arguments.Get("policy"));
        output.WriteLine(new LifecycleEngine(policy.Lifecycle).ToMermaid());
        return ExitCodes.Ok;
    }
}
