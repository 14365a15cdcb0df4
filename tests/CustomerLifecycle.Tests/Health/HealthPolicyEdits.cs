using CustomerLifecycle.Health;
using CustomerLifecycle.Serialization;
using CustomerLifecycle.Testing.Generators;

namespace CustomerLifecycle.Tests.Health;

/// <summary>Changed copies of a generated policy, for properties that compare two policies; the generated one is never changed.</summary>
internal static class HealthPolicyEdits
{
    public static HealthOptions Copy(HealthOptions policy) => PolicyJson.Deserialize<HealthOptions>(PolicyJson.Serialize(policy));

    public static bool IsValid(HealthOptions policy) => new HealthOptionsValidator().Validate(null, policy).Succeeded;

    /// <summary>Every factor and group weight multiplied by <paramref name="k"/>.</summary>
    public static HealthOptions WeightsTimes(HealthOptions policy, double k)
    {
        var copy = Copy(policy);
        foreach (var factor in HealthGenerators.FactorsOf(copy))
        {
            factor.Weight *= k;
        }

        foreach (var group in GroupsOf(copy.Groups))
        {
            group.Weight *= k;
        }

        return copy;
    }

    /// <summary>The factor in <paramref name="slot"/> changed by <paramref name="edit"/>.</summary>
    public static HealthOptions WithFactor(HealthOptions policy, int slot, Action<HealthFactorOptions> edit)
    {
        var copy = Copy(policy);
        edit(HealthGenerators.FactorsOf(copy).ElementAt(slot));
        return copy;
    }

    /// <summary>The factor with id <paramref name="factorId"/> removed from its group.</summary>
    public static HealthOptions Without(HealthOptions policy, string factorId)
    {
        var copy = Copy(policy);
        foreach (var factors in GroupsOf(copy.Groups).Select(g => g.Factors).Prepend(copy.Factors))
        {
            factors.RemoveAll(f => f.Id == factorId);
        }

        return copy;
    }

    /// <summary>No groups (their factors moved to the root) and every normaliser linear or ratio: the batch's fastest kernel.</summary>
    public static HealthOptions FlatLinear(HealthOptions policy)
    {
        var copy = Copy(policy);
        copy.Factors = [.. HealthGenerators.FactorsOf(copy)];
        copy.Groups = [];
        foreach (var factor in copy.Factors.Where(f => f.Normalizer.Kind is HealthNormalizerKind.Logistic or HealthNormalizerKind.StepGrid))
        {
            factor.Normalizer = new HealthNormalizerOptions { Kind = HealthNormalizerKind.Linear, Min = -5, Max = 5 };
        }

        return copy;
    }

    private static IEnumerable<HealthGroupOptions> GroupsOf(IEnumerable<HealthGroupOptions> groups)
        => groups.SelectMany(g => GroupsOf(g.Groups).Prepend(g));
}
