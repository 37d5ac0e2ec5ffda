namespace Dials.Generators.Analyzers
{
    /// <summary>
    /// Rule IDs and the property keys that carry a fix's data from analyzer to code fix. Compiled into both
    /// Dials.Generators and Dials.CodeFixes (linked source), so the two cannot drift apart.
    /// </summary>
    internal static class DiagnosticIds
    {
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

        // Reported by the generator (src/Dials.Generators/Diagnostics); the code fixes answer them too.
        public const string TypeNotPartial = "DIALS001";
        public const string DefaultOutsideSpace = "DIALS016";
        public const string ContainingTypeNotPartial = "DIALS018";

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
