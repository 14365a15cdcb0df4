namespace CustomerLifecycle.Lifecycle.Internal;

/// <summary>A validated, immutable copy of an <see cref="AutomationTriggerOptions"/>.</summary>
internal sealed record CompiledTrigger(string Id, Condition[] When, string ActionKind, string Description);
