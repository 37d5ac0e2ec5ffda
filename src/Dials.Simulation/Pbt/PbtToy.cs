using Dials.Pbt;

namespace Dials.Simulation.Pbt;

/// <summary>
/// The toy example of the population-based training paper (Jaderberg et al., 2017, Figure 2): θ in R², the true
/// objective Q(θ) = 1.2 − (θ0² + θ1²), which a member cannot climb directly, only the surrogate
/// Q̂(θ|h) = 1.2 − (h0·θ0² + h1·θ1²), whose weights h are the hyperparameters. Two members start at θ = (0.9, 0.9) with
/// h = (1, 0) and (0, 1), so with a fixed h only one coordinate ever shrinks and Q stays below 0.39.
/// </summary>
public static class PbtToy
{
    /// <summary>The gradient-ascent rate on the surrogate.</summary>
    public const double Rate = 0.05;

    /// <summary>Steps between exploit-and-explore rounds, as in the paper's figure.</summary>
    public const int Interval = 4;

    /// <summary>The largest value of Q.</summary>
    public const double Optimum = 1.2;

    /// <summary>The hyperparameters h = (h0, h1), each in [0, 1].</summary>
    public static SearchSpace<double[]> Space { get; } = TestFunction.PointSpace([Dimension.Float("H0", 0, 1), Dimension.Float("H1", 0, 1)]);

    /// <summary>The paper's starting population: h = (1, 0) and (0, 1).</summary>
    public static IReadOnlyList<double[]> Start { get; } = [[1, 0], [0, 1]];

    /// <summary>The strategies the paper compares: both halves of a round, each alone, and neither (grid search of
    /// the two starting h).</summary>
    public static IReadOnlyList<(string Name, bool Exploit, bool Explore)> Strategies { get; } =
        [("PBT", true, true), ("explore only", false, true), ("exploit only", true, false), ("grid search", false, false)];

    /// <summary>Runs one strategy with one seed for <paramref name="steps"/> steps per member; returns the best Q in
    /// the population after each round (index r: after (r + 1) × <see cref="Interval"/> steps).</summary>
    public static async Task<double[]> RunAsync(bool exploit, bool explore, long seed, int steps)
    {
        var study = Study.Create(Space, new StudyOptions { Direction = Direction.Maximize });
        await PopulationBasedTraining.RunAsync(study, _ => new Member(),
            new PbtOptions { PopulationSize = 2, Interval = Interval, Steps = steps, Exploit = exploit, Explore = explore, Seed = seed }, Start);

        // Every member's interval is a trial, in round order: the best Q after a round is the best of its trials.
        var trials = study.GetResult().Trials;
        return [.. trials.Chunk(2).Select(round => round.Max(t => t.Value ?? double.NegativeInfinity))];
    }

    /// <summary>A member: θ, trained by gradient ascent on the surrogate under h, evaluated on the true Q.</summary>
    public sealed class Member : IPopulationMember<double[]>
    {
        private readonly double[] theta = [0.9, 0.9];

        /// <summary>The true objective at the current θ.</summary>
        public double Q => Optimum - ((theta[0] * theta[0]) + (theta[1] * theta[1]));

        /// <inheritdoc />
        public ValueTask TrainAsync(double[] config, int fromStep, int steps, CancellationToken cancellationToken)
        {
            for (var step = 0; step < steps; step++)
            {
                // dQ̂/dθi = −2·hi·θi: ascend it.
                theta[0] -= Rate * 2 * config[0] * theta[0];
                theta[1] -= Rate * 2 * config[1] * theta[1];
            }

            return ValueTask.CompletedTask;
        }

        /// <inheritdoc />
        public ValueTask<double> EvaluateAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Q);

        /// <inheritdoc />
        public ValueTask SaveAsync(Stream checkpoint, CancellationToken cancellationToken)
        {
            using var writer = new BinaryWriter(checkpoint, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(theta[0]);
            writer.Write(theta[1]);
            return ValueTask.CompletedTask;
        }

        /// <inheritdoc />
        public ValueTask LoadAsync(Stream checkpoint, CancellationToken cancellationToken)
        {
            using var reader = new BinaryReader(checkpoint, System.Text.Encoding.UTF8, leaveOpen: true);
            (theta[0], theta[1]) = (reader.ReadDouble(), reader.ReadDouble());
            return ValueTask.CompletedTask;
        }
    }
}
