namespace Dials.Storage.Sql;

/// <summary>A transaction its connection runs with plain BEGIN and COMMIT statements rather than through the ADO.NET
/// provider's own transaction object: commands join it by running on that connection, with no transaction attached.</summary>
internal interface IStatementTransaction;
