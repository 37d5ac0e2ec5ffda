using System;
using System.Collections.Generic;
using System.Linq;

namespace Dials.Generators.Analyzers.Names
{
    /// <summary>
    /// The one table of recognised hyperparameter names (documented in docs/analyzers.md; keep the two in step).
    /// </summary>
    /// <remarks>
    /// A property has a role when its words (<see cref="NameTokens"/>) end with one of the role's aliases: the last words
    /// of an English compound name its head, so <c>PeakLearningRate</c> is a learning rate and <c>LearningRateDecay</c>
    /// is not. Words before the alias qualify it; some qualifiers turn it into something else (<c>MinLearningRate</c> is
    /// a schedule's floor, legitimately tiny) and then the role does not apply. Names too ambiguous to trust are left
    /// out on purpose: a bare <c>Gamma</c> is a discount factor in RL but a split penalty in XGBoost and a focusing
    /// exponent in focal loss; a bare <c>Beta</c> is Adam's momentum but beta-VAE's KL weight (often 4).
    /// </remarks>
    internal static class RoleAliases
    {
        /// <summary>Qualifiers that make any name a bound or end point of a schedule rather than the value itself.</summary>
        private static readonly string[] EndPointQualifiers = { "min", "minimum", "final", "end", "last", "floor" };

        private static readonly Entry[] Entries =
        {
            new Entry(HyperparameterRole.LearningRate, ValueShape.Real,
                "learning rate", "learningrate", "lr", "eta", "step size", "stepsize"),
            new Entry(HyperparameterRole.BatchSize, ValueShape.Integer,
                "batch size", "batchsize", "minibatch size", "mini batch size", "minibatch"),
            new Entry(HyperparameterRole.Epochs, ValueShape.Integer,
                "epochs", "num epochs", "n epochs", "nb epochs", "epoch count"),
            new Entry(HyperparameterRole.EarlyStoppingPatience, ValueShape.Any,
                "patience", "early stopping", "early stopping rounds", "early stopping patience", "stopping rounds",
                "early stop"),
            new Entry(HyperparameterRole.Dropout, ValueShape.Real,
                "dropout", "dropout rate", "dropout prob", "dropout probability", "dropout p", "drop rate", "drop prob",
                "drop path", "drop path rate"),
            new Entry(HyperparameterRole.LabelSmoothing, ValueShape.Real,
                "label smoothing", "label smoothing factor", "label smoothing epsilon"),
            new Entry(HyperparameterRole.TopP, ValueShape.Real,
                "top p", "topp", "nucleus p", "nucleus probability"),
            new Entry(HyperparameterRole.Momentum, ValueShape.Real,
                "momentum", "beta1", "beta2"),
            new Entry(HyperparameterRole.DiscountFactor, ValueShape.Real,
                "discount", "discount factor", "discount rate", "discount gamma", "gamma discount"),
            new Entry(HyperparameterRole.WeightDecay, ValueShape.Real,
                "weight decay", "weightdecay", "wd"),
            new Entry(HyperparameterRole.Regularization, ValueShape.Real,
                "weight decay", "weightdecay", "wd", "l1", "l2", "l1 reg", "l2 reg", "l1 regularization", "l2 regularization",
                "l1 regularisation", "l2 regularisation", "l1 penalty", "l2 penalty", "l1 lambda", "l2 lambda", "lambda",
                "reg lambda", "reg alpha", "l1 strength", "l2 strength", "regularization strength", "regularisation strength"),
            new Entry(HyperparameterRole.Temperature, ValueShape.Real,
                "temperature", "sampling temperature", "softmax temperature"),
            new Entry(HyperparameterRole.EmbeddingDimension, ValueShape.Integer,
                "embedding dim", "embedding dimension", "embedding size", "embed dim", "embed size", "embd", "d model",
                "dmodel", "model dim", "model dimension", "dim model", "hidden size", "hidden dim"),
            new Entry(HyperparameterRole.AttentionHeads, ValueShape.Integer,
                "heads", "num heads", "n heads", "n head", "nhead", "nheads", "attention heads", "num attention heads",
                "head count"),
        };

        /// <summary>The roles a property of this name and type plays (usually none or one).</summary>
        public static IReadOnlyList<HyperparameterRole> RolesOf(string name, bool isInteger, bool isReal)
        {
            var words = NameTokens.Of(name);
            var roles = new List<HyperparameterRole>();
            foreach (var entry in Entries)
            {
                var fits = entry.Shape == ValueShape.Any
                    || (entry.Shape == ValueShape.Real ? isReal
                    : isInteger);
                if (fits && entry.Matches(words))
                {
                    roles.Add(entry.Role);
                }
            }

            return roles;
        }

        /// <summary>Whether some word of <paramref name="name"/> is one of <paramref name="words"/>.</summary>
        public static bool HasWord(string name, params string[] words) => NameTokens.Of(name).Any(words.Contains);

        private enum ValueShape
        {
            Real,
            Integer,

            // Any type at all: an early-stopping switch may be a bool.
            Any,
        }

        private sealed class Entry
        {
            private readonly string[][] aliases;

            public Entry(HyperparameterRole role, ValueShape shape, params string[] aliases)
            {
                Role = role;
                Shape = shape;
                this.aliases = aliases.Select(a => a.Split(' ')).ToArray();
            }

            public HyperparameterRole Role { get; }

            public ValueShape Shape { get; }

            public bool Matches(IReadOnlyList<string> words)
            {
                foreach (var alias in aliases)
                {
                    if (EndsWith(words, alias) && !QualifiedAway(words, words.Count - alias.Length))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool EndsWith(IReadOnlyList<string> words, string[] alias)
            {
                if (alias.Length > words.Count)
                {
                    return false;
                }

                var offset = words.Count - alias.Length;
                for (var i = 0; i < alias.Length; i++)
                {
                    if (!string.Equals(words[offset + i], alias[i], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool QualifiedAway(IReadOnlyList<string> words, int qualifierCount)
            {
                for (var i = 0; i < qualifierCount; i++)
                {
                    if (Array.IndexOf(EndPointQualifiers, words[i]) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
