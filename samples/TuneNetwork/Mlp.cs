using System.Numerics.Tensors;

namespace TuneNetwork;

/// <summary>
/// A multilayer perceptron written out plainly for the sample (not a library: use TorchSharp or ML.NET for real work):
/// fully connected layers with ReLU between them, inverted dropout on the hidden units, and a softmax cross-entropy
/// loss whose gradient is back-propagated by hand. The vector work (dot products, scaled additions, softmax) is
/// <see cref="TensorPrimitives"/>'s.
/// </summary>
/// <remarks>
/// Parameters are kept as one array per tensor, in the order weights of layer 0, biases of layer 0, weights of layer 1,
/// ...; a weight matrix is stored row-major with one row per output unit. Optimizers and checkpoints see only that list.
/// </remarks>
public sealed class Mlp
{
    private readonly int[] sizes;

    /// <summary>A network with <paramref name="depth"/> hidden layers of <paramref name="width"/> units, initialised
    /// for ReLU (He et al., 2015: weights normal with variance 2 / inputs, biases zero) from <paramref name="seed"/>.</summary>
    public Mlp(int inputs, int width, int depth, int classes, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        sizes = [inputs, .. Enumerable.Repeat(width, depth), classes];
        Parameters = new float[2 * Layers][];
        var random = new Random(seed);
        for (var layer = 0; layer < Layers; layer++)
        {
            var weights = new float[sizes[layer + 1] * sizes[layer]];
            var scale = Math.Sqrt(2.0 / sizes[layer]);
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)(scale * Normal(random));
            }

