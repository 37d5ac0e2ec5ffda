using System.Collections.Generic;

namespace Dials.Generators.Analyzers.Names
{
    /// <summary>
    /// The values each recognised real-valued hyperparameter can meaningfully take (DIALS103), with the noun used in
    /// messages. Integer counts (epochs, layers, leaves, iterations) are deliberately absent: -1 and 0 are common
    /// sentinels for "unlimited" or "off" in the libraries people wrap (LightGBM max_depth, Lightning max_epochs).
    /// </summary>
    internal static class RoleDomains
    {
        private const double Infinity = double.PositiveInfinity;

        private static readonly Dictionary<HyperparameterRole, (ValueDomain Domain, string Noun)> Table =
            new Dictionary<HyperparameterRole, (ValueDomain, string)>
            {
                // Dropping every unit (p = 1) zeroes the layer's output; p is a probability.
                [HyperparameterRole.Dropout] = (new ValueDomain(0, true, 1, false), "dropout probability"),

                // Smoothing of 1 makes the target uniform: nothing left to learn.
                [HyperparameterRole.LabelSmoothing] = (new ValueDomain(0, true, 1, false), "label-smoothing factor"),

                // A probability mass; 1 (keep everything) is every API's default, 0 is greedy decoding.
                [HyperparameterRole.TopP] = (new ValueDomain(0, true, 1, true), "top-p probability mass"),

                // Momentum or an Adam beta of 1 never forgets a gradient and the update grows without bound.
                [HyperparameterRole.Momentum] = (new ValueDomain(0, true, 1, false), "momentum coefficient"),

                // gamma > 1 makes returns grow with the horizon; 0 ignores the future entirely.
                [HyperparameterRole.DiscountFactor] = (new ValueDomain(0, false, 1, true), "discount factor"),

                // A negative penalty rewards large weights.
                [HyperparameterRole.Regularization] = (new ValueDomain(0, true, Infinity, false), "regularisation strength"),

                // Softmax over logits / T: a negative T inverts the ranking, 0 is greedy.
                [HyperparameterRole.Temperature] = (new ValueDomain(0, true, Infinity, false), "temperature"),
            };

        public static bool TryGet(HyperparameterRole role, out ValueDomain domain, out string noun)
        {
            if (Table.TryGetValue(role, out var entry))
            {
                domain = entry.Domain;
                noun = entry.Noun;
                return true;
            }

            domain = null!;
            noun = "";
            return false;
        }
    }
}
