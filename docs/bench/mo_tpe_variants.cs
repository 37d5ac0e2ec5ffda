// Two measurements behind multi-objective TPE's defaults (docs/benchmarks.md, "Multi-objective TPE's defaults"), median
// hypervolume over seeds FIRST .. FIRST + SEEDS - 1 as a fraction of the optimum, at 25, 50 and 100 trials, sequential
// studies, every other setting the sampler's default:
// - joint: dimensions modelled jointly (multivariate) or one at a time, on problems of 2 to 8 variables whose Pareto
//   sets lie along the box's axes (ZDT1, DTLZ2) or along its diagonal (Fonseca and Fleming), and on Binh and Korn
//   (2 variables, diagonal, constrained): TpeSampler.MultiObjectiveJointDimensions.
// - candidates: 24, 32, 48, 64 and 96 candidates per proposal on the standard problems:
//   TpeSampler.DefaultCandidatesMultiObjective.
// Usage: dotnet run -c Release docs/bench/mo_tpe_variants.cs -- joint|candidates SEEDS FIRST
#:project ../../src/Dials.Simulation/Dials.Simulation.csproj
using System.Globalization;
using Dials;
using Dials.Samplers;
using Dials.Simulation;

var inv = CultureInfo.InvariantCulture;
var mode = args.Length > 0 ? args[0] : "joint";
var seeds = args.Length > 1 ? int.Parse(args[1], inv) : 80;
var first = args.Length > 2 ? int.Parse(args[2], inv) : 100;
int[] checkpoints = [25, 50, 100];
Console.WriteLine($"Median hypervolume / optimum over seeds {first}..{first + seeds - 1}, at {string.Join(" / ", checkpoints)} trials");
Console.WriteLine();
if (mode == "joint")
{
    string[] names =
    [
        .. new[] { 2, 3, 4, 5, 6, 8 }.Select(v => $"zdt1:{v}"),
        .. new[] { 3, 4, 5, 6, 8 }.Select(v => $"dtlz2:{v}"),
        .. new[] { 2, 3, 4, 6, 8 }.Select(v => $"fonseca:{v}"),
        "binh-korn",
    ];
    Console.WriteLine("| problem | variables | jointly | one at a time | jointly minus one at a time |");
    Console.WriteLine("|---|---:|---|---|---|");
    foreach (var name in names)
    {
        var problem = MultiObjectiveProblems.Get(name);
        var joint = Medians(problem, seed => new TpeSampler(seed, multivariate: true));
        var apart = Medians(problem, seed => new TpeSampler(seed, multivariate: false));
        Console.WriteLine($"| {name} | {problem.Space.Dimensions.Count} | {Format(joint)} | {Format(apart)} | " +
                          string.Join(" / ", joint.Zip(apart, (j, a) => Math.Round(j - a, 3).ToString("+0.000;-0.000;0.000", inv))) + " |");
    }
}
else
{
    int[] counts = [24, 32, 48, 64, 96];
    Console.WriteLine("| problem | " + string.Join(" | ", counts.Select(c => $"{c} candidates")) + " |");
    Console.WriteLine("|---|" + string.Concat(counts.Select(_ => "---|")));
    foreach (var problem in MultiObjectiveProblems.All)
    {
        Console.WriteLine($"| {problem.Name} | " + string.Join(" | ", counts.Select(c => Format(Medians(problem, seed => new TpeSampler(seed, candidates: c))))) + " |");
    }
}

double[] Medians(MultiObjectiveProblem problem, Func<int, ISampler> sampler)
{
    var curves = Enumerable.Range(first, seeds).Select(seed => Curve(problem, sampler(seed))).ToArray();
    return [.. checkpoints.Select(c => Median([.. curves.Select(curve => curve[c - 1])]) / problem.OptimalHypervolume)];
}

double[] Curve(MultiObjectiveProblem problem, ISampler sampler)
{
    var study = Study.Create(problem.Space, new StudyOptions { Directions = [.. problem.Directions], Sampler = sampler });
    for (var n = 0; n < checkpoints[^1]; n++)
    {
        var trial = study.Ask();
        var constraints = problem.Constraints?.Invoke(trial.Config) ?? [];
        for (var i = 0; i < constraints.Length; i++)
        {
            trial.SetConstraint($"c{i}", constraints[i]);
        }

        study.Tell(trial, problem.Evaluate(trial.Config));
    }

    return HypervolumeCurve.Of(study.Storage.ReadTrials(study.Name), problem.Reference, problem.Directions);
}

static double Median(double[] values)
{
    Array.Sort(values);
    return (values[values.Length / 2] + values[(values.Length - 1) / 2]) / 2;
}

string Format(double[] values) => string.Join(" / ", values.Select(v => v.ToString("0.000", inv)));
