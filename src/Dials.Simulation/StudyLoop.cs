using Dials.Samplers;

namespace Dials.Simulation;

/// <summary>Runs one sequential study of a test function through <see cref="Study"/> (ask and tell, in memory) and
/// returns every trial's value in trial order, so the simulator measures the tuner exactly as users run it.</summary>
internal static class StudyLoop
{
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
}
