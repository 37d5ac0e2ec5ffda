using System.Collections.Immutable;
using Dials.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers
{
    /// <summary>
    /// Dangerous or suspicious hyperparameter values and search-space shapes (DIALS100-DIALS199). Warnings are settings
    /// that practically always hurt training; infos are suggestions a practitioner would make in review. Every
    /// threshold lives in <see cref="Names.Thresholds"/>, every recognised name in <see cref="Names.RoleAliases"/>.
    /// </summary>
    internal static class AnalyzerDiagnostics
    {
        private const string Category = "Dials.Hyperparameters";

        public static readonly DiagnosticDescriptor LearningRateDefault = Warning(DiagnosticIds.LearningRateDefault,
            "Learning-rate default is outside the band that trains",
            "The default learning rate of '{0}' is {1}, {2}");

        public static readonly DiagnosticDescriptor LearningRateRangeAboveOne = Warning(DiagnosticIds.LearningRateRangeAboveOne,
            "Learning-rate range reaches past 1",
            "'{0}' searches learning rates up to {1}; above 1 practically every trial diverges, so end the range at 1 or below");

        public static readonly DiagnosticDescriptor WideLinearRange = Info(DiagnosticIds.WideLinearRange,
            "Range spanning orders of magnitude is sampled on a linear scale",
            "'{0}' spans [{1}, {2}], {3} orders of magnitude, on a linear scale, so about {4}% of samples land in the top decade; set Log = true");

        public static readonly DiagnosticDescriptor OutsideDomain = Warning(DiagnosticIds.OutsideDomain,
            "Value is outside what the hyperparameter can take",
            "'{0}' is a {1}, which must lie in {2}, but its {3} is {4}");

        public static readonly DiagnosticDescriptor HighDropout = Warning(DiagnosticIds.HighDropout,
            "Dropout default drops most units",
            "The default dropout of '{0}' is {1}, dropping more than half of the units on every step; 0.1 to 0.5 is the usual range");

        public static readonly DiagnosticDescriptor LargeWeightDecay = Warning(DiagnosticIds.LargeWeightDecay,
            "Weight-decay default is large",
            "The default weight decay of '{0}' is {1}; above 0.1 the decay outweighs the loss and shrinks the weights towards zero (1e-5 to 0.1 is usual)");

        public static readonly DiagnosticDescriptor BatchSizeNotPowerOfTwo = Info(DiagnosticIds.BatchSizeNotPowerOfTwo,
            "Batch size is searched over every integer",
            "'{0}' searches every batch size in [{1}, {2}]; search powers of two with [PowerOfTwo({3}, {4})]");

        public static readonly DiagnosticDescriptor BatchOfOneWithLargeLearningRate = Warning(DiagnosticIds.BatchOfOneWithLargeLearningRate,
            "Batch size 1 with a large learning rate",
            "'{0}' defaults to a batch of 1 while '{1}' defaults to {2}; single-example gradients are noisy, so use a learning rate below 0.01 or a larger batch");

        public static readonly DiagnosticDescriptor BatchSizeTunedLearningRateFixed = Info(DiagnosticIds.BatchSizeTunedLearningRateFixed,
            "Batch size is tuned while the learning rate is fixed",
            "'{0}' is tuned but '{1}' is fixed; the best learning rate grows with the batch size (the linear scaling rule), so tune '{1}' too");

        public static readonly DiagnosticDescriptor ManyEpochsWithoutEarlyStopping = Info(DiagnosticIds.ManyEpochsWithoutEarlyStopping,
            "Many epochs without early stopping",
            "'{0}' allows {1} epochs but '{2}' has no early-stopping patience; add one (for example 'Patience') so long runs stop once validation stops improving");

        public static readonly DiagnosticDescriptor HeadsDoNotDivideEmbedding = Warning(DiagnosticIds.HeadsDoNotDivideEmbedding,
            "Embedding dimension is not divisible by the number of attention heads",
            "'{0}' = {1} with '{2}' = {3} is {4}, but {1} is not divisible by {3}; multi-head attention splits the embedding evenly across the heads");

        public static readonly DiagnosticDescriptor HighTemperature = Info(DiagnosticIds.HighTemperature,
            "Sampling temperature above 2",
            "The {1} of '{0}' is {2}; above 2 the sampling distribution is close to uniform and the output close to noise");

        public static readonly DiagnosticDescriptor DefaultOnBoundary = Info(DiagnosticIds.DefaultOnBoundary,
            "Default sits on the boundary of its range",
            "The default of '{0}' ({1}) is the {2} end of its range [{3}, {4}]; if it is the best value known, better ones may lie beyond it, so extend the range past it");

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
            LearningRateDefault, LearningRateRangeAboveOne, WideLinearRange, OutsideDomain, HighDropout, LargeWeightDecay,
            BatchSizeNotPowerOfTwo, BatchOfOneWithLargeLearningRate, BatchSizeTunedLearningRateFixed,
            ManyEpochsWithoutEarlyStopping, HeadsDoNotDivideEmbedding, HighTemperature, DefaultOnBoundary);

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            Create(id, title, message, DiagnosticSeverity.Warning);

        private static DiagnosticDescriptor Info(string id, string title, string message) =>
            Create(id, title, message, DiagnosticSeverity.Info);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
    }
}
