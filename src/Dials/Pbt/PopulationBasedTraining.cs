using Dials.Samplers;

namespace Dials.Pbt;

/// <summary>
/// Population-based training (Jaderberg et al., 2017): a population of models trained side by side; every
/// <see cref="PbtOptions.Interval"/> steps the worst copy the weights and hyperparameters of the best (exploit) and then
/// perturb or resample those hyperparameters (explore), so the run discovers a schedule of hyperparameters rather than
/// one fixed configuration.
/// </summary>
/// <remarks>
/// Every interval of every member is one trial of the study given (its configuration, its evaluation, and in its
/// reason how the configuration came about), so the tuning log, the report and <c>dials trials</c> show the whole run.
/// Checkpoints and the run's state go to <see cref="PbtOptions.Checkpoints"/> after each round: a killed run, started
/// again with the same store and study, resumes after the last finished round. The first configurations come from the
/// study's sampler (or are given); later ones are queued in the study, so the study's sampler proposes nothing else.
/// </remarks>
public static class PopulationBasedTraining
{
    /// <summary>Runs population-based training, or resumes or returns the run kept in <see cref="PbtOptions.Checkpoints"/>.</summary>
    /// <typeparam name="T">The hyperparameter type.</typeparam>
    /// <param name="study">The study that records every interval as a trial and proposes the first configurations.</param>
    /// <param name="createMember">Creates member <c>i</c> with fresh weights.</param>
    /// <param name="options">Population, interval, steps and the exploit and explore rules.</param>
    /// <param name="initial">The first configurations, one per member; null to let the study's sampler propose them.</param>
    /// <param name="cancellationToken">Stops the run (what finished so far stays recorded and checkpointed).</param>
    /// <returns>Every member at the end, the winner and its schedule, and what each round changed.</returns>
    /// <exception cref="ArgumentException">The options are refused (the message names the option), a study of several
    /// objectives is given, or <paramref name="initial"/> does not hold one configuration per member.</exception>
    /// <exception cref="InvalidDataException">The store holds a run state or checkpoint that cannot be read, or a run
    /// of another study or population; the message names it.</exception>
    public static async Task<PbtResult<T>> RunAsync<T>(Study<T> study, Func<int, IPopulationMember<T>> createMember, PbtOptions options,
        IReadOnlyList<T>? initial = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(createMember);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (study.IsMultiObjective)
        {
            throw new ArgumentException($"Study '{study.Name}' has {study.Directions.Count} objectives: population-based training ranks members by one score.", nameof(study));
        }

        if (initial is not null && initial.Count != options.PopulationSize)
        {
            throw new ArgumentException($"{initial.Count} initial configurations were given for a population of {options.PopulationSize}.", nameof(initial));
        }

        // By default the checkpoints go where the study's trials go, so a journal or database study resumes with them.
        var store = options.Checkpoints
            ?? (study.Storage is Storage.ICheckpointStorage own ? new StudyCheckpointStore(own, study.Name) : new MemoryCheckpointStore());
        var run = new PbtRun<T>(study, options, store, createMember);
        return await run.RunAsync(initial, cancellationToken).ConfigureAwait(false);
    }
}
