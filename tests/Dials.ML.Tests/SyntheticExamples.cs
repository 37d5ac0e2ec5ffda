using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dials.ML.Tests;

/// <summary>Small learnable rows for trainer tests: three features, and a label for each task (a number, a bool and
/// one of three classes) that the features decide.</summary>
internal static class SyntheticExamples
{
    public sealed class Example
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public float Target { get; set; }

        public bool Positive { get; set; }

        public uint Class { get; set; }
    }

    public static IDataView Load(MLContext ml, int rows) => ml.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(i =>
    {
        var x = new[] { (float)Math.Sin(i), (float)Math.Cos(i * 0.7), i % 7 / 7f };
        return new Example
        {
            Features = x,
            Target = 2 * x[0] - x[1],
            Positive = x[0] + x[2] > 0.4,
            Class = x[0] < -0.3 ? 0u : x[0] < 0.3 ? 1u : 2u,
        };
    }));
}
