using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Diagnostics
{
    /// <summary>
    /// Every diagnostic Dials reports, in one place: the errors for declarations the generator cannot honour
    /// (DIALS001-DIALS099, reported by <see cref="Analyzers.DeclarationAnalyzer"/>) and the values analyzer's warnings
    /// and suggestions on dangerous or suspicious values and search-space shapes (DIALS100-DIALS199, reported by
    /// <see cref="Analyzers.HyperparameterValuesAnalyzer"/>: warnings are settings that practically always hurt training,
    /// infos what a practitioner would say in review; thresholds in <see cref="Analyzers.Names.Thresholds"/>, recognised
    /// names in <see cref="Analyzers.Names.RoleAliases"/>).
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string DeclarationCategory = "Dials.Declaration";
        private const string ValuesCategory = "Dials.Hyperparameters";

        // Declarations the generator cannot honour (DIALS001-DIALS099). Each is an error: generating code for them
        // would give a search space that lies about what it searches.
        public static readonly DiagnosticDescriptor TypeNotPartial = Error(DiagnosticIds.TypeNotPartial,
            "Hyperparameters type must be partial",
            "'{0}' is marked [Hyperparameters] but is not partial, so Dials cannot add its search space; add the 'partial' modifier");

        public static readonly DiagnosticDescriptor AttributeDoesNotFitType = Error(DiagnosticIds.AttributeDoesNotFitType,
            "Dimension attribute does not fit the property type",
            "[{0}] cannot be used on '{1}' of type '{2}': {3}");

        public static readonly DiagnosticDescriptor EmptyRange = Error(DiagnosticIds.EmptyRange,
            "Range is empty",
            "'{0}' has low {1} and high {2}; low must be below high and both finite");

        public static readonly DiagnosticDescriptor LogNeedsPositiveLow = Error(DiagnosticIds.LogNeedsPositiveLow,
            "Log scale needs a positive low bound",
            "'{0}' is log-scaled but its low bound is {1}; it must be {2}");

        public static readonly DiagnosticDescriptor InvalidStep = Error(DiagnosticIds.InvalidStep,
            "Step is not positive or does not divide the range",
            "'{0}' has step {1}, which {2} the range [{3}, {4}]");

        public static readonly DiagnosticDescriptor StepWithLog = Error(DiagnosticIds.StepWithLog,
            "Step cannot be combined with Log",
            "'{0}' sets both Log and Step {1}; a grid is even in linear space, so choose one");

        public static readonly DiagnosticDescriptor NotPowerOfTwoBounds = Error(DiagnosticIds.NotPowerOfTwoBounds,
            "PowerOfTwo bounds must be powers of two",
            "'{0}' has [PowerOfTwo] bound {1}, which is not a power of two");

        public static readonly DiagnosticDescriptor EmptyChoices = Error(DiagnosticIds.EmptyChoices,
            "Choice needs values",
            "'{0}' has [Choice] with no values; list the values (only bool and enum properties may omit them)");

        public static readonly DiagnosticDescriptor DuplicateChoice = Error(DiagnosticIds.DuplicateChoice,
            "Choice value is repeated",
            "'{0}' lists the choice {1} more than once");

        public static readonly DiagnosticDescriptor MistypedChoice = Error(DiagnosticIds.MistypedChoice,
            "Choice value does not fit the property type",
            "'{0}' is of type '{1}' but lists the choice {2}");

        public static readonly DiagnosticDescriptor WhenUnknownProperty = Error(DiagnosticIds.WhenUnknownProperty,
            "When names no dimension of this type",
            "'{0}' is conditional on '{1}', which is not a dimension of '{2}'");

        public static readonly DiagnosticDescriptor WhenImpossibleValue = Error(DiagnosticIds.WhenImpossibleValue,
            "When value cannot be taken by the controlling dimension",
            "'{0}' is active when '{1}' is {2}, a value '{1}' can never take");

        public static readonly DiagnosticDescriptor MultipleDimensionAttributes = Error(DiagnosticIds.MultipleDimensionAttributes,
            "More than one dimension attribute on a property",
            "'{0}' has both [{1}] and [{2}]; a property is one dimension");

        public static readonly DiagnosticDescriptor PropertyNotSettable = Error(DiagnosticIds.PropertyNotSettable,
            "Dimension property cannot be set",
            "'{0}' has no set or init accessor, so decoded values cannot be assigned to it");

        public static readonly DiagnosticDescriptor NestingCycle = Error(DiagnosticIds.NestingCycle,
            "Nested hyperparameter types form a cycle",
            "'{0}' nests hyperparameter types in a cycle ({1}), which would make an infinite search space");

        public static readonly DiagnosticDescriptor DefaultOutsideSpace = Error(DiagnosticIds.DefaultOutsideSpace,
            "Default is not in its own search space",
            "The default of '{0}' is {1}, which {2}; the baseline configuration would fail its own validation");

        public static readonly DiagnosticDescriptor ConditionCycle = Error(DiagnosticIds.ConditionCycle,
            "When conditions form a cycle",
            "The [When] conditions of '{0}' form a cycle ({1}), so it could never be decided whether it is active");

        public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(DiagnosticIds.ContainingTypeNotPartial,
            "Containing type must be partial",
            "'{0}' is declared inside '{1}', which is not partial, so Dials cannot add its search space; make '{1}' partial");

        public static readonly DiagnosticDescriptor UnsupportedType = Error(DiagnosticIds.UnsupportedType,
            "Hyperparameters type cannot be generated for",
            "Dials cannot generate a search space for '{0}': {1}");

        public static readonly DiagnosticDescriptor TooManyValues = Error(DiagnosticIds.TooManyValues,
            "Dimension has more values than a search space can hold",
            "'{0}' takes {1} values from {2} to {3} by {4}, more than the {5} a dimension can hold; narrow the range or take a larger step");

        public static readonly DiagnosticDescriptor NonFiniteChoice = Error(DiagnosticIds.NonFiniteChoice,
            "Choice value is not a finite number",
            "'{0}' lists the choice {1}, which is not a finite number; no configuration could be matched against it, so list finite values only");

        // Dangerous or suspicious values and shapes (DIALS100-DIALS199).
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

        /// <summary>The declaration errors, DIALS001-DIALS099, reported by <see cref="Analyzers.DeclarationAnalyzer"/>.</summary>
        public static ImmutableArray<DiagnosticDescriptor> DeclarationRules { get; } = ImmutableArray.Create(
            TypeNotPartial, AttributeDoesNotFitType, EmptyRange, LogNeedsPositiveLow, InvalidStep, StepWithLog,
            NotPowerOfTwoBounds, EmptyChoices, DuplicateChoice, MistypedChoice, WhenUnknownProperty, WhenImpossibleValue,
            MultipleDimensionAttributes, PropertyNotSettable, NestingCycle, DefaultOutsideSpace, ConditionCycle,
            ContainingTypeNotPartial, UnsupportedType, TooManyValues, NonFiniteChoice);

        /// <summary>The values analyzer's rules, DIALS100-DIALS199, reported by <see cref="Analyzers.HyperparameterValuesAnalyzer"/>.</summary>
        public static ImmutableArray<DiagnosticDescriptor> AnalyzerRules { get; } = ImmutableArray.Create(
            LearningRateDefault, LearningRateRangeAboveOne, WideLinearRange, OutsideDomain, HighDropout, LargeWeightDecay,
            BatchSizeNotPowerOfTwo, BatchOfOneWithLargeLearningRate, BatchSizeTunedLearningRateFixed,
            ManyEpochsWithoutEarlyStopping, HeadsDoNotDivideEmbedding, HighTemperature, DefaultOnBoundary);

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            Create(id, title, message, DeclarationCategory, DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            Create(id, title, message, ValuesCategory, DiagnosticSeverity.Warning);

        private static DiagnosticDescriptor Info(string id, string title, string message) =>
            Create(id, title, message, ValuesCategory, DiagnosticSeverity.Info);

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
    }
}
