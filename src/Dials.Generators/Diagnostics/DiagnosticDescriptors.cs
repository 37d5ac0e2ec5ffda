using Microsoft.CodeAnalysis;

namespace Dials.Generators.Diagnostics
{
    /// <summary>
    /// Declarations the generator cannot honour (DIALS001-DIALS099). Each is an error: generating code for them would
    /// give a search space that lies about what it searches.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Dials.Declaration";

        public static readonly DiagnosticDescriptor TypeNotPartial = Create("DIALS001",
            "Hyperparameters type must be partial",
            "'{0}' is marked [Hyperparameters] but is not partial, so Dials cannot add its search space; add the 'partial' modifier");

        public static readonly DiagnosticDescriptor AttributeDoesNotFitType = Create("DIALS002",
            "Dimension attribute does not fit the property type",
            "[{0}] cannot be used on '{1}' of type '{2}': {3}");

        public static readonly DiagnosticDescriptor EmptyRange = Create("DIALS003",
            "Range is empty",
            "'{0}' has low {1} and high {2}; low must be below high and both finite");

        public static readonly DiagnosticDescriptor LogNeedsPositiveLow = Create("DIALS004",
            "Log scale needs a positive low bound",
            "'{0}' is log-scaled but its low bound is {1}; it must be {2}");

        public static readonly DiagnosticDescriptor InvalidStep = Create("DIALS005",
            "Step is not positive or does not divide the range",
            "'{0}' has step {1}, which {2} the range [{3}, {4}]");

        public static readonly DiagnosticDescriptor StepWithLog = Create("DIALS006",
            "Step cannot be combined with Log",
            "'{0}' sets both Log and Step {1}; a grid is even in linear space, so choose one");

        public static readonly DiagnosticDescriptor NotPowerOfTwoBounds = Create("DIALS007",
            "PowerOfTwo bounds must be powers of two",
            "'{0}' has [PowerOfTwo] bound {1}, which is not a power of two");

        public static readonly DiagnosticDescriptor EmptyChoices = Create("DIALS008",
            "Choice needs values",
            "'{0}' has [Choice] with no values; list the values (only bool and enum properties may omit them)");

        public static readonly DiagnosticDescriptor DuplicateChoice = Create("DIALS009",
            "Choice value is repeated",
            "'{0}' lists the choice {1} more than once");

        public static readonly DiagnosticDescriptor MistypedChoice = Create("DIALS010",
            "Choice value does not fit the property type",
            "'{0}' is of type '{1}' but lists the choice {2}");

        public static readonly DiagnosticDescriptor WhenUnknownProperty = Create("DIALS011",
            "When names no dimension of this type",
            "'{0}' is conditional on '{1}', which is not a dimension of '{2}'");

        public static readonly DiagnosticDescriptor WhenImpossibleValue = Create("DIALS012",
            "When value cannot be taken by the controlling dimension",
            "'{0}' is active when '{1}' is {2}, a value '{1}' can never take");

        public static readonly DiagnosticDescriptor MultipleDimensionAttributes = Create("DIALS013",
            "More than one dimension attribute on a property",
            "'{0}' has both [{1}] and [{2}]; a property is one dimension");

        public static readonly DiagnosticDescriptor PropertyNotSettable = Create("DIALS014",
            "Dimension property cannot be set",
            "'{0}' has no set or init accessor, so decoded values cannot be assigned to it");

        public static readonly DiagnosticDescriptor NestingCycle = Create("DIALS015",
            "Nested hyperparameter types form a cycle",
            "'{0}' nests hyperparameter types in a cycle ({1}), which would make an infinite search space");

        public static readonly DiagnosticDescriptor DefaultOutsideSpace = Create("DIALS016",
            "Default is not in its own search space",
            "The default of '{0}' is {1}, which {2}; the baseline configuration would fail its own validation");

        public static readonly DiagnosticDescriptor ConditionCycle = Create("DIALS017",
            "When conditions form a cycle",
            "The [When] conditions of '{0}' form a cycle ({1}), so it could never be decided whether it is active");

        public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create("DIALS018",
            "Containing type must be partial",
            "'{0}' is declared inside '{1}', which is not partial, so Dials cannot add its search space; make '{1}' partial");

        public static readonly DiagnosticDescriptor UnsupportedType = Create("DIALS019",
            "Hyperparameters type cannot be generated for",
            "Dials cannot generate a search space for '{0}': {1}");

        public static readonly DiagnosticDescriptor TooManyValues = Create("DIALS020",
            "Dimension has more values than a search space can hold",
            "'{0}' takes {1} values from {2} to {3} by {4}, more than the {5} a dimension can hold; narrow the range or take a larger step");

        public static readonly DiagnosticDescriptor NonFiniteChoice = Create("DIALS021",
            "Choice value is not a finite number",
            "'{0}' lists the choice {1}, which is not a finite number; no configuration could be matched against it, so list finite values only");

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error,
                isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
    }
}
