using System.Runtime.CompilerServices;
using NodaTime;

namespace CustomerLifecycle.Health;

/// <summary>
/// The factor tree flattened into arrays, so that scoring a customer is a loop over leaf slots and then over groups.
/// </summary>
/// <remarks>
/// Groups are numbered in pre-order with the root at 0, so every group's index is greater than its parent's: walking the
/// groups from the last index down to 1 folds each group into its parent after all its children were folded into it.
/// </remarks>
internal sealed class CompiledHealthPolicy
{
    private readonly HealthNormalizerKind[] _kind;
    private readonly double[] _p0;
    private readonly double[] _p1;
    private readonly bool[] _mirror;
    private readonly int[] _stepStart;
    private readonly int[] _stepCount;
    private readonly double[] _stepTo;
    private readonly bool[] _stepToInclusive;
    private readonly double[] _stepPoints;

    public CompiledHealthPolicy(HealthOptions options)
    {
        var leaves = new List<(HealthFactorOptions Factor, int Parent)>();
        var groups = new List<(string Id, double Weight, int Parent)> { ("(root)", 1, -1) };
        Flatten(options.Factors, options.Groups, 0, leaves, groups);

        LeafCount = leaves.Count;
        GroupCount = groups.Count;
        FactorIds = leaves.Select(l => l.Factor.Id).ToArray();
        LeafWeight = leaves.Select(l => l.Factor.Weight).ToArray();
        LeafParent = leaves.Select(l => l.Parent).ToArray();
        Policy = leaves.Select(l => l.Factor.MissingData).ToArray();
        CarryForwardTicks = leaves.Select(l => Duration.FromDays(l.Factor.CarryForwardDays).BclCompatibleTicks).ToArray();
        GroupWeight = groups.Select(g => g.Weight).ToArray();
        GroupParent = groups.Select(g => g.Parent).ToArray();

        _kind = leaves.Select(l => l.Factor.Normalizer.Kind).ToArray();
        _mirror = leaves.Select(l => l.Factor.Direction == HealthDirection.LowerIsBetter).ToArray();
        _p0 = new double[LeafCount];
        _p1 = new double[LeafCount];
        _stepStart = new int[LeafCount];
        _stepCount = new int[LeafCount];
        var stepTo = new List<double>();
        var stepToInclusive = new List<bool>();
        var stepPoints = new List<double>();
        for (var i = 0; i < LeafCount; i++)
        {
            var n = leaves[i].Factor.Normalizer;
            switch (n.Kind)
            {
                case HealthNormalizerKind.Linear:
                    _p0[i] = n.Min;
                    _p1[i] = n.Max - n.Min;
                    break;
                case HealthNormalizerKind.Logistic:
                    _p0[i] = n.Midpoint;
                    _p1[i] = n.Steepness;
                    break;
                case HealthNormalizerKind.RatioToTarget:
                    _p0[i] = n.Target;
                    break;
                default:
                    _stepStart[i] = stepTo.Count;
                    _stepCount[i] = n.Steps.Count;
                    foreach (var step in n.Steps)
                    {
                        stepTo.Add(step.To ?? double.PositiveInfinity);
                        stepToInclusive.Add(step.ToInclusive);
                        stepPoints.Add(step.Points);
                    }

                    break;
            }
        }

        _stepTo = [.. stepTo];
        _stepToInclusive = [.. stepToInclusive];
        _stepPoints = [.. stepPoints];

        // A leaf's share of the score when every factor has data: the product of its weight shares up the tree.
        var groupShare = new double[GroupCount];
        groupShare[0] = 1;
        for (var g = 1; g < GroupCount; g++)
        {
            groupShare[g] = groupShare[GroupParent[g]] * Share(GroupWeight[g], SiblingWeight(GroupParent[g]));
        }

        FullShare = new double[LeafCount];
        for (var i = 0; i < LeafCount; i++)
        {
            FullShare[i] = groupShare[LeafParent[i]] * Share(LeafWeight[i], SiblingWeight(LeafParent[i]));
        }
    }

    public int LeafCount { get; }

    public int GroupCount { get; }

    public string[] FactorIds { get; }

    public double[] LeafWeight { get; }

    public int[] LeafParent { get; }

    public HealthMissingDataPolicy[] Policy { get; }

    public long[] CarryForwardTicks { get; }

    public double[] GroupWeight { get; }

    public int[] GroupParent { get; }

    /// <summary>Gets each leaf's share of the score when every factor has data; coverage sums these.</summary>
    public double[] FullShare { get; }

    /// <summary>Maps a finite raw value onto 0–100 in the factor's direction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Normalize(int leaf, double value)
    {
        double points;
        switch (_kind[leaf])
        {
            case HealthNormalizerKind.Linear:
                // Division rather than a precomputed reciprocal keeps the range ends exact (Max → 100, not 99.99…).
                points = Clamp01((value - _p0[leaf]) / _p1[leaf]) * 100;
                break;
            case HealthNormalizerKind.Logistic:
                points = 100 / (1 + Math.Exp(-_p1[leaf] * (value - _p0[leaf])));
                break;
            case HealthNormalizerKind.RatioToTarget:
                points = Clamp01(value / _p0[leaf]) * 100;
                break;
            default:
                points = StepPoints(leaf, value);
                break;
        }

        return _mirror[leaf] ? 100 - points : points;
    }

    private static double Clamp01(double x) => x < 0 ? 0 : x > 1 ? 1 : x;

    private static double Share(double weight, double total) => total > 0 ? weight / total : 0;

    private double StepPoints(int leaf, double value)
    {
        // Steps adjoin without gap or overlap (validated), so the first step whose upper bound admits the value holds it;
        // a value below the first step takes the first step's points, above the last the last's.
        var start = _stepStart[leaf];
        var end = start + _stepCount[leaf];
        for (var s = start; s < end; s++)
        {
            var to = _stepTo[s];
            if (value < to || (value == to && _stepToInclusive[s]))
            {
                return _stepPoints[s];
            }
        }

        return _stepPoints[end - 1];
    }

    private double SiblingWeight(int group)
    {
        var total = 0.0;
        for (var i = 0; i < LeafCount; i++)
        {
            if (LeafParent[i] == group)
            {
                total += LeafWeight[i];
            }
        }

        for (var g = 1; g < GroupCount; g++)
        {
            if (GroupParent[g] == group)
            {
                total += GroupWeight[g];
            }
        }

        return total;
    }

    private static void Flatten(
        List<HealthFactorOptions> factors,
        List<HealthGroupOptions> groups,
        int parent,
        List<(HealthFactorOptions Factor, int Parent)> leaves,
        List<(string Id, double Weight, int Parent)> groupList)
    {
        foreach (var factor in factors)
        {
            leaves.Add((factor, parent));
        }

        foreach (var group in groups)
        {
            var index = groupList.Count;
            groupList.Add((group.Id, group.Weight, parent));
            Flatten(group.Factors, group.Groups, index, leaves, groupList);
        }
    }
}
