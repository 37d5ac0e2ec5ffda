using BenchmarkDotNet.Attributes;
using Dials.Analysis;

namespace Dials.Benchmarks;

/// <summary>
/// The cost of estimating parameter importances on 200 and 1,000 complete trials of a 10-dimensional space: fANOVA
/// (64-tree random forest fitted, then decomposed) against the fast correlation-ratio method as the baseline measured
/// in the same run.
/// </summary>
[MemoryDiagnoser]
public class ImportanceBenchmarks
{
    private StudySnapshot study = null!;

    [Params(200, 1000)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup() => study = new StudySnapshot("importance", Direction.Minimize, TenDimensionalHistory.Space,
        TenDimensionalHistory.Trials(Trials));

    [Benchmark(Baseline = true)]
    public double Fast() => ParameterImportance.Evaluate(study, new ImportanceOptions { Method = ImportanceMethod.Fast }).Dimensions[0].Importance;

    [Benchmark]
    public double Fanova() => ParameterImportance.Evaluate(study, new ImportanceOptions { Method = ImportanceMethod.Fanova }).Dimensions[0].Importance;
}
