namespace Dials.Samplers;

/// <summary>
/// A sampler that can serve a study of several objectives: it reads <see cref="SamplingContext.Directions"/> and each
/// trial's <see cref="TrialRecord.ObjectiveValues"/> (or ignores the values altogether, as random, quasi-random and
/// grid sampling do). A study of several objectives refuses any sampler that does not implement it, when it is
/// created, so that a single-objective model never silently optimises the first objective alone.
/// </summary>
public interface IMultiObjectiveSampler : ISampler;
