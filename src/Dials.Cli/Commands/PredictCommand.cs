using System.CommandLine;
using System.Globalization;
using Dials.ML;
using Dials.Storage;
using Microsoft.ML;

namespace Dials.Cli.Commands;

/// <summary><c>dials predict</c>: scores a CSV file with a model.zip a tuning run saved, to a file or stdout.</summary>
internal static class PredictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(Func<CliOutput> output)
    {
        var model = new Option<string>("--model") { Description = "The model.zip a tuning run saved (docs/ml-model.md).", Required = true };
        var data = new Option<string>("--data")
        {
            Description = "The rows to score: a CSV file with a header naming the model's input columns; the label may be absent, other columns are passed through.",
            Required = true,
        };
        var path = new Option<string?>("--out", "-o") { Description = "The CSV to write (each row's columns, then the prediction); stdout when omitted." };
        var command = new Command("predict", "Score a CSV file with a saved model.") { model, data, path };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(path), output()));
        return command;
    }

    /// <summary>Runs the command; returns the exit code. Nothing is written unless every row was scored.</summary>
    public static int Run(string modelPath, string dataPath, string? path, CliOutput output) => CliErrors.Guard(output, () =>
    {
        var ml = new MLContext(seed: 0);
        var scored = new StringWriter(CultureInfo.InvariantCulture);
        int rows;
        try
        {
            rows = ModelScoring.ScoreCsv(TunedModel.Load(ml, modelPath), dataPath, scored);
        }
        catch (Exception e) when (e is ModelFileException or DataException)
        {
            // Both name the file and what is wrong with it: the user's input, not a bug.
            throw new CliException(e.Message);
        }

        if (path is null)
        {
            output.Plain.Write(scored.ToString());
        }
        else
        {
            output.Error.WriteLine($"wrote {rows} prediction(s) to {AtomicFile.WriteAllText(path, scored.ToString())}");
        }

        return ExitCodes.Ok;
    });
}
