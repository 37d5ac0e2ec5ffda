using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dials.Options;

/// <summary>Creates <see cref="TuningOptions"/> from the <c>Tuning</c> section; bad values throw
/// <see cref="OptionsValidationException"/> listing every problem by its full key (so ValidateOnStart fails the host).</summary>
internal sealed class TuningOptionsFactory<T>(IConfiguration section, ObjectiveShape shape) : IOptionsFactory<TuningOptions>
    where T : IHyperparameters<T>
{
    public TuningOptions Create(string name)
    {
        var (options, errors) = TuningConfigurationReader<T>.Read(T.SearchSpace, section, typeof(T).Name, shape);
        return errors.Count > 0 ? throw new OptionsValidationException(name, typeof(TuningOptions), errors) : options;
    }
}
