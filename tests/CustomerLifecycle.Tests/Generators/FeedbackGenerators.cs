using CustomerLifecycle.Feedback;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerLifecycle.Tests.Generators;

/// <summary>Shared FsCheck generators for SLA inputs and priority matrices; items come from the Testing package.</summary>
internal static class FeedbackGenerators
{
    public static readonly string[] Categories = ["product-request", "service-issue", "experience-improvement", "complaint", "praise"];

    public static readonly string[] Priorities = ["High", "Medium", "Low"];

    /// <summary>Items as the Testing package generates them for hosts: one generator, so both test the same inputs.</summary>
    public static Gen<FeedbackItem> Item => Testing.Generators.FeedbackGenerators.Item;

    /// <summary>A closed pause: how long after the start it begins and how long it lasts, in minutes.</summary>
    public static Gen<(int After, int Length)> Pause => Gen.Choose(0, 6000).Zip(Gen.Choose(0, 4000));

    public static Gen<SlaTargetKind> Kind => Gen.Elements(SlaTargetKind.Acknowledge, SlaTargetKind.FirstResponse, SlaTargetKind.Resolution, SlaTargetKind.FollowUp);

    /// <summary>A complete 4 × 4 matrix of priority indices (0 = High … 2 = Low), rows = impact narrowest first, columns = urgency least first.</summary>
    public static Gen<int[][]> Matrix => Gen.ArrayOf(Gen.Choose(0, 2), 16).Select(cells => Enumerable.Range(0, 4).Select(r => cells.Skip(r * 4).Take(4).ToArray()).ToArray());
}
