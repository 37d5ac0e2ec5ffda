using System.Collections.Generic;
using System.Linq;
using Dials.Generators.Analyzers.Names;
using Microsoft.CodeAnalysis;

namespace Dials.Generators.Analyzers.Model
{
    /// <summary>A property of a [Hyperparameters] type as the rules see it: its roles, its default and its range.</summary>
    internal sealed class TunedProperty
    {
        public TunedProperty(IPropertySymbol symbol, string path, IReadOnlyList<HyperparameterRole> roles, bool isInteger,
            double? defaultValue, Location? defaultLocation, bool isTuned, SearchRange? range, bool isOwn)
        {
            Symbol = symbol;
            Path = path;
            Roles = roles;
            IsInteger = isInteger;
            Default = defaultValue;
            DefaultLocation = defaultLocation;
            IsTuned = isTuned;
            Range = range;
            IsOwn = isOwn;
        }

        public IPropertySymbol Symbol { get; }

        /// <summary>The name shown in messages: dotted for properties of nested hyperparameter types.</summary>
        public string Path { get; }

        public IReadOnlyList<HyperparameterRole> Roles { get; }

        public bool IsInteger { get; }

        /// <summary>The constant initializer, when there is one; null for no initializer or a computed one.</summary>
        public double? Default { get; }

        /// <summary>The initializer's value, where default diagnostics are reported.</summary>
        public Location? DefaultLocation { get; }

        /// <summary>Whether the property carries a dimension attribute; when not, its default is fixed for every trial.</summary>
        public bool IsTuned { get; }

        /// <summary>The search range; null when the property is not tuned or its attribute is malformed (the declaration analyzer reports that).</summary>
        public SearchRange? Range { get; }

        /// <summary>Declared on the type being analysed (not on a nested hyperparameters type, which reports its own).</summary>
        public bool IsOwn { get; }

        /// <summary>Where a diagnostic about the property as a whole goes: its range, else its default, else its name.</summary>
        public Location Location => Range?.Location ?? DefaultLocation ?? Symbol.Locations.FirstOrDefault() ?? Location.None;

        public bool Is(HyperparameterRole role) => Roles.Contains(role);
    }
}
