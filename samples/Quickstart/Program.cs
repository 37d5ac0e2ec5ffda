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
