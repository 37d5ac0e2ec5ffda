using Dials.Pruners;
using Dials.Samplers;
using Dials.Storage;

namespace Dials;

/// <summary>Creates studies: searches of a hyperparameter type's space for the configuration that optimizes an objective.</summary>
public static class Study
{
    /// <summary>Creates (or, when a study of the name exists in the storage, loads) a study of the generated search
    /// space of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A hyperparameter type (one marked <see cref="HyperparametersAttribute"/>).</typeparam>
    /// <param name="options">Name, direction, sampler, pruner and storage; null for the defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid (<see cref="StudyOptions.Direction"/> and
    /// <see cref="StudyOptions.Directions"/> disagree; a multi-objective study is given a sampler that does not
    /// read several objectives (<see cref="Samplers.IMultiObjectiveSampler"/>), or a pruner), or the stored study of that name has other directions, other objective names or another search space.</exception>
    public static Study<T> Create<T>(StudyOptions? options = null) where T : IHyperparameters<T> =>
        Create(T.SearchSpace, options);

    /// <summary>Creates (or loads) a study of an explicitly given search space, for example one built by hand.</summary>
    /// <typeparam name="T">The configuration type the space decodes to.</typeparam>
    /// <param name="space">The search space.</param>
    /// <param name="options">Name, direction, sampler, pruner and storage; null for the defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid (<see cref="StudyOptions.Direction"/> and
    /// <see cref="StudyOptions.Directions"/> disagree; a multi-objective study is given a sampler that does not
    /// read several objectives (<see cref="Samplers.IMultiObjectiveSampler"/>), or a pruner), or the stored study of that name has other directions, other objective names or another search space.</exception>
    public static Study<T> Create<T>(SearchSpace<T> space, StudyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        options ??= new StudyOptions();
        if (options.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("StudyOptions.Name must not be empty or blank; leave it null for a generated name.", nameof(options));
        }

        if (!Enum.IsDefined(options.Direction))
        {
            throw new ArgumentException($"StudyOptions.Direction {(int)options.Direction} is not Minimize or Maximize.", nameof(options));
        }

        var directions = Objectives.Directions(options);
        var names = Objectives.Names(options, directions);
        if (directions.Count > 1 && Objectives.Problem(options) is { } refused)
        {
            throw new ArgumentException(refused, nameof(options));
        }

        // Everything is checked before the storage is touched: refused options must not leave a study record behind.
        if (Liveness.Problem(options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var storage = options.Storage ?? new InMemoryStorage();
        var wanted = new Storage.StoredStudy(options.Name ?? $"study-{Guid.NewGuid():N}", directions[0], space.Signature)
        {
            Directions = directions,
            ObjectiveNames = names,
        };
        var stored = storage.CreateStudy(wanted, options.LoadIfExists);
        StoredStudyCheck.ThrowIfDifferent(stored, wanted);
        // AutoSampler hands a multi-objective study to multi-objective TPE.
        var sampler = options.Sampler ?? new AutoSampler();
        return new Study<T>(wanted.Name, space, directions, sampler,
            options.Pruner ?? new NopPruner(), storage, options.TimeProvider ?? TimeProvider.System, Liveness.From(options, storage))
        {
            StopWhen = options.StopWhen,
            // The stored names apply; names given for a study stored without any (by an earlier version, or created
            // unnamed) label this object's results, though the storage keeps none.
            ObjectiveNames = stored.ObjectiveNames ?? names,
        };
    }
}
