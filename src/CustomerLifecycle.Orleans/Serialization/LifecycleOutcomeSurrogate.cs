using CustomerLifecycle.Lifecycle;
using NodaTime;

namespace CustomerLifecycle.Orleans.Serialization;

/// <summary>A <see cref="LifecycleOutcome"/> on the wire, with its rules that did not fire worked out (a caller in another
/// process cannot ask the engine for them later).</summary>
[GenerateSerializer]
[Immutable]
internal struct LifecycleOutcomeSurrogate
{
    [Id(0)] public LifecycleOutcomeStatus Status;
    [Id(1)] public LifecycleRecord? Record;
    [Id(2)] public StageTransition[] Transitions;
    [Id(3)] public PlaybookAction[] Actions;
    [Id(4)] public Reason[] Reasons;
    [Id(5)] public bool Changed;
    [Id(6)] public RuleCheck[] NotFired;
}

/// <summary>Converts <see cref="LifecycleOutcome"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class LifecycleOutcomeConverter : IConverter<LifecycleOutcome, LifecycleOutcomeSurrogate>
{
    public LifecycleOutcome ConvertFromSurrogate(in LifecycleOutcomeSurrogate surrogate)
        => new(surrogate.Status, surrogate.Record, surrogate.Transitions, surrogate.Actions, surrogate.Reasons, surrogate.Changed, surrogate.NotFired);

    public LifecycleOutcomeSurrogate ConvertToSurrogate(in LifecycleOutcome value) => new()
    {
        Status = value.Status,
        Record = value.Record,
        Transitions = [.. value.Transitions],
        Actions = [.. value.Actions],
        Reasons = [.. value.Reasons],
        Changed = value.Changed,
        NotFired = [.. value.NotFired],
    };
}

/// <summary>A <see cref="StageTransition"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct StageTransitionSurrogate
{
    [Id(0)] public string From;
    [Id(1)] public string To;
    [Id(2)] public Instant At;
    [Id(3)] public string RuleId;
    [Id(4)] public string? EventId;
    [Id(5)] public Reason[] Reasons;
}

/// <summary>Converts <see cref="StageTransition"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class StageTransitionConverter : IConverter<StageTransition, StageTransitionSurrogate>
{
    public StageTransition ConvertFromSurrogate(in StageTransitionSurrogate surrogate)
        => new(surrogate.From, surrogate.To, surrogate.At, surrogate.RuleId, surrogate.EventId, surrogate.Reasons);

    public StageTransitionSurrogate ConvertToSurrogate(in StageTransition value)
        => new() { From = value.From, To = value.To, At = value.At, RuleId = value.RuleId, EventId = value.EventId, Reasons = [.. value.Reasons] };
}

/// <summary>A <see cref="PlaybookAction"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct PlaybookActionSurrogate
{
    [Id(0)] public string Key;
    [Id(1)] public CustomerId Customer;
    [Id(2)] public string Kind;
    [Id(3)] public string Stage;
    [Id(4)] public string Source;
    [Id(5)] public string Description;
    [Id(6)] public Instant DueAt;
}

/// <summary>Converts <see cref="PlaybookAction"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class PlaybookActionConverter : IConverter<PlaybookAction, PlaybookActionSurrogate>
{
    public PlaybookAction ConvertFromSurrogate(in PlaybookActionSurrogate surrogate)
        => new(surrogate.Key, surrogate.Customer, surrogate.Kind, surrogate.Stage, surrogate.Source, surrogate.Description, surrogate.DueAt);

    public PlaybookActionSurrogate ConvertToSurrogate(in PlaybookAction value) => new()
    {
        Key = value.Key,
        Customer = value.Customer,
        Kind = value.Kind,
        Stage = value.Stage,
        Source = value.Source,
        Description = value.Description,
        DueAt = value.DueAt,
    };
}

/// <summary>A <see cref="RuleCheck"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
internal struct RuleCheckSurrogate
{
    [Id(0)] public string RuleId;
    [Id(1)] public string To;
    [Id(2)] public Reason[] Reasons;
}

/// <summary>Converts <see cref="RuleCheck"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class RuleCheckConverter : IConverter<RuleCheck, RuleCheckSurrogate>
{
    public RuleCheck ConvertFromSurrogate(in RuleCheckSurrogate surrogate) => new(surrogate.RuleId, surrogate.To, surrogate.Reasons);

    public RuleCheckSurrogate ConvertToSurrogate(in RuleCheck value) => new() { RuleId = value.RuleId, To = value.To, Reasons = [.. value.Reasons] };
}
