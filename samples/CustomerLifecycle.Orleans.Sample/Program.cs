using CustomerLifecycle.Orleans.Sample;

// Usage: dotnet run --project samples/CustomerLifecycle.Orleans.Sample [-- path/to/CDNOW_sample.txt]
// Prints what `customer-lifecycle analyze` prints as "Customers per lifecycle stage" for the same file.
var path = args.Length > 0 ? args[0] : Path.Combine("samples", "cdnow", "CDNOW_sample.txt");
var counts = await CdnowReplay.RunAsync(path);

Console.WriteLine($"Customers per lifecycle stage, {path}, through one Orleans silo:");
foreach (var (stage, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {stage,-12} {count,6:N0}");
}

Console.WriteLine($"  {"total",-12} {counts.Values.Sum(),6:N0}");
