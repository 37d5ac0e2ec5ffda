namespace Dials.Storage.Sql;

/// <summary>The errors the database back ends raise for broken trial rules, worded as the in-memory storage words
/// them so that a study reads the same message whichever back end it uses.</summary>
internal static class SqlStorageErrors
{
    public static InvalidOperationException StudyExists(string name) =>
        new($"A study named '{name}' already exists in this storage; allow loading it or choose another name.");

    public static InvalidOperationException NoStudy(string name) => new($"No study named '{name}' in this storage.");

    public static InvalidOperationException NoTrial(string study, int number) => new($"Study '{study}' has no trial {number}.");

    public static InvalidOperationException Finished(string study, int number, TrialState state) =>
        new($"Trial {number} of study '{study}' has finished ({state}).");

    public static InvalidOperationException HasPoint(string study, int number) =>
        new($"Trial {number} of study '{study}' already has its point.");

    public static ArgumentException StepNotAfter(int number, long last, long step, string parameter) =>
        new($"Trial {number} already reported step {last}; steps must grow, so step {step} cannot follow.", parameter);

    public static ArgumentException FinishedAsRunning(string parameter) =>
        new("A trial finishes as Complete, Pruned or Failed, not Running.", parameter);

    public static InvalidOperationException UnknownSchema(string database, int found, int supported) =>
        new($"{Capitalised(database)} holds Dials storage schema version {found}, but this version of Dials reads and " +
            $"writes version {supported}; it was probably created by a newer Dials: upgrade this process's Dials packages.");

    public static InvalidOperationException UnwrittenSchema(string database, int found) =>
        new($"{Capitalised(database)} holds Dials storage schema version {found}, which no version of Dials wrote; its " +
            "dials_schema_version table was changed by hand or belongs to something else.");

    public static InvalidOperationException UpgradeFailed(string database, int found, int supported, Exception error) =>
        new($"{Capitalised(database)} holds Dials storage schema version {found}; this version of Dials upgrades it to " +
            $"version {supported} by adding columns, which failed ({error.Message}), so nothing was changed. Open it once " +
            "as a user allowed to alter the dials_ tables (their owner), or keep using the Dials version that wrote it.", error);

    public static InvalidOperationException ReadOnly(string database, string operation) =>
        new($"{Capitalised(database)} was opened for reading only, so it refuses {operation}; open it without Mode=ReadOnly " +
            "(or readOnly: false) to change it.");

    public static IOException GaveUp(Exception translated, TimeSpan waited, Exception error) =>
        new($"{translated.Message} Retried on fresh connections for {waited.TotalSeconds:0.#} s before giving up.", error);

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
