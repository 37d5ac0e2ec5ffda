using Dials.Cli;
using TuneNetwork;

// Plain text when redirected or NO_COLOR is set (the dials tool's own console helper, linked in the project file).
return await NetworkCommand.RunAsync(args, Consoles.StandardOutput(), Console.Error);
