namespace CustomerLifecycle.Feedback;

/// <summary>A recurring theme: how many items mentioned it this week and the week before.</summary>
/// <param name="Name">The tag or keyword.</param>
/// <param name="Source">Whether it is a tag or a keyword.</param>
/// <param name="ThisWeek">Items submitted this week with the theme.</param>
/// <param name="PreviousWeek">Items submitted the week before with the theme.</param>
public sealed record FeedbackTheme(string Name, FeedbackThemeSource Source, int ThisWeek, int PreviousWeek)
{
    /// <summary>Gets the change against the previous week.</summary>
    public int Change => ThisWeek - PreviousWeek;
}
