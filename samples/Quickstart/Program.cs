using Dials;
using Dials.Samplers;
using Quickstart;

// The generated search space: one line per dimension (kind, bounds, scale, grid, choices, condition).
var space = TrainingConfig.SearchSpace;
Console.WriteLine($"Search space of {nameof(TrainingConfig)} ({space.Dimensions.Count} dimensions):");
for (var i = 0; i < space.Dimensions.Count; i++)
{
    Console.WriteLine($"  {space.Describe(i)}");
}

// Sampling is a draw in the unit cube; the space maps it onto the grids and scales, and conditions switch
// dimensions off (momentum under AdamW, warm-up under a constant schedule).
Console.WriteLine();
Console.WriteLine("Five random configurations (seed 42):");
var random = new Random(42);
for (var i = 0; i < 5; i++)
{
    var unit = space.Dimensions.Select(_ => random.NextDouble()).ToArray();
    var config = space.DecodeUnit(unit);
    Console.WriteLine($"  {config}");
}

// Validation names the property, the value and the rule, so a bad configuration file fails with a clear message.
Console.WriteLine();
var bad = space.Default with { LearningRate = 3, BatchSize = 100, Dropout = 0.12, Schedule = new Schedule { Kind = "step" } };
Console.WriteLine($"Validating {bad}:");
foreach (var error in space.Validate(bad))
{
    Console.WriteLine($"  {error.Message}");
}

// Tuning with the default strategy (AutoSampler: a Gaussian process after a quasi-random start-up, TPE for the
// conditional dimensions) on a toy loss; every trial records which strategy proposed it.
Console.WriteLine();
var study = Study.Create<TrainingConfig>(new StudyOptions { Sampler = new AutoSampler(seed: 1) });
var result = await study.OptimizeAsync(ToyLoss, trials: 16);
var strategies = result.Trials.GroupBy(t => t.Strategy).Select(g => $"{g.Count()} {g.Key}");
Console.WriteLine($"16 trials proposed by {string.Join(", ", strategies)}; best loss below the default's: {result.Best.Value < ToyLoss(space.Default)}");

// A stand-in for a training run: best near learning rate 3e-3, batch 128, 30 epochs, dropout 0.2.
static double ToyLoss(TrainingConfig c) =>
    Math.Pow(Math.Log10(c.LearningRate) + 2.5, 2) + Math.Pow(Math.Log2(c.BatchSize) - 7, 2) / 4
    + Math.Pow((c.Epochs - 30) / 10.0, 2) + Math.Pow((c.Dropout - 0.2) * 5, 2);
