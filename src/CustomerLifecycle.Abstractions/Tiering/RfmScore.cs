namespace CustomerLifecycle.Tiering;

/// <summary>A customer's RFM scores and named segment, as written by the batch scorer.</summary>
/// <param name="Recency">The recency score, 1 (longest ago or never) to the score count (most recent).</param>
/// <param name="Frequency">The frequency score, 1 (fewest purchases) to the score count (most).</param>
/// <param name="Monetary">The monetary score, 1 (least spent) to the score count (most).</param>
/// <param name="SegmentIndex">The index of the first segment rule that matched, or -1 when none did.</param>
/// <param name="Segment">The segment's name, or the policy's unmatched name (<c>"Others"</c> by default).</param>
public readonly record struct RfmScore(int Recency, int Frequency, int Monetary, int SegmentIndex, string Segment);
