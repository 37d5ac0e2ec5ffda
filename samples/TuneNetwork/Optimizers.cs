using System.Numerics.Tensors;

namespace TuneNetwork;

/// <summary>A first-order optimizer over <see cref="Mlp.Parameters"/>, with its state (velocities, moments) saveable so
/// that a checkpoint resumes training exactly.</summary>
public abstract class Optimizer
{
    /// <summary>Updates <paramref name="parameters"/> from <paramref name="gradients"/> at <paramref name="rate"/>;
    /// weight decay is an L2 penalty added to the weights' gradients (biases are not decayed).</summary>
    public abstract void Step(float[][] parameters, float[][] gradients, double rate, double weightDecay);

    /// <summary>Writes the optimizer's state.</summary>
    public abstract void Save(BinaryWriter writer);

    /// <summary>Reads the state <see cref="Save"/> wrote.</summary>
    public abstract void Load(BinaryReader reader);

    /// <summary>The optimizer <paramref name="config"/> names, with zeroed state for <paramref name="network"/>.</summary>
    public static Optimizer For(NetworkConfig config, Mlp network) => config.Optimizer switch
    {
        "sgd" => new SgdMomentum(network, config.Momentum),
        "adam" => new Adam(network, config.Beta1, config.Beta2),
        _ => throw new ArgumentException($"Unknown optimizer '{config.Optimizer}'.", nameof(config)),
    };

    /// <summary>The gradient plus the L2 term of tensor <paramref name="index"/>, in place.</summary>
    protected static void AddDecay(float[] parameter, float[] gradient, int index, double weightDecay)
    {
        if (Mlp.IsWeight(index) && weightDecay > 0)
        {
            TensorPrimitives.MultiplyAdd(parameter, (float)weightDecay, gradient, gradient);
        }
    }

    /// <summary>Writes tensors as their length then their values.</summary>
    protected static void Write(BinaryWriter writer, float[][] tensors)
    {
        foreach (var tensor in tensors)
        {
            writer.Write(tensor.Length);
            foreach (var value in tensor)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>Reads into <paramref name="tensors"/> what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">A tensor's length differs: the state belongs to another architecture.</exception>
    protected static void Read(BinaryReader reader, float[][] tensors)
    {
        foreach (var tensor in tensors)
        {
            var length = reader.ReadInt32();
            if (length != tensor.Length)
            {
                throw new InvalidDataException($"The optimizer state holds a tensor of {length} values where this network has {tensor.Length}.");
            }

            for (var i = 0; i < length; i++)
            {
                tensor[i] = reader.ReadSingle();
            }
        }
    }
}

/// <summary>Stochastic gradient descent with heavy-ball momentum: v = μv + g, w -= ηv.</summary>
public sealed class SgdMomentum(Mlp network, double momentum) : Optimizer
{
    private readonly float[][] velocity = network.NewLike();

    /// <inheritdoc />
    public override void Step(float[][] parameters, float[][] gradients, double rate, double weightDecay)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            AddDecay(parameters[i], gradients[i], i, weightDecay);
            TensorPrimitives.MultiplyAdd(velocity[i], (float)momentum, gradients[i], velocity[i]);
            TensorPrimitives.MultiplyAdd(velocity[i], (float)-rate, parameters[i], parameters[i]);
        }
    }

    /// <inheritdoc />
    public override void Save(BinaryWriter writer) => Write(writer, velocity);

    /// <inheritdoc />
    public override void Load(BinaryReader reader) => Read(reader, velocity);
}

/// <summary>Adam (Kingma and Ba, 2015): moving averages of the gradient and its square, bias-corrected.</summary>
public sealed class Adam(Mlp network, double beta1, double beta2) : Optimizer
{
    private const double Epsilon = 1e-8;
    private readonly float[][] first = network.NewLike();
    private readonly float[][] second = network.NewLike();
    private long steps;

    /// <inheritdoc />
    public override void Step(float[][] parameters, float[][] gradients, double rate, double weightDecay)
    {
        steps++;
        var correction1 = 1 - Math.Pow(beta1, steps);
        var correction2 = 1 - Math.Pow(beta2, steps);
        for (var i = 0; i < parameters.Length; i++)
        {
            AddDecay(parameters[i], gradients[i], i, weightDecay);
            var (p, g, m, v) = (parameters[i], gradients[i], first[i], second[i]);
            for (var j = 0; j < p.Length; j++)
            {
                m[j] = (float)(beta1 * m[j] + (1 - beta1) * g[j]);
                v[j] = (float)(beta2 * v[j] + (1 - beta2) * g[j] * g[j]);
                p[j] -= (float)(rate * (m[j] / correction1) / (Math.Sqrt(v[j] / correction2) + Epsilon));
            }
        }
    }

    /// <inheritdoc />
    public override void Save(BinaryWriter writer)
    {
        writer.Write(steps);
        Write(writer, first);
        Write(writer, second);
    }

    /// <inheritdoc />
    public override void Load(BinaryReader reader)
    {
        steps = reader.ReadInt64();
        Read(reader, first);
        Read(reader, second);
    }
}