            Parameters[2 * layer] = weights;
            Parameters[2 * layer + 1] = new float[sizes[layer + 1]];
        }
    }

    /// <summary>Units per layer, inputs first, classes last.</summary>
    public IReadOnlyList<int> Sizes => sizes;

    /// <summary>Weight layers (hidden layers plus the output layer).</summary>
    public int Layers => sizes.Length - 1;

    /// <summary>Every parameter tensor: weights then biases, layer by layer.</summary>
    public float[][] Parameters { get; }

    /// <summary>Whether parameter tensor <paramref name="index"/> is a weight matrix (weight decay applies) rather
    /// than a bias vector.</summary>
    public static bool IsWeight(int index) => index % 2 == 0;

    /// <summary>Zeroed arrays shaped like <see cref="Parameters"/>, for gradients and optimizer state.</summary>
    public float[][] NewLike() => [.. Parameters.Select(p => new float[p.Length])];

    /// <summary>
    /// The mean softmax cross-entropy of the rows <paramref name="batch"/> and, in <paramref name="gradients"/> (shaped
    /// like <see cref="Parameters"/>, overwritten), its gradient with respect to every parameter.
    /// </summary>
    /// <param name="data">The rows.</param>
    /// <param name="batch">Indices of the rows in this mini-batch.</param>
    /// <param name="dropout">The probability of dropping a hidden unit; 0 for none.</param>
    /// <param name="random">Draws the dropout masks (unused without dropout).</param>
    /// <param name="gradients">Receives the gradient of the mean loss.</param>
    public double LossAndGradient(LabelledSet data, ReadOnlySpan<int> batch, double dropout, Random random, float[][] gradients)
    {
        foreach (var g in gradients)
        {
            Array.Clear(g);
        }

        var activations = sizes.Select(s => new float[s]).ToArray();
        var deltas = sizes.Select(s => new float[s]).ToArray();
        var keep = 1 - dropout;
        var total = 0.0;
        var share = 1f / batch.Length;
        foreach (var row in batch)
        {
            Forward(data.Features[row], activations, (float)dropout, random);

            // d(loss)/d(logits) of softmax cross-entropy is p - onehot; each row carries 1/n of the mean.
            var output = activations[^1];
            var delta = deltas[^1];
            TensorPrimitives.Multiply(output, share, delta);
            delta[data.Labels[row]] -= share;
            total -= Math.Log(Math.Max(output[data.Labels[row]], float.Epsilon));
            for (var layer = Layers - 1; layer >= 0; layer--)
            {
                var input = activations[layer];
                var weights = Parameters[2 * layer];
                var weightGradient = gradients[2 * layer];
                TensorPrimitives.Add(gradients[2 * layer + 1], deltas[layer + 1], gradients[2 * layer + 1]);
                var back = deltas[layer];
                Array.Clear(back);
                for (var unit = 0; unit < sizes[layer + 1]; unit++)
                {
                    var d = deltas[layer + 1][unit];
                    if (d == 0)
                    {
                        continue;
                    }

                    var gradientRow = weightGradient.AsSpan(unit * sizes[layer], sizes[layer]);
                    TensorPrimitives.MultiplyAdd(input, d, gradientRow, gradientRow);
                    if (layer > 0)
                    {
                        TensorPrimitives.MultiplyAdd(weights.AsSpan(unit * sizes[layer], sizes[layer]), d, back, back);
                    }
                }

                if (layer > 0)
                {
                    // A hidden activation is relu(z) * mask / keep: it passes gradient (times 1 / keep) exactly where
                    // it is positive, and nothing where z <= 0 or the unit was dropped.
                    var scale = dropout > 0 ? (float)(1 / keep) : 1f;
                    for (var i = 0; i < back.Length; i++)
                    {
                        back[i] = input[i] > 0 ? back[i] * scale : 0;
                    }
                }
            }
        }

        return total / batch.Length;
    }

    /// <summary>Class probabilities of one row, without dropout.</summary>
    public float[] Predict(float[] features)
    {
        var activations = sizes.Select(s => new float[s]).ToArray();
        Forward(features, activations, 0, null);
        return activations[^1];
    }

    /// <summary>Accuracy and mean cross-entropy on <paramref name="data"/>, without dropout.</summary>
    public (double Accuracy, double Loss) Evaluate(LabelledSet data)
    {
        var activations = sizes.Select(s => new float[s]).ToArray();
        var correct = 0;
        var loss = 0.0;
        for (var row = 0; row < data.Count; row++)
        {
            Forward(data.Features[row], activations, 0, null);
            var output = activations[^1];
            correct += TensorPrimitives.IndexOfMax(output) == data.Labels[row] ? 1 : 0;
            loss -= Math.Log(Math.Max(output[data.Labels[row]], float.Epsilon));
        }

        return ((double)correct / data.Count, loss / data.Count);
    }

    /// <summary>Fills <paramref name="activations"/> (one array per layer; the last receives the softmax); hidden units are dropped with probability <paramref name="dropout"/> and the survivors scaled up to keep the
    /// expected activation (inverted dropout, so prediction needs no rescaling).</summary>
    private void Forward(float[] features, float[][] activations, float dropout, Random? random)
    {
        features.CopyTo(activations[0], 0);
        for (var layer = 0; layer < Layers; layer++)
        {
            var input = activations[layer];
            var output = activations[layer + 1];
            var weights = Parameters[2 * layer];
            var biases = Parameters[2 * layer + 1];
            for (var unit = 0; unit < output.Length; unit++)
            {
                output[unit] = TensorPrimitives.Dot(weights.AsSpan(unit * input.Length, input.Length), input) + biases[unit];
            }

            if (layer < Layers - 1)
            {
                TensorPrimitives.Max(output, 0f, output);
                if (dropout > 0)
                {
                    var scale = 1 / (1 - dropout);
                    for (var i = 0; i < output.Length; i++)
                    {
                        output[i] = random!.NextSingle() < dropout ? 0 : output[i] * scale;
                    }
                }
            }
        }

        // Shifted by the largest logit first, so large logits of a healthy network do not overflow exp; a diverged
        // network's infinite or NaN logits still come out as NaN, which the trainer reports.
        var logits = activations[^1];
        TensorPrimitives.Subtract(logits, TensorPrimitives.Max(logits), logits);
        TensorPrimitives.SoftMax(logits, logits);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
