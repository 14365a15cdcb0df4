using BenchmarkDotNet.Attributes;
using CustomerLifecycle.Value;
using NodaTime;

namespace CustomerLifecycle.Benchmarks;

/// <summary>
/// The customer-value targets: summaries of 1,000,000 transactions, BG/NBD and Pareto/NBD fits on the CDNOW sample,
/// predictions for 1,000,000 customers, and one customer's prediction.
/// </summary>
[MemoryDiagnoser]
public class ValueBenchmarks
{
    private readonly ValueEngine _engine = new(new ValueOptions());
    private ValueTransaction[] _transactions = [];
    private CustomerSummary[] _cdnow = [];
    private CustomerSummary[] _million = [];
    private ValuePrediction[] _outputs = [];
    private ValueModel _model = null!;
    private Instant _calibrationEnd;

    [GlobalSetup]
    public void Setup()
    {
        // 50,000 customers with 20 transactions each over two years, several on the same day now and then.
        var random = new Random(42);
        var start = Instant.FromUtc(2023, 1, 1, 0, 0);
        _calibrationEnd = start + Duration.FromDays(540);
        _transactions = new ValueTransaction[1_000_000];
        for (var i = 0; i < _transactions.Length; i++)
        {
            var customer = CustomerId.From($"C{i % 50_000:D6}");
            _transactions[i] = new ValueTransaction(customer, start + Duration.FromMinutes(random.Next(0, 730 * 24 * 60)), Math.Round(random.NextDouble() * 200, 2));
        }

        _cdnow = LoadCdnow();
        _million = new CustomerSummary[1_000_000];
        for (var i = 0; i < _million.Length; i++)
        {
            _million[i] = _cdnow[i % _cdnow.Length];
        }

        _outputs = new ValuePrediction[_million.Length];
        _model = ValueModel.FromBgNbd(BgNbdParameters.From(0.243, 4.414, 0.793, 2.426), GammaGammaParameters.From(6.25, 3.74, 15.44));
    }

    [Benchmark(Baseline = true)]
    public ModelFit<BgNbdParameters> FitBgNbd_Cdnow() => BgNbdModel.Fit(_cdnow);

    [Benchmark]
    public ModelFit<ParetoNbdParameters> FitParetoNbd_Cdnow() => ParetoNbdModel.Fit(_cdnow);

    [Benchmark]
    public TransactionSummary Summarize_1M_Transactions() => _engine.Summarize(_transactions, _calibrationEnd);

    [Benchmark]
    public void Predict_1M_Customers() => _engine.Evaluate(_million, _model, _outputs);

    [Benchmark]
    public ValuePrediction Predict_OneCustomer() => _engine.Evaluate(_cdnow[1], _model);

    private static CustomerSummary[] LoadCdnow()
    {
        // The summary file the tests ship; the benchmark runs from the repository.
        var path = Path.Combine(FindRoot(), "tests", "CustomerLifecycle.Tests", "Value", "Data", "cdnow_customers_summary_with_transactions.csv");
        return File.ReadLines(path)
            .Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Trim().Split(','))
            .Select(f => CustomerSummary.Create(
                CustomerId.From(f[0]),
                int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
    }

    private static string FindRoot()
    {
        foreach (var origin in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CustomerLifecycle.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("CustomerLifecycle.sln was not found above the benchmark assembly.");
    }
}
