using System.Collections.Generic;
using System.Text;

namespace Dials.Generators.Analyzers.Names
{
    /// <summary>
    /// Splits a property name into lower-case words, so aliases match whole words: <c>BaseLearningRate</c>,
    /// <c>base_learning_rate</c> and <c>baseLR</c> all end in a learning rate, while <c>Plural</c> holds no "lr".
    /// </summary>
    internal static class NameTokens
    {
        /// <summary>
        /// Words at underscores and case changes (<c>HTTPServer</c> is "http", "server"); digits stay with the word before
        /// them (<c>Beta1</c> is "beta1", <c>adam_beta_1</c> is "adam", "beta1").
        /// </summary>
        public static IReadOnlyList<string> Of(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (c == '_' || !char.IsLetterOrDigit(c))
                {
                    Flush(words, current);
                    continue;
                }

                if (char.IsDigit(c))
                {
                    // "beta_1" keeps its number: a digit run after a separator joins the previous word.
                    if (current.Length == 0 && words.Count > 0)
                    {
                        current.Append(words[words.Count - 1]);
                        words.RemoveAt(words.Count - 1);
                    }

                    current.Append(c);
                    continue;
                }

                if (char.IsUpper(c) && current.Length > 0 && StartsWord(name, i))
                {
                    Flush(words, current);
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(words, current);
            return words;
        }

        // An upper-case letter starts a word after a lower-case letter or digit ("batchSize", "l2Reg"), or when it ends
        // an acronym and begins a capitalised word ("LRSchedule" is "lr", "schedule").
        private static bool StartsWord(string name, int i)
        {
            var previous = name[i - 1];
            if (char.IsLower(previous) || char.IsDigit(previous))
            {
                return true;
            }

            return char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
        }

        private static void Flush(List<string> words, StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
