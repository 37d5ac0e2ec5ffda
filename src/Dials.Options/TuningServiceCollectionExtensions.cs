using System.Diagnostics.CodeAnalysis;
using Dials;
using Dials.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a hosted study shaped by configuration.</summary>
public static class TuningServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TuningOptions"/> to <paramref name="section"/> (validated on start: unknown kinds, bad numbers,
    /// bad storage specs and search-space overrides that do not fit <typeparamref name="T"/> fail the start naming the
    /// full key) and adds a hosted service that runs the study when <c>Tuning:Enabled</c> is true, evaluating
    /// <typeparamref name="TObjective"/> resolved from dependency injection (registered transient unless already
    /// registered). One tuned type per application.
    /// </summary>
    /// <typeparam name="T">The hyperparameters type; bind it with <c>AddHyperparameters</c> too, so the tuned layer
    /// is written in its section's shape.</typeparam>
    /// <typeparam name="TObjective">The objective.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The tuning section, e.g. <c>configuration.GetSection("Tuning")</c>.</param>
    /// <returns>The options builder of <see cref="TuningOptions"/>.</returns>
    public static OptionsBuilder<TuningOptions> AddTuning<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObjective>(
        this IServiceCollection services, IConfiguration section)
        where T : class, IHyperparameters<T>
        where TObjective : class, ITrialObjective<T>
    {
        return Register<T, TObjective>(services, section, returnsSeveral: false);
    }

    /// <summary>Registers the hosted study for either kind of objective; <paramref name="returnsSeveral"/> says which,
    /// so that a <c>Tuning:Objectives</c> that does not fit the objective fails the start.</summary>
    internal static OptionsBuilder<TuningOptions> Register<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObjective>(
        IServiceCollection services, IConfiguration section, bool returnsSeveral)
        where T : class, IHyperparameters<T>
        where TObjective : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions();
        services.AddSingleton<IOptionsFactory<TuningOptions>>(new TuningOptionsFactory<T>(section, new ObjectiveShape(typeof(TObjective).Name, returnsSeveral)));
        services.AddSingleton<IOptionsChangeTokenSource<TuningOptions>>(new ConfigurationChangeTokenSource<TuningOptions>(Options.Options.DefaultName, section));
        services.TryAddTransient<TObjective>();
        services.TryAddSingleton<TuningCompletion>();
        services.AddHostedService<TuningService<T, TObjective>>();
        return services.AddOptions<TuningOptions>().ValidateOnStart();
    }
}
