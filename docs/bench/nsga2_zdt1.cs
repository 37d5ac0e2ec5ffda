// NSGA-II (Dials) against random search on ZDT1 (30 variables), hypervolume at the reference (11, 11)
// (MultiObjectiveProblem.Reference) after 200 and 300 trials, seeds 0 to SEEDS - 1, each proposal recorded as a complete
// trial before the next is asked (a sequential study). The Optuna side is optuna_nsga2_zdt1.py.
// Usage: dotnet run docs/bench/nsga2_zdt1.cs -- SEEDS
#:project ../../src/Dials.Simulation/Dials.Simulation.csproj
using Dials;
using Dials.MultiObjective;
using Dials.Samplers;
using Dials.Simulation;

var seeds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var problem = MultiObjectiveProblems.Zdt1();
foreach (var (name, make) in new (string, Func<int, IProposingSampler>)[] { ("nsga2", s => new NsgaIISampler(s)), ("random", s => new RandomSampler(s)) })
{
    var at200 = new List<double>();
    var at300 = new List<double>();
    for (var seed = 0; seed < seeds; seed++)
    {
        var sampler = make(seed);
        var trials = new List<TrialRecord>();
        for (var n = 0; n < 300; n++)
        {
            var proposal = sampler.Propose(new SamplingContext(problem.Space, Direction.Minimize, trials, n) { Directions = problem.Directions });
            trials.Add(new TrialRecord(n, TrialState.Complete, proposal.Point, null, [], DateTimeOffset.UnixEpoch, TimeSpan.Zero,
                Values: problem.Evaluate(proposal.Point)));
        }

        at200.Add(Hypervolume.Compute([.. trials.Take(200).Select(t => t.ObjectiveValues)], [.. problem.Reference], problem.Directions));
        at300.Add(Hypervolume.Compute([.. trials.Select(t => t.ObjectiveValues)], [.. problem.Reference], problem.Directions));
    }

    static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2) / 2 + v.Order().ElementAt((v.Count - 1) / 2) / 2;
    Console.WriteLine($"{name} hv@200 {string.Join(" ", at200.Select(v => v.ToString("F3")))} median {Median(at200):F3}; " +
                      $"hv@300 {string.Join(" ", at300.Select(v => v.ToString("F3")))} median {Median(at300):F3}");
}
