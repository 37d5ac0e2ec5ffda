using Annotated;
using Dials;

// The records in this project are wrong on purpose: build it and read the warnings (see README.md).
// They are still valid declarations, so the generator gives each one a search space.
Describe<Classifier>();
Describe<Optimizer>();
Describe<OnlineLearner>();
Describe<Transformer>();

static void Describe<T>() where T : IHyperparameters<T>
{
    var space = T.SearchSpace;
    Console.WriteLine($"{typeof(T).Name}: {space.Dimensions.Count} tuned, default {space.Default}");
}
