using System.Diagnostics.CodeAnalysis;
using Dials;
using Dials.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

// Microsoft.Extensions convention: registration extensions live where IServiceCollection does.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers hyperparameter records as options bound from configuration.</summary>
public static class HyperparametersServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> as <see cref="IOptions{TOptions}"/>,
    /// <see cref="IOptionsSnapshot{TOptions}"/> and <see cref="IOptionsMonitor{TOptions}"/>, validated against its
    /// search space when the host starts: a value out of range, off its step, not a choice, of the wrong type, or a key
    /// that is not a dimension fails the start with a message naming the full key (<c>Training:LearningRate</c>).
    /// </summary>
    /// <remarks>
    /// Binding goes through the generated search space, so it is trimming and NativeAOT safe. Only tuned properties are
    /// read; others keep their initializers. Missing keys take the property's default. The monitor reloads when the
    /// section changes.
    /// </remarks>
    /// <typeparam name="T">A <c>[Hyperparameters]</c> record or class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the hyperparameters, e.g. <c>configuration.GetSection("Training")</c>.</param>
    /// <returns>The options builder, for further validation.</returns>
    public static OptionsBuilder<T> AddHyperparameters<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(this IServiceCollection services, IConfiguration section)
        where T : class, IHyperparameters<T>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions();
        services.AddSingleton(new HyperparametersSection<T>(section is IConfigurationSection s ? s.Path : typeof(T).Name));
        services.AddSingleton<IOptionsFactory<T>>(provider =>
            new HyperparametersOptionsFactory<T>(section, provider.GetServices<IValidateOptions<T>>()));
        services.AddSingleton<IOptionsChangeTokenSource<T>>(new ConfigurationChangeTokenSource<T>(Microsoft.Extensions.Options.Options.DefaultName, section));
        return services.AddOptions<T>().ValidateOnStart();
    }
}
