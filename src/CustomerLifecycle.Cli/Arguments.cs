namespace CustomerLifecycle.Cli;

/// <summary>A command's positional arguments and <c>--name value</c> / <c>--flag</c> options, checked against what the command accepts.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private Arguments(List<string> positional) => Positional = positional;

    public List<string> Positional { get; }

    public static Arguments Parse(IReadOnlyList<string> args, string command, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        var result = new Arguments([]);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                result.Positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            if (flags.Contains(name))
            {
                result._options[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new CliException($"'{command}': option --{name} needs a value."));
                result._options[name] = value;
            }
            else
            {
                var known = valueOptions.Concat(flags).Select(o => "--" + o).ToList();
                throw new CliException(known.Count == 0
                    ? $"'{command}' takes no option --{name}."
                    : $"'{command}' has no option --{name}; its options are {string.Join(", ", known)}.");
            }
        }

        return result;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Single(string command, string what)
    {
        if (Positional.Count != 1)
        {
            throw new CliException($"'{command}' takes one {what} but got {Positional.Count} arguments (usage: customer-lifecycle {command} <{what}> …).");
        }

        return Positional[0];
    }
}
