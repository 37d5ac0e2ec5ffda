namespace Dials.Pbt;

/// <summary>How a population-based training run (Jaderberg et al., 2017) trains, compares and evolves its members.</summary>
public sealed record PbtOptions
{
    /// <summary>The default share of the population replaced at each exploit: the paper's truncation selection
    /// (the bottom 20 % copy the top 20 %).</summary>
    public const double DefaultTruncation = 0.2;

    /// <summary>The default probability that explore resamples a hyperparameter from its range instead of perturbing it.</summary>
    public const double DefaultResampleProbability = 0.25;

    /// <summary>How many members train side by side (at least 2: exploit needs someone to copy).</summary>
    public int PopulationSize { get; init; } = 8;

    /// <summary>Steps each member trains between two exploit-and-explore rounds (at least 1).</summary>
    public required int Interval { get; init; }

    /// <summary>Steps each member trains in all (at least <see cref="Interval"/>); the last round may be shorter.</summary>
    public required int Steps { get; init; }

    /// <summary>The share of members replaced at each round: the worst ⌈share × population⌉ copy one of the best as many,
    /// in (0, 0.5].</summary>
    public double Truncation { get; init; } = DefaultTruncation;

    /// <summary>The factors explore multiplies a number by (one drawn per hyperparameter): 0.8 and 1.2 as in the paper.
    /// A whole number moves at least one step in the factor's direction; a choice is never perturbed, only resampled.</summary>
    public IReadOnlyList<double> PerturbFactors { get; init; } = [0.8, 1.2];

    /// <summary>The probability that explore draws a hyperparameter afresh from its range instead of perturbing it.</summary>
    public double ResampleProbability { get; init; } = DefaultResampleProbability;

    /// <summary>Whether the worst members copy the weights and hyperparameters of better ones. Turning it off (or
    /// <see cref="Explore"/>) is for ablations: both off is a plain parallel search of the first configurations.</summary>
    public bool Exploit { get; init; } = true;

    /// <summary>Whether replaced members (or, without <see cref="Exploit"/>, the worst members themselves) perturb or
    /// resample their hyperparameters.</summary>
    public bool Explore { get; init; } = true;

    /// <summary>Members trained at the same time (at least 1).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Seeds the choices of exploit and explore; null for a fresh seed.</summary>
    public long? Seed { get; init; }

    /// <summary>Where checkpoints and the run's state are kept; a run given a store that holds an unfinished run of the
    /// same study resumes it from its last finished round. Null keeps them in the study's own storage
    /// (<see cref="StudyCheckpointStore"/>: beside a journal, in a database's <c>dials_checkpoints</c> table, or in
    /// memory for an in-memory study).</summary>
    public ICheckpointStore? Checkpoints { get; init; }

    /// <summary>Why these options cannot run, naming the option; null when they can.</summary>
    internal string? Problem()
    {
        if (PopulationSize < 2)
        {
            return $"PbtOptions.PopulationSize is {PopulationSize}: population-based training needs at least 2 members, so that the worst can copy a better one.";
        }

        if (Interval < 1)
        {
            return $"PbtOptions.Interval is {Interval}: members must train at least 1 step between two exploit-and-explore rounds.";
        }

        if (Steps < Interval)
        {
            return $"PbtOptions.Steps ({Steps}) is less than PbtOptions.Interval ({Interval}): no round would ever happen.";
        }

        if (!(Truncation > 0 && Truncation <= 0.5))
        {
            return $"PbtOptions.Truncation is {Truncation}: it must be in (0, 0.5], the share of members replaced by copies of the best.";
        }

        if (PerturbFactors is not { Count: > 0 } || PerturbFactors.Any(f => !(double.IsFinite(f) && f > 0)))
        {
            return "PbtOptions.PerturbFactors must hold at least one finite factor above 0 (the paper uses 0.8 and 1.2).";
        }

        if (!(ResampleProbability >= 0 && ResampleProbability <= 1))
        {
            return $"PbtOptions.ResampleProbability is {ResampleProbability}: it must be in [0, 1].";
        }

        return Parallelism < 1 ? $"PbtOptions.Parallelism is {Parallelism}: at least 1 member must train at a time." : null;
    }
}
