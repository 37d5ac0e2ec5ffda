namespace Dials.Generators.Analyzers.Names
{
    /// <summary>
    /// Every number the rules compare against, in one place (documented, with sources, in docs/analyzers.md and the
    /// rule pages; keep them in step).
    /// </summary>
    internal static class Thresholds
    {
        /// <summary>A learning rate at or above this diverges for practically every optimiser and model.</summary>
        public const double LearningRateTooLarge = 1.0;

        /// <summary>A learning rate at or below this barely moves the weights in any realistic budget.</summary>
        public const double LearningRateTooSmall = 1e-6;

        /// <summary>high / low at or above this (two orders of magnitude) wants a log scale.</summary>
        public const double WideRangeRatio = 100;

        /// <summary>Dropping more than this share of units starves the layers after them.</summary>
        public const double HighDropout = 0.5;

        /// <summary>A weight-decay default above this shrinks weights faster than most training can use them.</summary>
        public const double LargeWeightDecay = 0.1;

        /// <summary>With a batch of one, learning rates at or above this follow single-sample noise.</summary>
        public const double LargeLearningRateForBatchOfOne = 0.01;

        /// <summary>This many epochs or more is a long run that early stopping usually cuts short.</summary>
        public const long ManyEpochs = 100;

        /// <summary>Sampling temperatures above this flatten the distribution towards uniform noise.</summary>
        public const double HighTemperature = 2.0;

        /// <summary>Most values to enumerate from a discrete dimension when checking combinations.</summary>
        public const int MaxEnumeratedValues = 4096;
    }
}
