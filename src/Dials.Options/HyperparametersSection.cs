namespace Dials.Options;

/// <summary>Remembers the configuration section <c>AddHyperparameters</c> bound <typeparamref name="T"/> to, so the
/// tuned layer is written in the same shape.</summary>
/// <typeparam name="T">The hyperparameters type.</typeparam>
/// <param name="Path">The section's full path, e.g. <c>Training</c>.</param>
internal sealed record HyperparametersSection<T>(string Path);
