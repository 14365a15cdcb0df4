using NodaTime;

namespace CustomerLifecycle.Cli.Input;

/// <summary>One transaction read from a file: who, on which day, how much, and the line it came from.</summary>
internal readonly record struct TransactionRow(string Customer, LocalDate Date, double Amount, int Line);
