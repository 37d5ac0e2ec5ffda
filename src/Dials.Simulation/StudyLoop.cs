using Dials.Samplers;

namespace Dials.Simulation;

/// <summary>Runs one sequential study of a test function or problem through <see cref="Study"/> (ask and tell, in
/// memory), so the simulator measures the tuner exactly as users run it.</summary>
internal static class StudyLoop
{
    /// <summary>Every trial's value in trial order.</summary>
    public static double[] Run(TestFunction function, ISampler sampler, int trials)
    {
        var study = Study.Create(function.Space, new StudyOptions { Sampler = sampler, Direction = Direction.Minimize });
        var values = new double[trials];
        for (var n = 0; n < trials; n++)
        {
            var trial = study.Ask();
            values[n] = function.Evaluate(trial.Config);
            study.Tell(trial, values[n]);
        }

        return values;
    }

    /// <summary>Every trial of a multi-objective study, its constraints set inside the trial as a user's objective
    /// would (named c1, c2, ...).</summary>
    public static IReadOnlyList<TrialRecord> Run(MultiObjectiveProblem problem, ISampler sampler, int trials)
    {
        var study = Create(problem, sampler);
        for (var n = 0; n < trials; n++)
        {
            var trial = study.Ask();
            if (problem.Constraints is { } constraints)
            {
                var values = constraints(trial.Config);
                for (var i = 0; i < values.Length; i++)
                {
                    trial.SetConstraint($"c{i + 1}", values[i]);
                }
            }

            study.Tell(trial, problem.Evaluate(trial.Config));
        }

        return study.Snapshot().Trials;
    }

    /// <summary>The study of <paramref name="problem"/>: as Study.Create, it refuses a sampler that cannot read
    /// several objectives (<see cref="ArgumentException"/>).</summary>
    public static Study<double[]> Create(MultiObjectiveProblem problem, ISampler sampler) =>
        Study.Create(problem.Space, new StudyOptions { Sampler = sampler, Directions = [.. problem.Directions] });
}
