using System.Diagnostics.CodeAnalysis;
using Dials;
using Dials.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a hosted study of several objectives shaped by configuration.</summary>
/// <remarks>A class of its own because C# cannot overload on constraints alone: <c>services.AddTuning&lt;T, X&gt;(section)</c>
/// reaches this method when X implements <see cref="ITrialObjectives{T}"/> and
/// <see cref="TuningServiceCollectionExtensions"/>'s when it implements <see cref="ITrialObjective{T}"/>.</remarks>
public static class MultiObjectiveTuningServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TuningOptions"/> to <paramref name="section"/> as
    /// <see cref="TuningServiceCollectionExtensions.AddTuning{T, TObjective}(IServiceCollection, IConfiguration)"/> does,
    /// for an objective that returns one value per entry of <c>Tuning:Objectives</c> (which must then be given). Each
    /// finished trial updates the Pareto front, and <c>Tuning:Output</c> is rewritten whenever the point
    /// <c>Tuning:Select</c> picks from it changes. Also validated on start: objective names and directions, a
    /// selection naming known objectives, and a sampler kind that reads several objectives with no pruner.
    /// </summary>
    /// <typeparam name="T">The hyperparameters type; bind it with <c>AddHyperparameters</c> too.</typeparam>
    /// <typeparam name="TObjective">The objective.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The tuning section, e.g. <c>configuration.GetSection("Tuning")</c>.</param>
    /// <returns>The options builder of <see cref="TuningOptions"/>.</returns>
    public static OptionsBuilder<TuningOptions> AddTuning<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObjective>(
        this IServiceCollection services, IConfiguration section)
        where T : class, IHyperparameters<T>
        where TObjective : class, ITrialObjectives<T> =>
        TuningServiceCollectionExtensions.Register<T, TObjective>(services, section, returnsSeveral: true);
}
