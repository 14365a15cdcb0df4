using System.Text.Json;

namespace CustomerLifecycle.Cli.Tests;

public sealed class OtherCommandsTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ValueFit_PrintsEveryModelWithCamelCaseKeysAndConvergence()
    {
        var (exit, output, error) = await _cli.RunAsync("value", "fit", CliRun.Sample, "--calibration-end", "1997-09-30", "--time-unit", "week", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(2357, root.GetProperty("customers").GetInt32());
        var bg = root.GetProperty("bgNbd");
        Assert.Equal(["r", "alpha", "a", "b", "logLikelihood", "standardErrors", "convergence"], bg.EnumerateObject().Select(p => p.Name));
        Assert.Equal((0.243, 4.414, 0.793, 2.426, -9582.4), (Round(bg, "r", 3), Round(bg, "alpha", 3), Round(bg, "a", 3), Round(bg, "b", 3), Round(bg, "logLikelihood", 1)));
        var pareto = root.GetProperty("paretoNbd");
        Assert.Equal(["r", "alpha", "s", "beta", "logLikelihood", "standardErrors", "convergence"], pareto.EnumerateObject().Select(p => p.Name));
        Assert.Equal((0.55, 10.58, 0.61, 11.67, -9595.0), (Round(pareto, "r", 2), Round(pareto, "alpha", 2), Round(pareto, "s", 2), Round(pareto, "beta", 2), Round(pareto, "logLikelihood", 1)));
        var gg = root.GetProperty("gammaGamma");
        Assert.Equal(["p", "q", "gamma", "logLikelihood", "standardErrors", "convergence"], gg.EnumerateObject().Select(p => p.Name));
        Assert.Equal((6.25, 3.74, 15.44), (Round(gg, "p", 2), Round(gg, "q", 2), Round(gg, "gamma", 2)));
        foreach (var model in new[] { bg, pareto, gg })
        {
            var convergence = model.GetProperty("convergence");
            Assert.Equal("Converged", convergence.GetProperty("status").GetString());
            Assert.True(convergence.GetProperty("converged").GetBoolean());
            Assert.Equal(["status", "converged", "iterations", "functionEvaluations", "gradientNorm", "message"], convergence.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task ValueFit_WithoutCalibrationEnd_IsAClearError()
    {
        var (exit, _, error) = await _cli.RunAsync("value", "fit", CliRun.Sample);

        Assert.Equal((2, "error: 'value fit' needs --calibration-end DATE (e.g. 1997-09-30)."), (exit, error.Trim()));
    }

    [Fact]
    public async Task PolicyValidate_ListsEveryProblem()
    {
        var file = _cli.Write("bad.json", """{ "health": { "factors": [ { "id": "x", "weight": -1 } ], "trend": { "usageDrops": [] } }, "value": { "margin": 2 }, "colour": 1, "lifecycle": { "stages": 3 } }""");

        var (exit, output, error) = await _cli.RunAsync("policy", "validate", file);

        Assert.Equal(4, exit);
        Assert.Equal(string.Empty, output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"{file}: 4 problems:", lines[0]);
        Assert.Equal("colour: unknown section; the sections are lifecycle, tiering, health, value.", lines[1]);
        Assert.StartsWith("lifecycle: ", lines[2], StringComparison.Ordinal);
        Assert.Equal("health.Factors[0].Weight: must be a finite number >= 0 but was -1.", lines[3]);
        Assert.Equal("value.Margin: must be in [0, 1] but was 2.", lines[4]);
    }

    [Fact]
    public async Task ExportedDefaults_ValidateAndDriveAnalyze()
    {
        var policy = _cli.PathOf("policy.json");

        var (exported, _, _) = await _cli.RunAsync("policy", "export-defaults", "--output", policy);
        var (valid, output, _) = await _cli.RunAsync("policy", "validate", policy);
        var (analyzed, _, error) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--policy", policy, "--quiet", "--format", "csv");

        Assert.Equal((0, 0, 0), (exported, valid, analyzed));
        Assert.Equal($"{policy}: the policy is valid.", output.Trim());
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(File.ReadAllText(policy));
        Assert.Equal(["lifecycle", "tiering", "health", "value"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Analyze_WithAnInvalidPolicy_StopsBeforeReading()
    {
        var file = _cli.Write("bad.json", """{ "value": { "margin": 2 } }""");

        var (exit, _, error) = await _cli.RunAsync("analyze", CliRun.Sample, "--db", _cli.Database, "--policy", file);

        Assert.Equal(4, exit);
        Assert.Equal($"error: {file}: the policy has 1 problem: value.Margin: must be in [0, 1] but was 2. (see: customer-lifecycle policy validate {file})", error.Trim());
        Assert.False(File.Exists(_cli.Database));
    }

    [Fact]
    public async Task LifecycleDiagram_IsMermaid()
    {
        var (exit, output, _) = await _cli.RunAsync("lifecycle", "diagram");

        Assert.Equal(0, exit);
        Assert.StartsWith("stateDiagram-v2", output, StringComparison.Ordinal);
        Assert.Contains("Prospect --> Onboarding : first-purchase (on Purchase)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_IsDeterministicForASeed_AndAnalyzable()
    {
        var (exit, first, _) = await _cli.RunAsync("generate", "--customers", "200", "--seed", "7");
        var (_, second, _) = await _cli.RunAsync("generate", "--customers", "200", "--seed", "7");
        var (_, other, _) = await _cli.RunAsync("generate", "--customers", "200", "--seed", "8");
        var file = _cli.Write("generated.csv", first);
        var (analyzed, output, error) = await _cli.RunAsync("analyze", file, "--db", _cli.Database, "--quiet", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.StartsWith("customer_id,date,amount", first, StringComparison.Ordinal);
        Assert.True(analyzed == 0, error);
        Assert.Equal(201, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task UnknownCommand_AndNoArguments_AreUsageErrors()
    {
        var (unknown, _, error) = await _cli.RunAsync("frobnicate");
        var (none, _, usage) = await _cli.RunAsync();

        Assert.Equal(2, unknown);
        Assert.Equal("error: unknown command 'frobnicate'; the commands are analyze, loyalty, value fit, policy validate, policy export-defaults, lifecycle diagram, generate (see --help).", error.Trim());
        Assert.Equal(2, none);
        Assert.Contains("Commands:", usage, StringComparison.Ordinal);
    }

    private static double Round(JsonElement element, string name, int digits) => Math.Round(element.GetProperty(name).GetDouble(), digits);
}
