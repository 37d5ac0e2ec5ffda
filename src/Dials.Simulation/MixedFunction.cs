namespace Dials.Simulation;

/// <summary>
/// A synthetic "training run" over a mixed space, shaped like a real tuning problem: an optimizer choice with a
/// conditional parameter per optimizer, a log-scaled learning rate whose best value depends on the optimizer, an
/// integer depth, a power-of-two width and a stepped dropout. Its minimum, 0, is reached exactly on the grid:
/// Adam, learning rate 1e-3, beta1 0.9, 4 layers, width 256, dropout 0.2.
/// </summary>
public static class MixedFunction
{
    private const int Sgd = 0, Adam = 1, RmsProp = 2;

    // What each optimizer can reach at best, and where its learning rate is best (log10).
    private static readonly double[] OptimizerFloor = [0.3, 0.0, 0.5];
    private static readonly double[] BestLogRate = [-1.5, -3.0, -2.5];

    /// <summary>Creates the function.</summary>
    public static TestFunction Create()
    {
        Dimension[] dimensions =
        [
            Dimension.Categorical("optimizer", ["sgd", "adam", "rmsprop"]),
            Dimension.Float("learning_rate", 1e-5, 1, log: true),
            Dimension.Float("momentum", 0, 0.99, condition: new DimensionCondition("optimizer", [Sgd])),
            Dimension.Float("beta1", 0.5, 0.99, condition: new DimensionCondition("optimizer", [Adam])),
            Dimension.Int("layers", 1, 8),
            Dimension.PowerOfTwo("width", 16, 1024),
            Dimension.Float("dropout", 0, 0.5, step: 0.05),
        ];
        return new TestFunction("mixed", TestFunction.PointSpace(dimensions), Evaluate, 0,
            [Adam, 1e-3, double.NaN, 0.9, 4, 256, 0.2]);
    }

    private static double Evaluate(double[] x)
    {
        var optimizer = (int)x[0];
        var rate = Math.Log10(x[1]) - BestLogRate[optimizer];
        var value = OptimizerFloor[optimizer] + 0.2 * rate * rate;
        value += optimizer switch
        {
            Sgd => 2 * Square(x[2] - 0.9),
            Adam => 4 * Square(x[3] - 0.9),
            _ => 0,
        };
        value += 0.05 * Square(x[4] - 4);
        value += 0.1 * Square(Math.Log2(x[5]) - 8);
        value += 2 * Square(x[6] - 0.2);
        return Math.Max(value, 0);
    }

    private static double Square(double x) => x * x;
}
