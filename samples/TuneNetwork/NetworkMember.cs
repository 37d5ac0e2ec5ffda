using Dials.Pbt;

namespace TuneNetwork;

/// <summary>
/// The sample's network as a member of population-based training: a step is an epoch; the hyperparameters of each
/// interval are applied before it trains (weights and, for the same optimizer, its state carry over); the score is
/// validation accuracy; a checkpoint is the weights, the optimizer's state and the epoch and step counters.
/// </summary>
/// <param name="splits">The data; training and validation rows only.</param>
/// <param name="seed">Seeds the member's initial weights and its shuffles.</param>
public sealed class NetworkMember(DigitSplits splits, int seed) : IPopulationMember<PbtConfig>
{
    /// <summary>The member's network in training.</summary>
    public NetworkTraining Training { get; } = new(new PbtConfig().ToNetwork(), splits.Train, seed);

    /// <inheritdoc />
    public ValueTask TrainAsync(PbtConfig config, int fromStep, int steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        Training.Reconfigure(config.ToNetwork(), fromStep + steps);
        for (var epoch = 0; epoch < steps; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Training.TrainEpoch();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<double> EvaluateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Training.Network.Evaluate(splits.Validation).Accuracy);

    /// <inheritdoc />
    public ValueTask SaveAsync(Stream checkpoint, CancellationToken cancellationToken)
    {
        using var writer = new BinaryWriter(checkpoint, System.Text.Encoding.UTF8, leaveOpen: true);
        Training.Save(writer);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask LoadAsync(Stream checkpoint, CancellationToken cancellationToken)
    {
        using var reader = new BinaryReader(checkpoint, System.Text.Encoding.UTF8, leaveOpen: true);
        Training.Load(reader);
        return ValueTask.CompletedTask;
    }

    /// <summary>Loads checkpoint <paramref name="name"/> of <paramref name="store"/> into a fresh member.</summary>
    /// <exception cref="InvalidDataException">The store has no such checkpoint.</exception>
    public static async Task<NetworkMember> LoadAsync(DigitSplits splits, ICheckpointStore store, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        var member = new NetworkMember(splits, 0);
        await using var stream = store.OpenRead(name) ?? throw new InvalidDataException($"The checkpoint '{name}' is missing from the store.");
        await member.LoadAsync(stream, CancellationToken.None);
        return member;
    }
}
