using System.Collections.Generic;
using System.Linq;
using Dials.Generators.Analyzers.Names;

namespace Dials.Generators.Analyzers.Model
{
    /// <summary>
    /// A [Hyperparameters] type as the rules see it: its own properties, and those of the hyperparameter types nested in
    /// it (for rules about how properties combine, such as batch size with learning rate).
    /// </summary>
    internal sealed class HyperparameterRecord
    {
        public HyperparameterRecord(string name, IReadOnlyList<TunedProperty> properties)
        {
            Name = name;
            Properties = properties;
        }

        public string Name { get; }

        /// <summary>Own properties first, then nested ones, in declaration order.</summary>
        public IReadOnlyList<TunedProperty> Properties { get; }

        public IEnumerable<TunedProperty> Own => Properties.Where(p => p.IsOwn);

        public IEnumerable<TunedProperty> WithRole(HyperparameterRole role) => Properties.Where(p => p.Is(role));

        public IEnumerable<TunedProperty> OwnWithRole(HyperparameterRole role) => Own.Where(p => p.Is(role));
    }
}
