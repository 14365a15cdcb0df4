namespace CustomerLifecycle.Feedback;

/// <summary>The unit of an SLA target: calendar time or business time on the policy's calendar.</summary>
public enum SlaUnit
{
    /// <summary>Calendar minutes.</summary>
    Minutes,

    /// <summary>Calendar hours.</summary>
    Hours,

    /// <summary>Calendar days of 24 hours.</summary>
    Days,

    /// <summary>Minutes of working time.</summary>
    BusinessMinutes,

    /// <summary>Hours of working time.</summary>
    BusinessHours,

    /// <summary>Whole working days: the same point of the working day, N working days later.</summary>
    BusinessDays,
}
