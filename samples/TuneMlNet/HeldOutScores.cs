namespace TuneMlNet;

/// <summary>What the job measured outside the study: the best trial's and the defaults' cross-validated means, and
/// the one evaluation on the sealed test split.</summary>
/// <param name="BestMean">The best trial's cross-validated mean.</param>
/// <param name="BestStd">Its standard deviation over folds.</param>
/// <param name="DefaultMean">The defaults' cross-validated mean (trial 0), when known.</param>
/// <param name="Test">The single test evaluation, by model name.</param>
/// <param name="Threshold">The decision threshold chosen for a binary classifier, when any.</param>
public sealed record HeldOutScores(double BestMean, double BestStd, double? DefaultMean, IReadOnlyDictionary<string, double> Test, string? Threshold);
