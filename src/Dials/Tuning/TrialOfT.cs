namespace Dials;

/// <summary>A trial of a study of <typeparamref name="T"/>, with the configuration it evaluates.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
public sealed class Trial<T> : Trial
{
    internal Trial(ITrialHost host, int number, double[] point, IReadOnlyDictionary<string, object> parameters,
        DateTimeOffset start, T config, string strategy, string? strategyReason)
        : base(host, number, point, parameters, start, strategy, strategyReason)
    {
        Config = config;
    }

    /// <summary>The configuration to evaluate: the trial's point decoded, inactive properties at their defaults.</summary>
    public T Config { get; }
}
