namespace Dials.Generators.Diagnostics
{
    /// <summary>
    /// Every rule ID, and the property keys that carry a fix's data from analyzer to code fix. Compiled into both
    /// Dials.Generators and Dials.CodeFixes (linked source), so the two cannot drift apart; the descriptors that use
    /// them are in <see cref="DiagnosticDescriptors"/>.
    /// </summary>
    internal static class DiagnosticIds
    {
        // Declarations the generator cannot honour (errors, DIALS001-DIALS099).
        public const string TypeNotPartial = "DIALS001";
        public const string AttributeDoesNotFitType = "DIALS002";
        public const string EmptyRange = "DIALS003";
        public const string LogNeedsPositiveLow = "DIALS004";
        public const string InvalidStep = "DIALS005";
        public const string StepWithLog = "DIALS006";
        public const string NotPowerOfTwoBounds = "DIALS007";
        public const string EmptyChoices = "DIALS008";
        public const string DuplicateChoice = "DIALS009";
        public const string MistypedChoice = "DIALS010";
        public const string WhenUnknownProperty = "DIALS011";
        public const string WhenImpossibleValue = "DIALS012";
        public const string MultipleDimensionAttributes = "DIALS013";
        public const string PropertyNotSettable = "DIALS014";
        public const string NestingCycle = "DIALS015";
        public const string DefaultOutsideSpace = "DIALS016";
        public const string ConditionCycle = "DIALS017";
        public const string ContainingTypeNotPartial = "DIALS018";
        public const string UnsupportedType = "DIALS019";
        public const string TooManyValues = "DIALS020";
        public const string NonFiniteChoice = "DIALS021";

        // Dangerous or suspicious values and shapes (the analyzer, DIALS100-DIALS199).
        public const string LearningRateDefault = "DIALS100";
        public const string LearningRateRangeAboveOne = "DIALS101";
        public const string WideLinearRange = "DIALS102";
        public const string OutsideDomain = "DIALS103";
        public const string HighDropout = "DIALS104";
        public const string LargeWeightDecay = "DIALS105";
        public const string BatchSizeNotPowerOfTwo = "DIALS106";
        public const string BatchOfOneWithLargeLearningRate = "DIALS107";
        public const string BatchSizeTunedLearningRateFixed = "DIALS108";
        public const string ManyEpochsWithoutEarlyStopping = "DIALS109";
        public const string HeadsDoNotDivideEmbedding = "DIALS110";
        public const string HighTemperature = "DIALS111";
        public const string DefaultOnBoundary = "DIALS112";

        /// <summary>Keys of <c>Diagnostic.Properties</c>.</summary>
        public static class Properties
        {
            /// <summary>DIALS106: the suggested [PowerOfTwo] low bound (invariant integer text).</summary>
            public const string PowerOfTwoLow = "PowerOfTwoLow";

            /// <summary>DIALS106: the suggested [PowerOfTwo] high bound.</summary>
            public const string PowerOfTwoHigh = "PowerOfTwoHigh";

            /// <summary>DIALS106: a new default, present only when the current one would leave the suggested space.</summary>
            public const string PowerOfTwoDefault = "PowerOfTwoDefault";
        }
    }
}
