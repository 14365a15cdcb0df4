using NodaTime;

namespace CustomerLifecycle.Tiering;

/// <summary>A customer's next contact as written by the batch planner.</summary>
/// <param name="NextDue">When the next cadence contact is due: the last contact plus the tier's interval, or the evaluation instant when never contacted.</param>
/// <param name="EarliestNext">The earliest a further cadence contact should happen (the tier's minimum gap after the last contact).</param>
/// <param name="Overdue">Whether the evaluation instant is after <paramref name="NextDue"/>.</param>
/// <param name="DaysOverdue">Whole days past <paramref name="NextDue"/>; 0 when not overdue.</param>
/// <param name="NextKeyMoment">The date of the next birthday or anniversary within the look-ahead, in the customer's zone, or <see langword="null"/>.</param>
public readonly record struct ContactDue(Instant NextDue, Instant EarliestNext, bool Overdue, int DaysOverdue, LocalDate? NextKeyMoment);
