using NodaTime;

namespace CustomerLifecycle.Lifecycle;

/// <summary>Something a person or a system should do for a customer, and by when.</summary>
/// <param name="Key">A stable key (customer, source, kind and due instant) so the host can create each task once however often it is reported.</param>
/// <param name="Customer">The customer.</param>
/// <param name="Kind">What to do, e.g. <c>"first-personal-contact"</c>.</param>
/// <param name="Stage">The stage the action belongs to.</param>
/// <param name="Source">The stage playbook (<c>"playbook:Onboarding"</c>) or automation trigger (<c>"trigger:no-login-30-days"</c>) that produced it.</param>
/// <param name="Description">What to do, for people.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record PlaybookAction(string Key, CustomerId Customer, string Kind, string Stage, string Source, string Description, Instant DueAt);
