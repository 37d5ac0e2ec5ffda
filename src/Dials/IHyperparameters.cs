namespace Dials;

/// <summary>
/// Implemented by the source generator for every <see cref="HyperparametersAttribute"/> type, so generic code
/// (the tuner, the options binding) can reach the type's search space without reflection.
/// </summary>
/// <typeparam name="TSelf">The hyperparameter type itself.</typeparam>
public interface IHyperparameters<TSelf> where TSelf : IHyperparameters<TSelf>
{
    /// <summary>The type's search space: its dimensions, default, encode/decode and validation.</summary>
    static abstract SearchSpace<TSelf> SearchSpace { get; }
}
