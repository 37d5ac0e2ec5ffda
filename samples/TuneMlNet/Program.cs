using Spectre.Console;
using TuneMlNet;

return await TuneCommand.RunAsync(args, AnsiConsole.Console);
