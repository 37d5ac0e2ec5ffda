namespace Dials.Catalogs;

/// <summary>One kind of component in a <see cref="Catalog{TSettings, T}"/>: the name configuration, the command line
/// and the simulator spell it by, a label for tables, what it does, and how one is made from settings.</summary>
/// <typeparam name="TSettings">The settings every kind of the catalog reads from (each reads the ones it has).</typeparam>
/// <typeparam name="T">What the kind makes.</typeparam>
/// <param name="Name">The name, lower case; a lookup ignores case, <c>-</c> and <c>_</c>.</param>
/// <param name="Label">A short label for tables and reports.</param>
/// <param name="Summary">One sentence on what it is, for help and schemas.</param>
/// <param name="Create">Makes one from settings; throws <see cref="ArgumentException"/> naming a bad setting.</param>
public sealed record CatalogKind<TSettings, T>(string Name, string Label, string Summary, Func<TSettings, T> Create);
