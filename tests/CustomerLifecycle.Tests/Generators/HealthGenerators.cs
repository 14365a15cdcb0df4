using CustomerLifecycle.Health;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>One generated factor: its normaliser, direction, weight, group and raw value (null = missing).</summary>
public sealed record FactorSpec(HealthNormalizerKind Kind, HealthDirection Direction, double Weight, double A, double B, double[] Points, int Group, double? Value, HealthMissingDataPolicy Policy = HealthMissingDataPolicy.Exclude)
{
    public HealthFactorOptions ToOptions(string id, double weightScale = 1) => new()
    {
        Id = id,
        Weight = Weight * weightScale,
        Direction = Direction,
        MissingData = Policy,
        Normalizer = Kind switch
        {
            HealthNormalizerKind.Linear => new() { Kind = Kind, Min = A, Max = A + B },
            HealthNormalizerKind.Logistic => new() { Kind = Kind, Midpoint = A, Steepness = B },
            HealthNormalizerKind.RatioToTarget => new() { Kind = Kind, Target = B },
            _ => new()
            {
                Kind = Kind,
                Steps =
                [
                    new() { To = A, Points = Points[0] },
                    new() { From = A, To = A + B, Points = Points[1] },
                    new() { From = A + B, Points = Points[2] },
                ],
            },
        },
    };
}

/// <summary>A generated policy (factors spread over the root and up to two nested groups) with one customer's values.</summary>
public sealed record HealthScenario(FactorSpec[] Factors, double GroupAWeight, double GroupBWeight)
{
    public static string IdOf(int index) => $"f{index}";

    /// <summary>Builds the policy; group 0 is the root, group 1 a root group "a", group 2 a group "b" inside "a".</summary>
    public HealthOptions Options(double weightScale = 1, int? without = null)
    {
        var options = new HealthOptions { Factors = [], Groups = [], Trend = new HealthTrendOptions { UsageDrops = [] } };
        var a = new HealthGroupOptions { Id = "a", Weight = GroupAWeight * weightScale };
        var b = new HealthGroupOptions { Id = "b", Weight = GroupBWeight * weightScale };
        for (var i = 0; i < Factors.Length; i++)
        {
            if (i == without)
            {
                continue;
            }

            var factor = Factors[i].ToOptions(IdOf(i), weightScale);
            (Factors[i].Group switch { 0 => options.Factors, 1 => a.Factors, _ => b.Factors }).Add(factor);
        }

        if (b.Factors.Count > 0)
        {
            a.Groups.Add(b);
        }

        if (a.Factors.Count > 0 || a.Groups.Count > 0)
        {
            options.Groups.Add(a);
        }

        return options;
    }

    public bool IsValid(int? without = null) => HealthOptionsValidator.Failures(Options(without: without)).Count == 0;

    public HealthInput Input(HealthEngine engine, int? without = null)
    {
        var input = default(HealthInput);
        for (var i = 0; i < Factors.Length; i++)
        {
            if (i != without && Factors[i].Value is { } value)
            {
                input.Set(engine.SlotOf(IdOf(i)), value);
            }
        }

        return input;
    }

    public HealthScenario WithValue(int index, double? value)
    {
        var factors = Factors.ToArray();
        factors[index] = factors[index] with { Value = value };
        return this with { Factors = factors };
    }

    public HealthScenario WithPolicy(int index, HealthMissingDataPolicy policy)
    {
        var factors = Factors.ToArray();
        factors[index] = factors[index] with { Policy = policy };
        return this with { Factors = factors };
    }
}

public static class HealthGenerators
{
    private static Gen<double> Number(int min, int max) => Gen.Choose(min * 100, max * 100).Select(x => x / 100.0);

    public static Gen<double?> Value { get; } = Gen.Frequency(
        (5, Number(-20, 20).Select(v => (double?)v)),
        (1, Gen.Constant<double?>(null)));

    public static Gen<FactorSpec> Factor { get; } =
        from kind in Gen.Elements(HealthNormalizerKind.Linear, HealthNormalizerKind.Logistic, HealthNormalizerKind.RatioToTarget, HealthNormalizerKind.StepGrid)
        from lower in Gen.Elements(false, true)
        from weight in Gen.Frequency((1, Gen.Constant(0.0)), (8, Gen.Choose(1, 10).Select(w => (double)w)))
        from a in Number(-10, 10)
        from b in Gen.Choose(10, 1000).Select(x => x / 100.0)
        from points in Gen.ArrayOf(Gen.Choose(0, 100).Select(p => (double)p), 3).Select(p => p.Order().ToArray())
        from groupIndex in Gen.Choose(0, 2)
        from value in Value
        from policy in Gen.Frequency(
            (6, Gen.Constant(HealthMissingDataPolicy.Exclude)),
            (2, Gen.Constant(HealthMissingDataPolicy.TreatAsZero)),
            (1, Gen.Constant(HealthMissingDataPolicy.Fail)))
        select new FactorSpec(
            kind,
            kind == HealthNormalizerKind.StepGrid || !lower ? HealthDirection.HigherIsBetter : HealthDirection.LowerIsBetter,
            weight,
            a,
            b,
            points,
            groupIndex,
            value,
            policy);

    public static Gen<HealthScenario> Scenario { get; } =
        (from count in Gen.Choose(1, 8)
         from factors in Gen.ArrayOf(Factor, count)
         from groupA in Gen.Choose(1, 5)
         from groupB in Gen.Choose(1, 5)
         select new HealthScenario(factors, groupA, groupB))
        .Where(s => s.IsValid());

    public static Arbitrary<HealthScenario> Scenarios() => Scenario.ToArbitrary();

    /// <summary>Scenarios without groups whose normalisers are all linear or ratio: the engine's fastest batch kernel.</summary>
    public static Arbitrary<HealthScenario> FlatLinearScenarios() => Scenario
        .Select(s => s with
        {
            Factors = s.Factors
                .Select(f => f with { Group = 0, Kind = f.Kind is HealthNormalizerKind.Logistic or HealthNormalizerKind.StepGrid ? HealthNormalizerKind.Linear : f.Kind })
                .ToArray(),
        })
        .Where(s => s.IsValid())
        .ToArbitrary();
}
