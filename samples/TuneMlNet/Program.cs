using Dials.Cli;
using TuneMlNet;

// Plain text when redirected or NO_COLOR is set (the dials tool's own console helper, linked in the project file).
return await TuneCommand.RunAsync(args, Consoles.StandardOutput(), Console.Error);
