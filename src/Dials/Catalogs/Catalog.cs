namespace Dials.Catalogs;

/// <summary>
/// The kinds of one component (samplers, pruners) by name: the one list that configuration, the <c>dials</c> command,
/// the simulator and the samples read, so a kind added here is known everywhere and its defaults live in one place
/// (the component's own constructor constants).
/// </summary>
/// <typeparam name="TSettings">The settings the kinds are made from.</typeparam>
/// <typeparam name="T">What the kinds make.</typeparam>
public sealed class Catalog<TSettings, T>
{
    private readonly string component;

    /// <summary>Creates a catalog.</summary>
    /// <param name="component">What the kinds are, singular, for messages ("sampler").</param>
    /// <param name="kinds">The kinds; names must differ once case, <c>-</c> and <c>_</c> are ignored.</param>
    /// <exception cref="ArgumentException">Two kinds share a name.</exception>
    public Catalog(string component, IReadOnlyList<CatalogKind<TSettings, T>> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var duplicate = kinds.GroupBy(k => Key(k.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two {component} kinds are named '{duplicate.First().Name}'.", nameof(kinds));
        }

        this.component = component;
        Kinds = kinds;
    }

    /// <summary>Every kind, in the order help lists them.</summary>
    public IReadOnlyList<CatalogKind<TSettings, T>> Kinds { get; }

    /// <summary>Every kind's name, in order.</summary>
    public IEnumerable<string> Names => Kinds.Select(k => k.Name);

    /// <summary>The kind named <paramref name="name"/> (case, <c>-</c> and <c>_</c> ignored: <c>CmaEs</c>,
    /// <c>cmaes</c>; <c>SuccessiveHalving</c>, <c>successive-halving</c>), or null.</summary>
    public CatalogKind<TSettings, T>? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Key(name);
        return Kinds.FirstOrDefault(k => Key(k.Name) == key);
    }

    /// <summary>The message for a name no kind has, listing the known ones.</summary>
    public string Unknown(string name) => $"Unknown {component} '{name}'; known: {string.Join(", ", Names)}.";

    /// <summary>Makes the kind named <paramref name="name"/> from <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">No kind has that name, or a setting is out of the kind's range.</exception>
    public T Create(string name, TSettings settings) =>
        Find(name) is { } kind ? kind.Create(settings) : throw new ArgumentException(Unknown(name), nameof(name));

    private static string Key(string name) =>
        name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
