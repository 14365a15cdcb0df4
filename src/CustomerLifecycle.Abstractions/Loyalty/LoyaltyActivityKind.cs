namespace CustomerLifecycle.Loyalty;

/// <summary>An activity that earns points.</summary>
public enum LoyaltyActivityKind
{
    /// <summary>The member answered a survey.</summary>
    SurveyAnswered,

    /// <summary>Someone the member referred became a customer.</summary>
    ReferralConverted,

    /// <summary>The member wrote a review.</summary>
    ReviewWritten,
}
