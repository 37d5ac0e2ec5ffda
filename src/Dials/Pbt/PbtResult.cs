namespace Dials.Pbt;

/// <summary>What a population-based training run produced: every member at the end, the best one, and the rounds.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
/// <param name="Members">Every member at the end, by index.</param>
/// <param name="Winner">The member with the best final evaluation: its weights are in <see cref="PbtMember{T}.Checkpoint"/>.</param>
/// <param name="Rounds">What each exploit-and-explore round changed, in order.</param>
public sealed record PbtResult<T>(IReadOnlyList<PbtMember<T>> Members, PbtMember<T> Winner, IReadOnlyList<PbtRound> Rounds);

/// <summary>A member at the end of a run.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
/// <param name="Index">Its index in the population.</param>
/// <param name="Score">Its final evaluation (NaN when its last interval failed).</param>
/// <param name="Config">The hyperparameters it trained under last.</param>
/// <param name="Schedule">The hyperparameter schedule behind its weights, from step 0 (copies followed back to the
/// member they came from): PBT's result is a schedule, not one configuration.</param>
/// <param name="Checkpoint">The name of its final checkpoint in the run's store.</param>
public sealed record PbtMember<T>(int Index, double Score, T Config, IReadOnlyList<PbtSegment<T>> Schedule, string Checkpoint);

/// <summary>One stretch of a schedule.</summary>
/// <typeparam name="T">The hyperparameter type.</typeparam>
/// <param name="FromStep">The first step trained under <paramref name="Config"/>.</param>
/// <param name="Steps">How many steps were.</param>
/// <param name="Config">The hyperparameters.</param>
/// <param name="Trial">The study trial that recorded the stretch.</param>
/// <param name="How">How the configuration came about ("sampled", "copied member 3 (score 0.91 against 0.42); learningRate ×1.2").</param>
public sealed record PbtSegment<T>(int FromStep, int Steps, T Config, int Trial, string How);

/// <summary>What one exploit-and-explore round did.</summary>
/// <param name="Round">The round's number (0 after the first interval).</param>
/// <param name="AfterStep">The steps every member had trained when it happened.</param>
/// <param name="Changes">One entry per member replaced or explored, in words.</param>
public sealed record PbtRound(int Round, int AfterStep, IReadOnlyList<string> Changes);
