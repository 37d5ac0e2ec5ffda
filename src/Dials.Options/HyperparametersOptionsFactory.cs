using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dials.Options;

/// <summary>
/// Creates the options instance of a hyperparameters type from its configuration section through the generated search
/// space (records with init-only properties, no reflection), then runs any other registered validators. Bad values
/// throw <see cref="OptionsValidationException"/> listing every problem by its full key.
/// </summary>
/// <typeparam name="T">The hyperparameters type.</typeparam>
internal sealed class HyperparametersOptionsFactory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IConfiguration section, IEnumerable<IValidateOptions<T>> validators)
    : IOptionsFactory<T>
    where T : class, IHyperparameters<T>
{
    public T Create(string name)
    {
        var (point, errors) = ConfigurationReader.Read(T.SearchSpace, section, typeof(T).Name);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(name, typeof(T), errors);
        }

        var options = T.SearchSpace.Decode(point);
        var failures = validators
            .Select(v => v.Validate(name, options))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? [])
            .ToList();
        return failures.Count > 0 ? throw new OptionsValidationException(name, typeof(T), failures) : options;
    }
}
