using Microsoft.CodeAnalysis;

namespace Dials.Generators.Parsing
{
    /// <summary>The Dials attribute types of one compilation, resolved once per parse.</summary>
    internal sealed class KnownSymbols
    {
        public const string HyperparametersName = "Dials.HyperparametersAttribute";

        public KnownSymbols(Compilation compilation)
        {
            Hyperparameters = compilation.GetTypeByMetadataName(HyperparametersName);
            FloatRange = compilation.GetTypeByMetadataName("Dials.FloatRangeAttribute");
            IntRange = compilation.GetTypeByMetadataName("Dials.IntRangeAttribute");
            PowerOfTwo = compilation.GetTypeByMetadataName("Dials.PowerOfTwoAttribute");
            Choice = compilation.GetTypeByMetadataName("Dials.ChoiceAttribute");
            When = compilation.GetTypeByMetadataName("Dials.WhenAttribute");
        }

        public INamedTypeSymbol? Hyperparameters { get; }

        public INamedTypeSymbol? FloatRange { get; }

        public INamedTypeSymbol? IntRange { get; }

        public INamedTypeSymbol? PowerOfTwo { get; }

        public INamedTypeSymbol? Choice { get; }

        public INamedTypeSymbol? When { get; }

        public bool IsDimensionAttribute(AttributeData attribute) =>
            Is(attribute, FloatRange) || Is(attribute, IntRange) || Is(attribute, PowerOfTwo) || Is(attribute, Choice);

        public bool IsHyperparametersType(ITypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (Is(attribute, Hyperparameters))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
    }
}
